import { describe, expect, it } from 'vitest';
import { formatVecalign, linksToBlocks, parseVecalign, scoreAlignments, type Block } from '../../src/align/score.ts';
import { PolyalignError } from '../../src/errors.ts';

describe('scoreAlignments', () => {
  const gold: Block[] = [[[0], [0]], [[1, 2], [1]], [[3], [2]], [[4], []], [[], [3]]];

  it('is perfect on the gold itself', () => {
    const s = scoreAlignments(gold, gold);
    expect(s.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.lax).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('counts exact blocks strictly and overlapping ones laxly', () => {
    // [0]:[0] exact; [1]:[1] overlaps gold [1,2]:[1]; [3]:[3] overlaps nothing (gold 3 is with target 2).
    const pred: Block[] = [[[0], [0]], [[1], [1]], [[3], [3]]];
    const s = scoreAlignments(gold, pred);
    // Gold without insertions/deletions: 3 blocks. Strict: 1 of 3 predicted right, 1 of 3 gold found.
    expect(s.strict.precision).toBeCloseTo(1 / 3, 9);
    expect(s.strict.recall).toBeCloseTo(1 / 3, 9);
    expect(s.strict.f1).toBeCloseTo(1 / 3, 9);
    // Lax: 2 of 3 predicted overlap a gold block on both sides; gold [0], [1,2] are touched, [3]:[2] is not.
    expect(s.lax.precision).toBeCloseTo(2 / 3, 9);
    expect(s.lax.recall).toBeCloseTo(2 / 3, 9);
  });

  it('needs the overlap on both sides to be with the same gold block', () => {
    // Source 0 belongs to gold [0]:[0], target 2 to gold [3]:[2]: overlapping two different blocks is wrong.
    expect(scoreAlignments(gold, [[[0], [2]]]).lax.precision).toBe(0);
  });

  it('ignores insertions, deletions, repeats and order inside a block', () => {
    const pred: Block[] = [[[2, 1], [1]], [[1, 2], [1]], [[5], []], [[], [7]]];
    const s = scoreAlignments(gold, pred);
    expect(s.strict.precision).toBe(1);
    expect(s.strict.recall).toBeCloseTo(1 / 3, 9);
  });

  it('scores 0, not NaN, when there is nothing to score', () => {
    expect(scoreAlignments([], [])).toEqual({ strict: { precision: 0, recall: 0, f1: 0 }, lax: { precision: 0, recall: 0, f1: 0 } });
    expect(scoreAlignments(gold, []).strict).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('Vecalign format', () => {
  it('parses lines with and without a score, and empty sides', () => {
    const text = '[0, 1]:[0]:0.53\n[2]:[1, 2]:0.1\n\n[]:[3]\n[3]:[]:0.0\n';
    expect(parseVecalign(text)).toEqual([
      { src: [0, 1], tgt: [0], score: 0.53 },
      { src: [2], tgt: [1, 2], score: 0.1 },
      { src: [], tgt: [3] },
      { src: [3], tgt: [], score: 0 },
    ]);
  });

  it('round-trips through formatVecalign', () => {
    const lines = [{ src: [0, 1], tgt: [0], score: 0.53 }, { src: [], tgt: [3] }];
    expect(formatVecalign(lines)).toBe('[0, 1]:[0]:0.530000\n[]:[3]\n');
    expect(parseVecalign(formatVecalign(lines))).toEqual(lines);
  });

  it('names the line and the file of a malformed entry', () => {
    let error: unknown;
    try {
      parseVecalign('[0]:[0]:0.5\n0 -> 1\n', 'gold.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolyalignError);
    expect((error as PolyalignError).code).toBe('eval.invalid');
    expect((error as PolyalignError).message).toMatch(/^gold\.txt: line 2: expected/);
    expect(() => parseVecalign('[0]:[1]:high')).toThrow(/line 1: expected a number/);
  });
});

describe('linksToBlocks', () => {
  it('expands spans to sentence lists', () => {
    expect(linksToBlocks([{ src: { first: 3, last: 4 }, tgt: { first: 7, last: 7 } }])).toEqual([[[3, 4], [7]]]);
  });
});
