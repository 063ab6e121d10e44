import { describe, expect, it } from 'vitest';
import { buildMarginContext, type Bead } from '../../src/align/margin.ts';
import { alignMining, mutualBest } from '../../src/align/mining.ts';
import { DEFAULT_MIN_SCORE } from '../../src/align/pair.ts';
import { scoreAlignments, type Block } from '../../src/align/score.ts';
import { goldBlocks, LEXICAL, NEURAL, report, source, World } from './synthetic.ts';
import type { AlignDoc } from '../../src/align/input.ts';
import { l2normalise } from '../../src/embed/vectors.ts';

function blocks(beads: Bead[]): Block[] {
  const range = (first: number, len: number) => Array.from({ length: len }, (_, k) => first + k);
  return beads.map((b) => [range(b.x.first, b.x.len), range(b.y.first, b.y.len)]);
}

function reportPair(profile: typeof LEXICAL, seed: number) {
  const world = new World(256, seed, profile);
  const src = source(world, 200);
  // Half the facts, shuffled, 30% unrelated sentences, and sentences 100 and 101 told as one.
  const rep = report(world, src, { keep: 0.5, extra: 0.3, merge: 100 });
  return { a: world.doc('a', src), b: world.doc('r', rep), gold: goldBlocks(src, rep), merged: rep.findIndex((ids) => ids.length === 2) };
}

const accepted = (beads: Bead[]) => beads.filter((b) => b.margin >= DEFAULT_MIN_SCORE.mining);

/** A document whose text is `doc`'s repeated `copies` times: every sentence has identical copies (identical vectors). */
function repeated(doc: AlignDoc, copies: number): AlignDoc {
  const vectors = Array.from({ length: copies }, () => doc.vectors).flat();
  const merged = vectors.slice(1).map((v, i) => l2normalise(Float32Array.from(vectors[i]!, (x, t) => x + v[t]!)));
  return { id: doc.id, n: vectors.length, vectors, merged };
}

describe('mining a text that repeats itself', () => {
  // An archive that holds each article several times: every sentence has identical copies on both sides,
  // so its k nearest neighbours are its own copies and a margin that counts them all falls to 1.
  // 4 copies, and 40: more copies than the candidates a sentence keeps (before copies were searched
  // once, 40 copies filled every neighbourhood and mining found almost nothing).
  for (const copies of [4, 40]) {
    it(`finds the links of every copy (${copies} copies), pairing the copies in order, and no link between different facts`, () => {
      const world = new World(256, 17, LEXICAL);
      const src = source(world, 60);
      const rep = report(world, src, { keep: 0.6, extra: 0.2 });
      const base = { a: world.doc('a', src), b: world.doc('r', rep) };
      const once = accepted(alignMining(buildMarginContext(base.a, base.b)));
      const a = repeated(base.a, copies);
      const b = repeated(base.b, copies);
      const beads = accepted(alignMining(buildMarginContext(a, b))).filter((x) => x.x.len === 1 && x.y.len === 1);
      const onceOneToOne = once.filter((x) => x.x.len === 1 && x.y.len === 1);
      expect(onceOneToOne.length).toBeGreaterThan(20);
      // each 1:1 link found in the text told once is found in every copy, copy t of A with copy t of B
      expect(beads.length).toBeGreaterThanOrEqual(onceOneToOne.length * copies * 0.9);
      for (const x of beads) {
        const [i, j] = [x.x.first % src.length, x.y.first % rep.length];
        expect(Math.floor(x.x.first / src.length), `copy of ${x.x.first} ↔ ${x.y.first}`).toBe(Math.floor(x.y.first / rep.length));
        expect(rep[j]!.some((id) => src[i]!.includes(id)), `${i} ↔ ${j} share a fact`).toBe(true);
      }
    });
  }
});

describe('alignMining', () => {
  for (const [name, profile] of [['lexical', LEXICAL], ['neural', NEURAL]] as const) {
    it(`recovers the shared sentences of a shuffled report (${name}-like cosines)`, () => {
      const { a, b, gold } = reportPair(profile, 7);
      const scores = scoreAlignments(gold, blocks(accepted(alignMining(buildMarginContext(a, b)))));
      expect(scores.strict.precision).toBeGreaterThanOrEqual(0.95);
      expect(scores.strict.recall).toBeGreaterThanOrEqual(0.9);
    });

    it(`finds the 2:1 and, read the other way, the 1:2 merge (${name}-like cosines)`, () => {
      const { a, b, merged } = reportPair(profile, 7);
      const forward = alignMining(buildMarginContext(a, b));
      expect(forward).toContainEqual(expect.objectContaining({ x: { first: 100, len: 2 }, y: { first: merged, len: 1 } }));
      const backward = alignMining(buildMarginContext(b, a));
      expect(backward).toContainEqual(expect.objectContaining({ x: { first: merged, len: 1 }, y: { first: 100, len: 2 } }));
      // The merge replaces the 1:1 link of either half, it does not come on top of it.
      expect(forward.filter((bead) => bead.y.first === merged)).toHaveLength(1);
    });
  }

  it('uses every sentence at most once per side', () => {
    const { a, b } = reportPair(LEXICAL, 8);
    const beads = alignMining(buildMarginContext(a, b));
    const xs = beads.flatMap((bead) => (bead.x.len === 2 ? [bead.x.first, bead.x.first + 1] : [bead.x.first]));
    const ys = beads.flatMap((bead) => (bead.y.len === 2 ? [bead.y.first, bead.y.first + 1] : [bead.y.first]));
    expect(new Set(xs).size).toBe(xs.length);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('does not glue an unrelated neighbour onto a pair', () => {
    const world = new World(256, 9, LEXICAL);
    const src = source(world, 60);
    // The report keeps sentence 30 but not 31: [30, 31] must not be offered as a merge.
    const rep = shuffleKeep(src, [5, 12, 30, 44, 50]);
    const beads = alignMining(buildMarginContext(world.doc('a', src), world.doc('r', rep)));
    expect(beads.every((bead) => bead.x.len === 1 && bead.y.len === 1)).toBe(true);
    expect(beads.filter((bead) => bead.margin >= DEFAULT_MIN_SCORE.mining)).toHaveLength(5);
  });

  it('mutualBest pairs are one-to-one', () => {
    const { a, b } = reportPair(NEURAL, 10);
    const pairs = mutualBest(buildMarginContext(a, b));
    expect(new Set(pairs.map((p) => p.i)).size).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p.j)).size).toBe(pairs.length);
  });
});

function shuffleKeep(src: number[][], keep: number[]): number[][] {
  return [...keep].reverse().map((i) => [...src[i]!]);
}
