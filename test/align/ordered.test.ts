import { describe, expect, it } from 'vitest';
import { buildMarginContext, type Bead } from '../../src/align/margin.ts';
import { alignOrdered, FULL_SEARCH_CELLS, MAX_BAND_CELLS, searchBand } from '../../src/align/ordered.ts';
import { scoreAlignments, type Block } from '../../src/align/score.ts';
import { goldBlocks, lengthsOnlyDoc, LEXICAL, NEURAL, source, translate, World, type Profile } from './synthetic.ts';

function blocks(beads: Bead[]): Block[] {
  const range = (first: number, len: number) => Array.from({ length: len }, (_, k) => first + k);
  return beads.map((b) => [range(b.x.first, b.x.len), range(b.y.first, b.y.len)]);
}

function translationPair(profile: Profile, seed: number, count: number, dim = 256) {
  const world = new World(dim, seed, profile);
  const src = source(world, count);
  const tgt = translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 });
  return { world, src, tgt, a: world.doc('a', src), b: world.doc('b', tgt), gold: goldBlocks(src, tgt) };
}

describe('alignOrdered', () => {
  for (const [name, profile] of [['lexical', LEXICAL], ['neural', NEURAL]] as const) {
    it(`recovers a perturbed translation (${name}-like cosines) at ≥ 95% strict F1`, () => {
      const { a, b, gold } = translationPair(profile, 21, 200);
      expect(gold.some(([s]) => s.length === 2)).toBe(true);
      const beads = alignOrdered(buildMarginContext(a, b));
      const scores = scoreAlignments(gold, blocks(beads));
      expect(scores.strict.f1).toBeGreaterThanOrEqual(0.95);
      // The merges are found as 2:1 beads, and read the other way round as 1:2.
      const merges = gold.filter(([s]) => s.length === 2).map((g) => JSON.stringify(g));
      const found = blocks(beads).filter((bl) => merges.includes(JSON.stringify(bl)));
      expect(found.length).toBeGreaterThanOrEqual(Math.ceil(0.8 * merges.length));
      const reversed = alignOrdered(buildMarginContext(b, a));
      expect(reversed.filter((bead) => bead.y.len === 2).length).toBeGreaterThanOrEqual(Math.ceil(0.8 * merges.length));
    });
  }

  it('gives insertions no link above the acceptance threshold', () => {
    const { a, b, tgt } = translationPair(NEURAL, 22, 150);
    const known = new Set(a.vectors.map((_, i) => i));
    // Items of the translation that carry a meaning the source does not have are insertions.
    const inserted = tgt.flatMap((ids, j) => (ids.every((id) => !known.has(id)) ? [j] : []));
    expect(inserted.length).toBeGreaterThan(0);
    const beads = alignOrdered(buildMarginContext(a, b)).filter((bead) => bead.margin >= 1);
    for (const j of inserted) expect(beads.some((bead) => j >= bead.y.first && j < bead.y.first + bead.y.len)).toBe(false);
  });

  it('searches long documents in a band and still finds an offset start', () => {
    const world = new World(64, 23, NEURAL);
    const src = source(world, 560);
    // 60 sentences of other news before the translation starts: the path leaves the diagonal at once.
    const tgt = [...source(world, 60), ...translate(world, src, { del: 0.05, ins: 0.02, merge: 0.03 })];
    expect(src.length * tgt.length).toBeGreaterThan(FULL_SEARCH_CELLS);
    const beads = alignOrdered(buildMarginContext(world.doc('a', src), world.doc('b', tgt)));
    expect(scoreAlignments(goldBlocks(src, tgt), blocks(beads)).strict.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('bounds the band when nothing anchors it (unrelated documents)', () => {
    const world = new World(8, 25, LEXICAL);
    const a = world.doc('a', source(world, 2500));
    const b = world.doc('b', source(world, 2400));
    const band = searchBand(buildMarginContext(a, b));
    expect(band.cells).toBeLessThanOrEqual(MAX_BAND_CELLS + a.n + b.n);
    expect(band.lo[0]).toBe(0);
    expect(band.hi[a.n]).toBe(b.n);
    // Connected: every row starts no later than the previous one ends.
    for (let i = 1; i <= a.n; i++) {
      expect(band.lo[i]!).toBeLessThanOrEqual(band.hi[i - 1]!);
      expect(band.lo[i]!).toBeGreaterThanOrEqual(band.lo[i - 1]!);
    }
  });

  it('finds the sentence left out by its length where the vectors cannot tell sentences apart', () => {
    // Every sentence and merge has the same vector (as if the embedder saw only a shared template), so each
    // 1:1 bead scores the same and only the lengths say which sentence of A has no translation in B.
    const doc = lengthsOnlyDoc;
    // B leaves out A's third sentence and ends with one of its own, as long, so that the totals agree.
    const a = doc('a', [40, 160, 200, 90, 60, 130]);
    const b = doc('b', [42, 150, 95, 57, 138, 200]);
    const gold: Block[] = [[[0], [0]], [[1], [1]], [[3], [2]], [[4], [3]], [[5], [4]]];
    expect(scoreAlignments(gold, blocks(alignOrdered(buildMarginContext(a, b)))).strict.f1).toBe(1);
    const blind = scoreAlignments(gold, blocks(alignOrdered(buildMarginContext(a, b), { lengthWeight: 0 })));
    expect(blind.strict.f1).toBeLessThan(0.5);
  });

  it('keeps a lexical-like translation at ≥ 95% strict F1 with lengths', () => {
    const { world, src, tgt, a, b, gold } = translationPair(LEXICAL, 21, 200);
    const withLengths = alignOrdered(buildMarginContext({ ...a, lengths: world.lengths(src) }, { ...b, lengths: world.lengths(tgt, 1.2) }));
    expect(scoreAlignments(gold, blocks(withLengths)).strict.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('returns nothing for an empty document', () => {
    const world = new World(8, 24, NEURAL);
    const a = world.doc('a', source(world, 3));
    expect(alignOrdered(buildMarginContext(a, { id: 'b', n: 0, vectors: [], merged: [] }))).toEqual([]);
  });
});
