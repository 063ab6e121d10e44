// Small constructed pairs with known answers, for each mode: a deletion, a 1:2 merge, a swap of two
// neighbours and a reordering of whole stretches. Documents are 12 sentences of synthetic vectors (see
// synthetic.ts) with exact sentence lengths, in both noise profiles; the expected links are written out in full.

import { describe, expect, it } from 'vitest';
import type { AlignDoc } from '../../src/align/input.ts';
import { alignPair } from '../../src/align/pair.ts';
import type { Link, Mode } from '../../src/types.ts';
import { LEXICAL, NEURAL, World, type Profile } from './synthetic.ts';

const N = 12;

/** Source items 0..11, and the other document's items built from them by `edit`. */
function pair(profile: Profile, seed: number, edit: (src: number[][]) => number[][]): { a: AlignDoc; b: AlignDoc } {
  const world = new World(256, seed, profile);
  const src = Array.from({ length: N }, () => [world.meaning()]);
  const other = edit(src.map((ids) => [...ids]));
  // Lengths without noise: a sentence is as long as the meanings it tells, so they never argue against the answer.
  const lengthOf = (ids: number[]) => ids.reduce((s, id) => s + world.meaningLength(id), 0);
  const withLengths = (id: string, items: number[][]): AlignDoc => ({ ...world.doc(id, items), lengths: items.map(lengthOf) });
  return { a: withLengths('a', src), b: withLengths('b', other) };
}

/** Links as `first-last:first-last` strings, in position order. */
function links(a: AlignDoc, b: AlignDoc, mode: Mode): { method: string; got: string[] } {
  const r = alignPair(a, b, { mode });
  const span = (s: Link['src']) => (s.first === s.last ? `${s.first}` : `${s.first}-${s.last}`);
  return { method: r.method, got: r.links.map((l) => `${span(l.src)}:${span(l.tgt)}`) };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

// The edits, as the source's item indices the other document holds, in its order.
const deletion = (src: number[][]) => src.filter((_, i) => i !== 5);
const merge = (src: number[][]) => [...src.slice(0, 4), [...src[4]!, ...src[5]!], ...src.slice(6)];
const swap = (src: number[][]) => [...src.slice(0, 6), src[7]!, src[6]!, ...src.slice(8)];
const reorder = (src: number[][]) => [...src.slice(6), ...src.slice(0, 6)];

const expected = {
  deletion: [...range(0, 5).map((i) => `${i}:${i}`), ...range(6, N).map((i) => `${i}:${i - 1}`)],
  merge: [...range(0, 4).map((i) => `${i}:${i}`), '4-5:4', ...range(6, N).map((i) => `${i}:${i - 1}`)],
  swap: [...range(0, 6).map((i) => `${i}:${i}`), '6:7', '7:6', ...range(8, N).map((i) => `${i}:${i}`)],
  reorder: [...range(0, 6).map((i) => `${i}:${i + 6}`), ...range(6, N).map((i) => `${i}:${i - 6}`)],
};

describe.each([
  ['lexical', LEXICAL],
  ['neural', NEURAL],
] as const)('constructed pairs (%s-like cosines)', (_name, profile) => {
  describe('ordered', () => {
    it('skips a deleted sentence and keeps the rest in place', () => {
      const { a, b } = pair(profile, 101, deletion);
      expect(links(a, b, 'ordered').got).toEqual(expected.deletion);
    });

    it('links two sentences told as one as a 2:1 span, and as 1:2 read the other way', () => {
      const { a, b } = pair(profile, 102, merge);
      expect(links(a, b, 'ordered').got).toEqual(expected.merge);
      const back = expected.merge.map((l) => l.split(':').reverse().join(':'));
      expect(links(b, a, 'ordered').got).toEqual(back);
    });

    it('keeps one of two swapped neighbours, never a wrong link', () => {
      const { a, b } = pair(profile, 103, swap);
      const { got } = links(a, b, 'ordered');
      const inPlace = expected.swap.filter((l) => l !== '6:7' && l !== '7:6');
      expect(got.filter((l) => inPlace.includes(l))).toEqual(inPlace);
      const swapped = got.filter((l) => !inPlace.includes(l));
      expect(swapped.length).toBe(1);
      expect(['6:7', '7:6']).toContain(swapped[0]);
    });

    it('follows only one stretch of a reordered document, never crossing to a wrong link', () => {
      const { a, b } = pair(profile, 104, reorder);
      const { got } = links(a, b, 'ordered');
      expect(got.length).toBeGreaterThanOrEqual(5);
      for (const l of got) expect(expected.reorder).toContain(l);
    });
  });

  describe('mining', () => {
    it('skips a deleted sentence', () => {
      const { a, b } = pair(profile, 101, deletion);
      expect(links(a, b, 'mining').got).toEqual(expected.deletion);
    });

    it('finds the 1:2 merge as one span', () => {
      const { a, b } = pair(profile, 102, merge);
      expect(links(a, b, 'mining').got).toEqual(expected.merge);
    });

    it('finds both swapped sentences', () => {
      const { a, b } = pair(profile, 103, swap);
      expect(links(a, b, 'mining').got).toEqual(expected.swap);
    });

    it('finds every sentence of a reordered document', () => {
      const { a, b } = pair(profile, 104, reorder);
      expect(links(a, b, 'mining').got).toEqual(expected.reorder);
    });
  });

  describe('auto', () => {
    it('aligns the deletion and the merge in order, the reordering by mining', () => {
      const deleted = pair(profile, 101, deletion);
      expect(links(deleted.a, deleted.b, 'auto')).toEqual({ method: 'ordered', got: expected.deletion });
      const merged = pair(profile, 102, merge);
      expect(links(merged.a, merged.b, 'auto')).toEqual({ method: 'ordered', got: expected.merge });
      const reordered = pair(profile, 104, reorder);
      expect(links(reordered.a, reordered.b, 'auto')).toEqual({ method: 'mining', got: expected.reorder });
    });
  });
});
