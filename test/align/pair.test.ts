import { describe, expect, it } from 'vitest';
import type { Bead } from '../../src/align/margin.ts';
import { alignPair, contiguous, DEFAULT_MIN_SCORE, resolveAlignOptions } from '../../src/align/pair.ts';
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

  it('accepts an ordered link that continues the path whatever its margin, unless the user sets a threshold', () => {
    // Twelve sentences translated one to one, but the embedder saw nothing in the translation of sentence 5
    // (an unrelated vector): the path still runs through it, between two links in place.
    const w = new World(256, 43, LEXICAL);
    const items = source(w, 12);
    const lengths = items.map((ids) => w.meaningLength(ids[0]!));
    const x = { ...w.doc('x', items), lengths };
    const y = { ...w.doc('y', items), lengths };
    y.vectors[5] = w.unit();
    const byDefault = alignPair(x, y, { mode: 'ordered' });
    const weak = byDefault.links.find((l) => l.src.first === 5);
    expect(weak).toMatchObject({ src: { first: 5, last: 5 }, tgt: { first: 5, last: 5 } });
    expect(weak!.margin).toBeLessThan(DEFAULT_MIN_SCORE.ordered);
    expect(byDefault.links).toHaveLength(12);
    const plain = alignPair(x, y, { mode: 'ordered', minScore: DEFAULT_MIN_SCORE.ordered });
    expect(plain.links.some((l) => l.src.first === 5)).toBe(false);
    expect(plain.below.map((l) => [l.src.first, l.tgt.first])).toContainEqual([5, 5]);
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

describe('contiguous', () => {
  const bead = (x: number, xl: 1 | 2, y: number, yl: 1 | 2): Bead => ({ x: { first: x, len: xl }, y: { first: y, len: yl }, score: 0, margin: 0 });

  it('keeps beads that touch their neighbour in the path on both sides, and only those', () => {
    const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 1), bead(4, 1, 2, 1), bead(6, 1, 4, 1), bead(7, 1, 5, 2)];
    // 0:0 and 1-2:1 touch; 4:2 follows a skipped sentence 3 of x; 6:4 skips x 5 and y 3; 6:4 and 7:5-6 touch.
    expect([...contiguous(path)]).toEqual([path[0], path[1], path[3], path[4]]);
  });

  it('finds nothing in a path of one bead or none', () => {
    expect(contiguous([bead(0, 1, 0, 1)]).size).toBe(0);
    expect(contiguous([]).size).toBe(0);
  });
});

describe('resolveAlignOptions', () => {
  it('fills defaults', () => {
    expect(resolveAlignOptions()).toEqual({ mode: 'auto', minScore: undefined, k: 4, thresholds: { ordered: 1.0, mining: 1.35 }, autoPairMin: 1.2 });
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
