import { describe, expect, it } from 'vitest';
import { buildMarginContext, effectiveK, mergeAllowed, ratioMargin, spanScore } from '../../src/align/margin.ts';
import { cosine } from '../../src/align/similarity.ts';
import type { AlignDoc } from '../../src/align/input.ts';
import { LEXICAL, source, World } from './synthetic.ts';

describe('ratioMargin', () => {
  it('divides the cosine by the mean of both neighbourhoods', () => {
    expect(ratioMargin(0.6, 0.4, 0.2)).toBeCloseTo(2, 9);
    expect(ratioMargin(0.3, 0.3, 0.3)).toBeCloseTo(1, 9);
  });

  it('stays finite when both neighbourhoods are empty', () => {
    expect(Number.isFinite(ratioMargin(0, 0, 0))).toBe(true);
    expect(ratioMargin(0, 0, 0)).toBe(0);
  });
});

describe('effectiveK', () => {
  it('keeps k for long documents and shrinks it for short ones, never below 2', () => {
    expect(effectiveK(4, 100)).toBe(4);
    expect(effectiveK(4, 10)).toBe(3);
    expect(effectiveK(4, 5)).toBe(2);
    expect(effectiveK(4, 1)).toBe(1);
  });
});

describe('mergeAllowed', () => {
  it('needs both halves to stand out and the merge to beat them', () => {
    expect(mergeAllowed(2.0, 1.4, 1.3)).toBe(true);
    expect(mergeAllowed(2.0, 1.8, 0.4)).toBe(false); // an unrelated neighbour glued on
    expect(mergeAllowed(1.5, 1.6, 1.2)).toBe(false); // no better than the stronger half
    expect(mergeAllowed(1.5, 1.6, 1.2, 0.8, 0.7)).toBe(true);
  });
});

describe('buildMarginContext', () => {
  const world = new World(64, 11, LEXICAL);
  const items = source(world, 40);
  const a = world.doc('a', items);
  const b = world.doc('b', items);

  it('ranks a hub sentence below a true pair although its cosine is higher', () => {
    // A hub: as close to sentences 5, 6 and 7 of B as anything can be to three of them at once.
    const sum = new Float32Array(64);
    for (const j of [5, 6, 7]) for (let t = 0; t < 64; t++) sum[t]! += b.vectors[j]![t]!;
    const norm = Math.sqrt(sum.reduce((s, x) => s + x * x, 0));
    const hub = sum.map((x) => x / norm);
    const withHub: AlignDoc = { ...a, n: a.n + 1, vectors: [...a.vectors, hub], merged: [...a.merged, hub] };
    const ctx = buildMarginContext(withHub, b);
    const pair = spanScore(ctx, { first: 5, len: 1 }, { first: 5, len: 1 });
    const hubToFive = spanScore(ctx, { first: a.n, len: 1 }, { first: 5, len: 1 });
    expect(hubToFive.score).toBeGreaterThan(pair.score);
    expect(pair.margin).toBeGreaterThan(1.2);
    expect(hubToFive.margin).toBeLessThan(pair.margin);
  });

  it('estimates the merged neighbourhoods from the halves, never above the exact value', () => {
    const ctx = buildMarginContext(a, b, 4);
    for (let i = 0; i < a.merged.length; i++) {
      const exact = b.vectors.map((y) => cosine(a.merged[i]!, y)).sort((x, y) => y - x);
      const exactMean = (exact[0]! + exact[1]! + exact[2]! + exact[3]!) / 4;
      expect(ctx.rMergedA[i]!).toBeLessThanOrEqual(exactMean + 1e-6);
      expect(ctx.rMergedA[i]!).toBeGreaterThan(exactMean - 0.05);
    }
  });

  it('scores spans of two sentences with the merged vectors', () => {
    const ctx = buildMarginContext(a, b);
    const s = spanScore(ctx, { first: 3, len: 2 }, { first: 3, len: 1 });
    expect(s.score).toBeCloseTo(cosine(a.merged[3]!, b.vectors[3]!), 6);
    expect(s.margin).toBeCloseTo(ratioMargin(s.score, ctx.rMergedA[3]!, ctx.rB[3]!), 6);
  });
});
