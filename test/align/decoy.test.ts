// The mining threshold of long documents, from the runner-up candidates as decoys (src/align/decoy.ts):
// between two long reports of one story it keeps more true pairs than the calibrated threshold at a
// precision that stays high, says so in the pair's reason, and leaves short documents, weak vectors,
// unrelated documents and a threshold the user set as they were.

import { describe, expect, it } from 'vitest';
import { buildMarginContext } from '../../src/align/margin.ts';
import { alignMining } from '../../src/align/mining.ts';
import { alignPair, DEFAULT_MIN_SCORE } from '../../src/align/pair.ts';
import { decoyThreshold, DECOY_MIN_SENTENCES } from '../../src/align/decoy.ts';
import type { PairAlignment } from '../../src/types.ts';
import { LEXICAL, report, source, World } from './synthetic.ts';

/** Two long reports of one story: 90% of the facts, shuffled, 5% unrelated; vectors noisier than LEXICAL's, so the calibrated threshold misses many. */
function longPair(count: number, seed: number, noise: [number, number] = [1.2, 1.8]) {
  const world = new World(256, seed, { ...LEXICAL, noise });
  const src = source(world, count);
  const rep = report(world, src, { keep: 0.9, extra: 0.05 });
  return { a: world.doc('a', src), b: world.doc('r', rep), src, rep };
}

function score(r: PairAlignment, src: number[][], rep: number[][]) {
  const right = r.links.filter((l) => l.src.first === l.src.last && l.tgt.first === l.tgt.last && src[l.src.first]![0] === rep[l.tgt.first]![0]).length;
  const gold = rep.filter((ids) => ids.length === 1 && src.some((s) => s[0] === ids[0])).length;
  return { precision: right / r.links.length, recall: right / gold };
}

describe('the mining threshold of long documents', () => {
  it('keeps more true pairs than the calibrated threshold, at a precision that stays high, and says why', () => {
    const { a, b, src, rep } = longPair(800, 5);
    const fixed = alignPair(a, b, { mode: 'mining', minScore: DEFAULT_MIN_SCORE.mining });
    const adaptive = alignPair(a, b, { mode: 'mining' });
    const [f, d] = [score(fixed, src, rep), score(adaptive, src, rep)];
    expect(d.recall).toBeGreaterThan(f.recall + 0.05);
    expect(d.precision).toBeGreaterThan(0.97);
    expect(f.recall).toBeLessThan(0.8);
    expect(adaptive.reason).toMatch(/long documents: margin threshold 1\.\d\d, where the runner-up matches put the links by chance at \d+\.\d%/);
    const threshold = Number(/margin threshold (\d\.\d\d)/.exec(adaptive.reason)![1]);
    expect(threshold).toBeLessThan(DEFAULT_MIN_SCORE.mining);
    expect(Math.min(...adaptive.links.map((l) => l.margin))).toBeGreaterThanOrEqual(threshold);
    // a threshold the user gave is a plain threshold: no note
    expect(fixed.reason).not.toMatch(/runner-up/);
  });

  it('is the calibrated one for documents shorter than the minimum', () => {
    const { a, b } = longPair(DECOY_MIN_SENTENCES - 10, 6);
    const ctx = buildMarginContext(a, b);
    expect(decoyThreshold(ctx, alignMining(ctx), DEFAULT_MIN_SCORE.mining)).toEqual({ threshold: DEFAULT_MIN_SCORE.mining });
  });

  it('stays at the calibrated one where the vectors are too weak to link most sentences at it', () => {
    const { a, b } = longPair(800, 5, [1.4, 2.2]);
    const ctx = buildMarginContext(a, b);
    expect(decoyThreshold(ctx, alignMining(ctx), DEFAULT_MIN_SCORE.mining).threshold).toBe(DEFAULT_MIN_SCORE.mining);
  });

  it('stays at the calibrated one between long documents that share nothing', () => {
    const world = new World(256, 7, LEXICAL);
    const a = world.doc('a', source(world, 300));
    const b = world.doc('b', source(world, 300));
    const ctx = buildMarginContext(a, b);
    const r = decoyThreshold(ctx, alignMining(ctx), DEFAULT_MIN_SCORE.mining);
    expect(r.threshold).toBe(DEFAULT_MIN_SCORE.mining);
  });
});
