import { describe, expect, it } from 'vitest';
import { kendallTau, longestIncreasing } from '../../src/align/monotone.ts';

describe('longestIncreasing', () => {
  it('returns positions of a longest strictly increasing run', () => {
    const seq = [3, 1, 4, 1, 5, 9, 2, 6];
    const lis = longestIncreasing(seq);
    expect(lis.length).toBe(4);
    const values = lis.map((p) => seq[p]!);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    for (let i = 1; i < lis.length; i++) expect(lis[i]!).toBeGreaterThan(lis[i - 1]!);
  });

  it('handles sorted, reversed and empty input', () => {
    expect(longestIncreasing([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    expect(longestIncreasing([3, 2, 1]).length).toBe(1);
    expect(longestIncreasing([])).toEqual([]);
    expect(longestIncreasing([2, 2, 2]).length).toBe(1);
  });
});

describe('kendallTau', () => {
  it('is 1 in order, -1 reversed', () => {
    expect(kendallTau([0, 1, 2, 3, 4])).toBe(1);
    expect(kendallTau([4, 3, 2, 1, 0])).toBe(-1);
  });

  it('is 0 without two values to compare', () => {
    expect(kendallTau([])).toBe(0);
    expect(kendallTau([7])).toBe(0);
  });

  it('counts discordant pairs', () => {
    // [0, 2, 1, 3]: 6 pairs, one discordant → (5 - 1) / 6
    expect(kendallTau([0, 2, 1, 3])).toBeCloseTo(4 / 6, 9);
    // [1, 0, 3, 2]: two discordant → (4 - 2) / 6
    expect(kendallTau([1, 0, 3, 2])).toBeCloseTo(2 / 6, 9);
  });

  it('agrees with the quadratic definition on a longer sequence', () => {
    const seq = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    let c = 0;
    let d = 0;
    for (let i = 0; i < seq.length; i++) {
      for (let j = i + 1; j < seq.length; j++) {
        if (seq[j]! > seq[i]!) c++;
        else if (seq[j]! < seq[i]!) d++;
      }
    }
    expect(kendallTau(seq)).toBeCloseTo((c - d) / ((seq.length * (seq.length - 1)) / 2), 9);
  });
});
