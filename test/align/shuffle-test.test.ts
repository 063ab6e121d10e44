import { describe, expect, it } from 'vitest';
import { buildMarginContext } from '../../src/align/margin.ts';
import { SHUFFLE_MAX_CELLS, shuffleTest } from '../../src/align/shuffle-test.ts';
import { lengthsOnlyDoc, LEXICAL, report, source, translate, World } from './synthetic.ts';

describe('shuffleTest', () => {
  it('finds the order of a translation and none in a shuffled report', () => {
    const world = new World(256, 71, LEXICAL);
    const src = source(world, 30);
    const tgt = translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 });
    const rep = report(world, src, { keep: 0.7, extra: 0.2 });
    const a = { ...world.doc('a', src), lengths: world.lengths(src) };
    const b = { ...world.doc('b', tgt), lengths: world.lengths(tgt, 1.2) };
    const r = { ...world.doc('r', rep), lengths: world.lengths(rep, 1.2) };
    const t = shuffleTest(buildMarginContext(a, b))!;
    expect(t.p).toBe(0.01); // no shuffled copy comes close
    expect(t.value).toBeGreaterThan(0);
    expect(shuffleTest(buildMarginContext(a, r))!.p).toBeGreaterThan(0.05);
    // The same pair always gets the same verdict.
    expect(shuffleTest(buildMarginContext(a, r))).toEqual(shuffleTest(buildMarginContext(a, r)));
  });

  it('reads an order from sentence lengths alone when the vectors cannot tell sentences apart', () => {
    const doc = lengthsOnlyDoc;
    const lengths = [40, 160, 200, 90, 60, 130, 250, 35, 110, 180, 70, 140];
    const a = doc('a', lengths);
    const translation = doc('b', lengths.map((l, k) => Math.round(l * 1.1 + (k % 3) - 1)));
    expect(shuffleTest(buildMarginContext(a, translation))!.p).toBeLessThanOrEqual(0.02);
    // The same lengths out of order: nothing to find.
    const shuffled = doc('r', [7, 2, 10, 0, 5, 11, 3, 8, 1, 6, 4, 9].map((k) => Math.round(lengths[k]! * 1.1)));
    expect(shuffleTest(buildMarginContext(a, shuffled))!.p).toBeGreaterThan(0.05);
    // Without lengths every order scores the same, and the real one beats none.
    expect(shuffleTest(buildMarginContext({ ...a, lengths: undefined }, { ...translation, lengths: undefined }))!.p).toBe(1);
  });

  it('leaves out pairs too large to test, and empty ones', () => {
    const world = new World(16, 72, LEXICAL);
    const side = Math.ceil(Math.sqrt(SHUFFLE_MAX_CELLS)) + 1;
    const big = world.doc('a', source(world, side));
    expect(shuffleTest(buildMarginContext(big, world.doc('b', source(world, side))))).toBeUndefined();
    expect(shuffleTest(buildMarginContext(big, { id: 'e', n: 0, vectors: [], merged: [] }))).toBeUndefined();
  });
});
