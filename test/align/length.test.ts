import { describe, expect, it } from 'vitest';
import { LENGTH_FLOOR, LENGTH_VARIANCE, languageLength, lengthDeviation, lengthScore } from '../../src/align/length.ts';
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

describe('lengthDeviation', () => {
  it('is 0 for a translation of the expected length, and grows with the characters missing', () => {
    expect(lengthDeviation(120, 120)).toBe(0);
    expect(lengthDeviation(120, 90)).toBeCloseTo(30 / Math.sqrt(LENGTH_VARIANCE * 105), 9);
    expect(lengthDeviation(120, 60)).toBeGreaterThan(lengthDeviation(120, 90));
    // symmetric in the two sides
    expect(lengthDeviation(90, 120)).toBeCloseTo(lengthDeviation(120, 90), 9);
  });

  it('reads the same share of a short sentence as a larger deviation than of a long one', () => {
    // a clause lost from a 60-character sentence against the same share lost from a 600-character span
    expect(lengthDeviation(60, 40)).toBeLessThan(lengthDeviation(600, 400));
    // but the same number of characters weighs more in the short one
    expect(lengthDeviation(60, 40)).toBeGreaterThan(lengthDeviation(600, 580));
  });

  it('takes the languages\' ratio out: Romanian runs longer than Croatian', () => {
    const ratio = Math.exp(languageLength('ro') - languageLength('hr'));
    expect(ratio).toBeGreaterThan(1.1);
    expect(lengthDeviation(400, Math.round(400 * ratio), 'hr', 'ro')).toBeLessThan(0.1);
    expect(lengthDeviation(400, Math.round(400 * ratio))).toBeGreaterThan(0.5);
    // by primary subtag, and 0 for a language it does not know
    expect(languageLength('sr-Cyrl')).toBe(languageLength('sr'));
    expect(languageLength('xx')).toBe(0);
    expect(languageLength(undefined)).toBe(0);
  });
});
