import { describe, expect, it } from 'vitest';
import { alignPair, DEFAULT_MIN_SCORE, resolveAlignOptions } from '../../src/align/pair.ts';
import { linksToBlocks, scoreAlignments } from '../../src/align/score.ts';
import { PolyalignError } from '../../src/errors.ts';
import { goldBlocks, NEURAL, LEXICAL, report, source, translate, World } from './synthetic.ts';

const world = new World(256, 41, LEXICAL);
const src = source(world, 80);
const tgt = translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 });
const rep = report(world, src, { keep: 0.5, extra: 0.5, merge: 40 });
const a = world.doc('a.txt', src);
const t = world.doc('t.txt', tgt);
const r = world.doc('r.txt', rep);

describe('alignPair', () => {
  it('aligns a translation in auto mode as ordered, links sorted by source position', () => {
    const pair = alignPair(a, t);
    expect(pair).toMatchObject({ src: 'a.txt', tgt: 't.txt', method: 'ordered' });
    expect(pair.reason).toMatch(/^ordered: /);
    expect(scoreAlignments(goldBlocks(src, tgt), linksToBlocks(pair.links)).strict.f1).toBeGreaterThanOrEqual(0.95);
    const firsts = pair.links.map((l) => l.src.first);
    expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
    for (const link of pair.links) {
      expect(link).toMatchObject({ method: 'ordered', status: 'auto', src: { doc: 'a.txt' }, tgt: { doc: 't.txt' } });
      expect(link.margin).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE.ordered);
      expect(link.score).toBeGreaterThan(0);
      expect(link.score).toBeLessThanOrEqual(1);
    }
  });

  it('aligns a shuffled report in auto mode as mining, with the merge as a span of two', () => {
    const pair = alignPair(a, r);
    expect(pair.method).toBe('mining');
    expect(pair.links.some((l) => l.src.first === 40 && l.src.last === 41 && l.tgt.first === l.tgt.last)).toBe(true);
    expect(scoreAlignments(goldBlocks(src, rep), linksToBlocks(pair.links)).strict.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps what falls below the threshold in `below`, nothing lost', () => {
    const all = alignPair(a, r, { mode: 'mining', minScore: 0 });
    const strict = alignPair(a, r, { mode: 'mining', minScore: 1.6 });
    expect(strict.below.length).toBeGreaterThan(0);
    expect(strict.links.length + strict.below.length).toBe(all.links.length);
    expect(strict.links.every((l) => l.margin >= 1.6)).toBe(true);
    expect(strict.below.every((l) => l.margin < 1.6)).toBe(true);
  });

  it('leaves the reason empty when the mode is forced', () => {
    const pair = alignPair(a, t, { mode: 'mining' });
    expect(pair.method).toBe('mining');
    expect(pair.reason).toBe('');
    expect(pair.links.every((l) => l.method === 'mining')).toBe(true);
  });

  it('aligns nothing against an empty document', () => {
    const pair = alignPair(a, { id: 'e.txt', n: 0, vectors: [], merged: [] });
    expect(pair.links).toEqual([]);
    expect(pair.below).toEqual([]);
  });

  it('reads the same with neural-like cosines under the same default threshold', () => {
    const w = new World(256, 42, NEURAL);
    const s = source(w, 80);
    const tr = translate(w, s, { del: 0.1, ins: 0.05, merge: 0.05 });
    const pair = alignPair(w.doc('a', s), w.doc('b', tr));
    expect(pair.method).toBe('ordered');
    expect(scoreAlignments(goldBlocks(s, tr), linksToBlocks(pair.links)).strict.f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('resolveAlignOptions', () => {
  it('fills defaults', () => {
    expect(resolveAlignOptions()).toEqual({ mode: 'auto', minScore: undefined, k: 4 });
  });

  it('rejects bad options with a usage error', () => {
    for (const bad of [{ mode: 'fast' }, { minScore: Number.NaN }, { k: 0 }, { k: 2.5 }]) {
      let error: unknown;
      try {
        resolveAlignOptions(bad as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PolyalignError);
      expect((error as PolyalignError).code).toBe('usage.invalid-option');
    }
  });
});
