// Mining for comparable reports: the same quote or fact anywhere in the other article, in any order.
// Links are mutual best matches by margin, and 1:2 / 2:1 merges where two consecutive sentences both
// match one sentence of the other article.

import { eachCandidate, MERGE_GAIN, MERGE_HALF_MIN, mergeAllowed, spanScore, type Bead, type MarginContext, type SpanRef } from './margin.ts';
import type { TopK } from './similarity.ts';

/** Mutual best matches by margin (each is the other's best candidate), in order of `i`. */
export function mutualBest(ctx: MarginContext): Array<{ i: number; j: number; score: number; margin: number }> {
  const forward = bestByMargin(ctx, ctx.ab, 'a');
  const backward = bestByMargin(ctx, ctx.ba, 'b');
  return mutualOf(forward, backward, ctx.classA, ctx.classB);
}

export interface MiningOptions {
  /** Each half of a merge must reach this margin against the other side on its own. */
  halfMin: number;
  /** The merge's margin must reach this share of its better half's. */
  mergeGain: number;
}

/**
 * Mining. Mutual best pairs are one-to-one already; merges then either extend a pair by a free neighbour
 * (the pair's sentence plus the next or previous one, against the same partner) or stand alone where two
 * consecutive sentences find a partner neither found alone. Each sentence ends up in at most one bead.
 */
export function alignMining(ctx: MarginContext, options: Partial<MiningOptions> = {}): Bead[] {
  const o: MiningOptions = { halfMin: MERGE_HALF_MIN, mergeGain: MERGE_GAIN, ...options };
  const forward = bestByMargin(ctx, ctx.ab, 'a');
  const backward = bestByMargin(ctx, ctx.ba, 'b');
  const pairs: Bead[] = mutualOf(forward, backward, ctx.classA, ctx.classB).map((p) => ({ x: one(p.i), y: one(p.j), score: p.score, margin: p.margin }));
  const merges = [
    ...pairs.flatMap((p) => extension(ctx, p, o) ?? []),
    ...standaloneMerges(ctx, 'a', backward.margin, o),
    ...standaloneMerges(ctx, 'b', forward.margin, o),
  ].sort(compareBeads);
  return upgrade(pairs, merges);
}

/**
 * Applies merges strongest first. A merge may take free sentences and may absorb one 1:1 pair whose
 * sentences it contains (the pair becomes the merge); a merge that touches anything else is dropped.
 */
function upgrade(pairs: Bead[], merges: Bead[]): Bead[] {
  const byX = new Map<number, Bead>();
  const byY = new Map<number, Bead>();
  const place = (bead: Bead) => {
    sentencesOf(bead.x).forEach((s) => byX.set(s, bead));
    sentencesOf(bead.y).forEach((s) => byY.set(s, bead));
  };
  pairs.forEach(place);
  const kept = new Set<Bead>(pairs);
  for (const merge of merges) {
    const xs = sentencesOf(merge.x);
    const ys = sentencesOf(merge.y);
    const touched = new Set<Bead | undefined>([...xs.map((s) => byX.get(s)), ...ys.map((s) => byY.get(s))]);
    touched.delete(undefined);
    if (touched.size > 1) continue;
    const old = [...touched][0];
    if (old) {
      const absorbed = old.x.len + old.y.len === 2 && xs.includes(old.x.first) && ys.includes(old.y.first);
      if (!absorbed) continue;
      kept.delete(old);
    }
    kept.add(merge);
    place(merge);
  }
  return [...kept].sort(compareBeads);
}

/** The best merge that grows a 1:1 pair by one neighbouring sentence on either side, if any qualifies. */
function extension(ctx: MarginContext, pair: Bead, o: MiningOptions): Bead | undefined {
  const i = pair.x.first;
  const j = pair.y.first;
  // [merged x, merged y, the added sentence]: the added one is scored alone against the pair's partner.
  const grown: Array<[SpanRef, SpanRef, SpanRef]> = [];
  if (i > 0) grown.push([{ first: i - 1, len: 2 }, one(j), one(i - 1)]);
  if (i + 1 < ctx.a.n) grown.push([{ first: i, len: 2 }, one(j), one(i + 1)]);
  if (j > 0) grown.push([one(i), { first: j - 1, len: 2 }, one(j - 1)]);
  if (j + 1 < ctx.b.n) grown.push([one(i), { first: j, len: 2 }, one(j + 1)]);
  let best: Bead | undefined;
  for (const [x, y, added] of grown) {
    const half = x.len === 2 ? spanScore(ctx, added, y).margin : spanScore(ctx, x, added).margin;
    const merged = spanScore(ctx, x, y);
    if (!mergeAllowed(merged.margin, pair.margin, half, o.halfMin, o.mergeGain)) continue;
    const bead: Bead = { x, y, ...merged };
    if (!best || compareBeads(bead, best) < 0) best = bead;
  }
  return best;
}

