import { describe, expect, it } from 'vitest';
import { chooseMethod, orderEvidence } from '../../src/align/auto.ts';
import { buildMarginContext } from '../../src/align/margin.ts';
import { LEXICAL, NEURAL, report, shuffle, source, translate, World } from './synthetic.ts';

describe('chooseMethod', () => {
  for (const [name, profile] of [['lexical', LEXICAL], ['neural', NEURAL]] as const) {
    it(`picks ordered for a translation and mining for a shuffled report (${name}-like cosines)`, () => {
      const world = new World(256, 31, profile);
      const src = source(world, 60);
      const a = world.doc('a', src);
      const translation = world.doc('t', translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 }));
      const shuffled = world.doc('r', report(world, src, { keep: 0.6, extra: 0.3 }));

      const t = chooseMethod(a, translation);
      expect(t.method).toBe('ordered');
      expect(t.reason).toMatch(/^ordered: \d+ confident mutual pairs cover \d+% .*Kendall τ 0\.9\d|^ordered: .*τ 1\.00/);

      const r = chooseMethod(a, shuffled);
      expect(r.method).toBe('mining');
      expect(r.reason).toMatch(/^mining: .*; τ below 0.5$/);
    });
  }

  it('picks mining when a short pair has too few pairs to show an order', () => {
    const world = new World(64, 32, NEURAL);
    const src = source(world, 3);
    const choice = chooseMethod(world.doc('a', src), world.doc('b', src));
    expect(choice.method).toBe('mining');
    expect(choice.reason).toContain('not beyond chance');
  });

  it('picks mining when documents share only a small ordered part', () => {
    const world = new World(128, 33, NEURAL);
    const shared = source(world, 6);
    const a = world.doc('a', [...shared, ...source(world, 34)]);
    const b = world.doc('b', [...shared, ...source(world, 34)]);
    const e = orderEvidence(buildMarginContext(a, b));
    expect(e.tau).toBeGreaterThan(0.5);
    expect(chooseMethod(a, b).reason).toContain('coverage below 30%');
  });

  it('picks ordered for a short, weakly matched translation by the shuffle test, where z cannot reach 2', () => {
    // Vectors so noisy that only three confident pairs stand out: in order, but three pairs reach z 1.6.
    const world = new World(256, 55, { common: 0.15, noise: [3, 4] });
    const src = source(world, 10);
    const tgt = translate(world, src, { del: 0.1, ins: 0.05, merge: 0.1 });
    const rep = shuffle(world.rand, tgt.map((ids) => [...ids])); // the same sentences out of order
    const a = { ...world.doc('a', src), lengths: world.lengths(src) };
    const b = { ...world.doc('b', tgt), lengths: world.lengths(tgt, 1.2) };
    const e = orderEvidence(buildMarginContext(a, b));
    expect(e.pairs).toBe(3);
    expect(e.z).toBeLessThan(2);
    const choice = chooseMethod(a, b);
    expect(choice.method).toBe('ordered');
    expect(choice.reason).toMatch(/shuffle test p 0\.0\d$/);

    const r = chooseMethod(a, { ...world.doc('r', rep), lengths: world.lengths(rep, 1.2) });
    expect(r.method).toBe('mining');
    expect(r.reason).toMatch(/order not beyond chance \(shuffle test p above 0\.05\)$|τ below 0\.5$/);
  });
});
