// Synthetic documents for the aligner's tests: sentences are random "meanings" (unit vectors) seen through
// an embedder's noise. Two noise profiles mimic the two embedders the tool ships with:
//   lexical: translations at cosine ~0.25–0.55, unrelated sentences ~0.02
//   neural:  translations at cosine ~0.75–0.9,  unrelated sentences ~0.2–0.3 (anisotropy, as LaBSE)
// A document is a list of items; an item is the meanings one sentence carries (two for a merge).

import type { AlignDoc } from '../../src/align/index.ts';
import { mulberry32 } from '../../src/random.ts';
export { mulberry32 };
import { l2normalise } from '../../src/embed/vectors.ts';

export type Block = [number[], number[]];


export interface Profile {
  /** Weight of a direction every sentence shares (anisotropy): raises unrelated cosines. */
  common: number;
  /** Range of per-sentence noise weight: higher means lower cosines between translations. */
  noise: [number, number];
}

export const LEXICAL: Profile = { common: 0.15, noise: [0.9, 1.5] };
export const NEURAL: Profile = { common: 0.55, noise: [0.3, 0.6] };

export class World {
  readonly rand: () => number;
  readonly meanings: Float32Array[] = [];
  private readonly common: Float32Array;
  /** A stream of its own for lengths, so asking for them leaves every vector as it was. */
  private readonly lengthRand: () => number;
  private readonly meaningLengths = new Map<number, number>();

  constructor(
    readonly dim: number,
    seed: number,
    readonly profile: Profile,
  ) {
    this.rand = mulberry32(seed);
    this.lengthRand = mulberry32(seed ^ 0x1e46);
    this.common = this.unit();
  }

  /**
   * Sentence lengths in characters for `items`: each meaning has a length (drawn once, 20–220), which a
   * side reads `ratio` times over, with the noise Gale & Church measured (variance about 9 per character).
   */
  lengths(items: readonly number[][], ratio = 1): number[] {
    return items.map((ids) => {
      let len = 0;
      for (const id of ids) len += this.meaningLength(id);
      const u = 1 - this.lengthRand();
      const gauss = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.lengthRand());
      return Math.max(1, Math.round(ratio * len + gauss * Math.sqrt(9 * ratio * len)));
    });
  }

  /** A fresh meaning id. */
  meaning(): number {
    this.meanings.push(this.unit());
    return this.meanings.length - 1;
  }

  /** One embedding of a sentence carrying these meanings: a fresh draw of noise each time. */
  embed(ids: readonly number[]): Float32Array {
    const [lo, hi] = this.profile.noise;
    const noiseWeight = lo + (hi - lo) * this.rand();
    const sum = new Float32Array(this.dim);
    for (const id of ids) add(sum, this.meanings[id]!, 1);
    l2normalise(sum);
    add(sum, this.common, this.profile.common);
    add(sum, this.unit(), noiseWeight);
    return l2normalise(sum);
  }

  /** Length in characters of a meaning told on its own (drawn on first use, 20–220). */
  meaningLength(id: number): number {
    if (!this.meaningLengths.has(id)) this.meaningLengths.set(id, 20 + Math.floor(200 * this.lengthRand()));
    return this.meaningLengths.get(id)!;
  }

  /** The vectors of a document whose sentences carry `items`. */
  doc(id: string, items: readonly number[][]): AlignDoc {
    return {
      id,
      n: items.length,
      vectors: items.map((ids) => this.embed(ids)),
      merged: items.slice(1).map((ids, i) => this.embed([...items[i]!, ...ids])),
    };
  }

  /** A random unit vector (Gaussian coordinates, Box–Muller). */
  unit(): Float32Array {
    const v = new Float32Array(this.dim);
    for (let t = 0; t < this.dim; t++) {
      const u = 1 - this.rand();
      v[t] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.rand());
    }
    return l2normalise(v);
  }
}

function add(into: Float32Array, v: Float32Array, w: number): void {
  for (let t = 0; t < into.length; t++) into[t]! += w * v[t]!;
}


/**
 * A translation of `source` (one meaning per item): each meaning deleted with `del`, an unrelated
 * sentence inserted before it with `ins`, and adjacent pairs merged into one sentence with `merge`.
 */
export function translate(world: World, source: readonly number[][], opts: { del: number; ins: number; merge: number }): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < source.length; i++) {
    if (world.rand() < opts.ins) out.push([world.meaning()]);
    if (world.rand() < opts.del) continue;
    if (i + 1 < source.length && world.rand() < opts.merge) {
      out.push([...source[i]!, ...source[i + 1]!]);
      i++;
      continue;
    }
    out.push([...source[i]!]);
  }
  return out;
}

/**
 * A comparable report: a shuffled share of the source's meanings plus unrelated sentences. With `merge`,
 * the source items `merge` and `merge + 1` are told in one sentence (and not on their own).
 */
export function report(world: World, source: readonly number[][], opts: { keep: number; extra: number; merge?: number }): number[][] {
  const m = opts.merge;
  const kept = source
    .filter((_, i) => world.rand() < opts.keep && (m === undefined || (i !== m && i !== m + 1)))
    .map((ids) => [...ids]);
  const extra = Math.round(kept.length * opts.extra);
  for (let e = 0; e < extra; e++) kept.push([world.meaning()]);
  if (m !== undefined) kept.push([...source[m]!, ...source[m + 1]!]);
  return shuffle(world.rand, kept);
}

export function shuffle<T>(rand: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Gold blocks: the minimal sets of items on each side that share meanings (connected components). */
export function goldBlocks(a: readonly number[][], b: readonly number[][]): Block[] {
  const where = new Map<number, { a: number[]; b: number[] }>();
  a.forEach((ids, i) => ids.forEach((id) => (where.get(id) ?? where.set(id, { a: [], b: [] }).get(id)!).a.push(i)));
  b.forEach((ids, j) => ids.forEach((id) => (where.get(id) ?? where.set(id, { a: [], b: [] }).get(id)!).b.push(j)));
  const seenA = new Set<number>();
  const blocks: Block[] = [];
  for (let i = 0; i < a.length; i++) {
    if (seenA.has(i)) continue;
    const sa = new Set<number>([i]);
    const sb = new Set<number>();
    const queue: Array<['a' | 'b', number]> = [['a', i]];
    while (queue.length > 0) {
      const [side, k] = queue.pop()!;
      for (const id of (side === 'a' ? a : b)[k]!) {
        const w = where.get(id)!;
        for (const x of w.a) if (!sa.has(x)) (sa.add(x), queue.push(['a', x]));
        for (const y of w.b) if (!sb.has(y)) (sb.add(y), queue.push(['b', y]));
      }
    }
    sa.forEach((x) => seenA.add(x));
    if (sb.size > 0) blocks.push([[...sa].sort((x, y) => x - y), [...sb].sort((x, y) => x - y)]);
  }
  return blocks;
}

/** `count` single-meaning items. */
export function source(world: World, count: number): number[][] {
  return Array.from({ length: count }, () => [world.meaning()]);
}

/**
 * A document whose sentences and merges all have one and the same vector, as if the embedder saw only a
 * shared template: only the sentence lengths can tell its sentences apart.
 */
export function lengthsOnlyDoc(id: string, lengths: number[]): AlignDoc {
  const same = new Float32Array(8).fill(Math.sqrt(1 / 8));
  return { id, n: lengths.length, vectors: lengths.map(() => same), merged: lengths.slice(1).map(() => same), lengths };
}