/** Strongest first: margin, then cosine, then position, so equal scores still sort the same way every run. */
export function compareBeads(p: Bead, q: Bead): number {
  return (
    q.margin - p.margin ||
    q.score - p.score ||
    p.x.first - q.x.first ||
    p.y.first - q.y.first ||
    p.x.len - q.x.len ||
    p.y.len - q.y.len
  );
}

/**
 * Mutual best matches, read over copies: i and j match when i's best is a copy of j and j's best a copy
 * of i (without copies: each is the other's best). The copies of a matched pair of sentences are then
 * paired in order, the first copy of one with the first copy of the other, and so on, so a text told
 * twice on both sides is aligned twice, each copy with its counterpart.
 */
function mutualOf(forward: Best, backward: Best, classA: Int32Array, classB: Int32Array): Array<{ i: number; j: number; score: number; margin: number }> {
  const xs = new Map<string, number[]>();
  const ys = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, v: number) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  const matched = (i: number): string | undefined => {
    const j = forward.index[i]!;
    if (j < 0) return undefined;
    const back = backward.index[j]!;
    return back >= 0 && classA[back] === classA[i] ? `${classA[i]}:${classB[j]}` : undefined;
  };
  for (let i = 0; i < forward.index.length; i++) {
    const key = matched(i);
    if (key !== undefined) push(xs, key, i);
  }
  for (let j = 0; j < backward.index.length; j++) {
    const i = backward.index[j]!;
    if (i < 0) continue;
    const key = `${classA[i]}:${classB[j]}`;
    if (xs.has(key)) push(ys, key, j);
  }
  const pairs: Array<{ i: number; j: number; score: number; margin: number }> = [];
  for (const [key, is] of xs) {
    const js = ys.get(key) ?? [];
    for (let t = 0; t < Math.min(is.length, js.length); t++) {
      const i = is[t]!;
      pairs.push({ i, j: js[t]!, score: forward.score[i]!, margin: forward.margin[i]! });
    }
  }
  return pairs.sort((p, q) => p.i - q.i);
}

interface Best {
  index: Int32Array;
  score: Float32Array;
  margin: Float32Array;
}

/** For each sentence of one side, its candidate on the other side with the highest margin. */
function bestByMargin(ctx: MarginContext, top: TopK, side: 'a' | 'b'): Best {
  const best: Best = {
    index: new Int32Array(top.rows).fill(-1),
    score: new Float32Array(top.rows),
    margin: new Float32Array(top.rows).fill(-Infinity),
  };
  for (let r = 0; r < top.rows; r++) {
    eachCandidate(ctx, side, r, (o, score, margin) => {
      if (margin > best.margin[r]!) {
        best.index[r] = o;
        best.score[r] = score;
        best.margin[r] = margin;
      }
    });
  }
  return best;
}

/**
 * Merges of two consecutive sentences of `side` against one sentence of the other side that neither
 * sentence found alone. The partner is looked for among both halves' candidates and must prefer the merge
 * to its own best single match.
 */
function standaloneMerges(ctx: MarginContext, side: 'a' | 'b', otherBest: Float32Array, opts: MiningOptions): Bead[] {
  const top = side === 'a' ? ctx.ab : ctx.ba;
  const n = side === 'a' ? ctx.a.n : ctx.b.n;
  const score = (mine: SpanRef, other: number) =>
    side === 'a' ? spanScore(ctx, mine, one(other)) : spanScore(ctx, one(other), mine);
  // Copies of a sentence (one class) score alike, and the first of them is the one kept: one is enough.
  const classOf = side === 'a' ? ctx.classB : ctx.classA;
  const beads: Bead[] = [];
  const seen = new Set<number>();
  for (let i = 0; i + 1 < n; i++) {
    seen.clear();
    let found: Bead | undefined;
    for (const row of [i, i + 1]) {
      for (let c = 0; c < top.k; c++) {
        const other = top.index[row * top.k + c]!;
        if (other < 0 || seen.has(classOf[other]!)) continue;
        seen.add(classOf[other]!);
        const merged = score({ first: i, len: 2 }, other);
        if (found && merged.margin <= found.margin) continue;
        if (merged.margin < otherBest[other]!) continue;
        const left = score(one(i), other).margin;
        const right = score(one(i + 1), other).margin;
        if (!mergeAllowed(merged.margin, left, right, opts.halfMin, opts.mergeGain)) continue;
        const bead = { first: i, len: 2 } as const;
        found = side === 'a'
          ? { x: bead, y: one(other), score: merged.score, margin: merged.margin }
          : { x: one(other), y: bead, score: merged.score, margin: merged.margin };
      }
    }
    if (found) beads.push(found);
  }
  return beads;
}

function one(first: number): SpanRef {
  return { first, len: 1 };
}

function sentencesOf(span: SpanRef): number[] {
  return span.len === 1 ? [span.first] : [span.first, span.first + 1];
}
