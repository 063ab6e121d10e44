import { describe, expect, it } from 'vitest';
import { LENGTH_FLOOR, lengthScore } from '../../src/align/length.ts';
import { buildMarginContext } from '../../src/align/margin.ts';
import { NEURAL, source, World } from './synthetic.ts';

const world = new World(16, 61, NEURAL);
const items = source(world, 4);
const doc = (id: string, lengths?: number[]) => ({ ...world.doc(id, items), ...(lengths ? { lengths } : {}) });
const one = (first: number) => ({ first, len: 1 }) as const;
const two = (first: number) => ({ first, len: 2 }) as const;

describe('lengthScore', () => {
  it('favours beads whose lengths fit, after the documents’ overall ratio', () => {
    // B is a language 50% longer than A: 150 characters against 100 is a fit, 100 against 100 is not.
    const score = lengthScore(buildMarginContext(doc('a', [100, 40, 200, 60]), doc('b', [150, 60, 300, 90])))!;
    expect(score(one(0), one(0))).toBeGreaterThan(0.9);
    expect(score(one(2), one(2))).toBeGreaterThan(0.9);
    expect(score(one(0), one(1))).toBeLessThan(0);
    expect(score(one(1), one(2))).toBe(LENGTH_FLOOR);
  });

  it('scores a 2:1 bead by the sum of its two sentences', () => {
    const score = lengthScore(buildMarginContext(doc('a', [100, 40, 200, 60]), doc('b', [140, 140, 60, 60])))!;
    expect(score(two(0), one(0))).toBeGreaterThan(0.9);
    expect(score(one(0), one(0))).toBeLessThan(score(two(0), one(0)));
    expect(score(one(2), two(1))).toBeGreaterThan(0.9);
  });

  it('is absent when either document has no lengths, the wrong number of them, or only zeros', () => {
    expect(lengthScore(buildMarginContext(doc('a', [1, 2, 3, 4]), doc('b')))).toBeUndefined();
    expect(lengthScore(buildMarginContext(doc('a', [1, 2, 3]), doc('b', [1, 2, 3, 4])))).toBeUndefined();
    expect(lengthScore(buildMarginContext(doc('a', [0, 0, 0, 0]), doc('b', [1, 2, 3, 4])))).toBeUndefined();
  });
});
