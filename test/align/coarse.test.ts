import { describe, expect, it } from 'vitest';
import { bandCells, coarseBand, DIRECT_CELLS, fullBand } from '../../src/align/coarse.ts';
import { alignPair } from '../../src/align/pair.ts';
import { scoreAlignments, type Block } from '../../src/align/score.ts';
import type { Link } from '../../src/types.ts';
import { goldBlocks, LEXICAL, NEURAL, report, source, translate, World } from './synthetic.ts';

function blocksOf(links: readonly Link[]): Block[] {
  const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k);
  return links.map((l) => [range(l.src.first, l.src.last), range(l.tgt.first, l.tgt.last)]);
}

describe('long documents in a band (coarse-to-fine)', () => {
  it('searches small documents whole', () => {
    const world = new World(16, 1, LEXICAL);
    const src = source(world, 3);
    expect(coarseBand(world.doc('a', src).vectors, world.doc('b', src.slice(0, 2)).vectors)).toEqual(fullBand(3, 2));
  });

  for (const [name, profile] of [['lexical', LEXICAL], ['neural', NEURAL]] as const) {
    it(`aligns a long translation in a band as well as against every pair (${name}-like cosines), comparing a small share of the pairs`, () => {
      const world = new World(128, 31, profile);
      const src = source(world, 1500);
      const tgt = translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 });
      const a = world.doc('a', src);
      const b = world.doc('b', tgt);
      const gold = goldBlocks(src, tgt);
      const band = coarseBand(a.vectors, b.vectors);
      expect(a.n * b.n).toBeGreaterThan(DIRECT_CELLS);
      // the band is a small share of the matrix and holds every gold link
      expect(bandCells(band)).toBeLessThan(0.1 * a.n * b.n);
      for (const [s, t] of gold) for (const i of s) for (const j of t) expect(j >= band.lo[i]! && j <= band.hi[i]!, `${i} ↔ ${j} in the band`).toBe(true);
      const whole = alignPair(a, b, { mode: 'ordered', linearAbove: Infinity });
      const banded = alignPair(a, b, { mode: 'ordered', linearAbove: 100_000 });
      expect(banded.reason).toMatch(/band/);
      const f1 = (p: typeof whole) => scoreAlignments(gold, blocksOf(p.links)).strict.f1;
      expect(f1(banded)).toBeGreaterThanOrEqual(f1(whole) - 0.01);
      expect(f1(banded)).toBeGreaterThan(0.9);
    });
  }

  it('lets auto decide long documents on their first sentences: a translation goes into the band, a comparable report is mined', () => {
    const world = new World(128, 41, NEURAL);
    const src = source(world, 1500);
    const a = world.doc('a', src);
    const translation = world.doc('t', translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 }));
    const ordered = alignPair(a, translation, { mode: 'auto', linearAbove: 100_000 });
    expect(ordered.method).toBe('ordered');
    expect(ordered.reason).toMatch(/decided on the first 1000 sentences of each.*band/);
    const reportDoc = world.doc('r', report(world, src, { keep: 0.5, extra: 0.3 }));
    const mined = alignPair(a, reportDoc, { mode: 'auto', linearAbove: 100_000 });
    expect(mined.method).toBe('mining');
    expect(mined.reason).toMatch(/decided on the first/);
  });

  it('keeps the band monotone and connected, from the first cell to the last', () => {
    const world = new World(64, 5, LEXICAL);
    const src = source(world, 900);
    const tgt = translate(world, src, { del: 0.3, ins: 0.2, merge: 0.1 });
    const band = coarseBand(world.doc('a', src).vectors, world.doc('b', tgt).vectors);
    expect(band.lo[0]).toBe(0);
    expect(band.hi[band.hi.length - 1]).toBe(tgt.length - 1);
    for (let i = 1; i < band.lo.length; i++) {
      expect(band.lo[i]!).toBeGreaterThanOrEqual(band.lo[i - 1]!);
      expect(band.hi[i]!).toBeGreaterThanOrEqual(band.hi[i - 1]!);
      expect(band.lo[i]!).toBeLessThanOrEqual(band.hi[i - 1]! + 1);
      expect(band.hi[i]!).toBeGreaterThanOrEqual(band.lo[i]!);
    }
  });
});
