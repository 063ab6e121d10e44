// Candidate search for mining long documents (candidates.ts) against the exact pass over every pair.

import { describe, expect, it } from 'vitest';
import { topKCandidates } from '../../src/align/candidates.ts';
import type { AlignDoc } from '../../src/align/input.ts';
import { alignPair } from '../../src/align/pair.ts';
import { cosine, topKBoth } from '../../src/align/similarity.ts';
import { l2normalise } from '../../src/embed/vectors.ts';
import { mulberry32 as rng } from '../../src/random.ts';

/**
 * Sentences as the lexical channel makes them: 25 features of a Zipfian vocabulary hashed (with a
 * sign) into `dim` dimensions, weighted by rarity; B holds A's sentences in another order with a
 * third of each one's features replaced, plus sentences of its own. `dense` dimensions are added,
 * non-zero everywhere, as a neural model's part of the default embedder.
 */
function documents(n: number, dim: number, dense = 0): { a: Float32Array[]; b: Float32Array[]; partner: Int32Array } {
  const random = rng(7);
  const vocabulary = 20_000;
  const feature = () => Math.floor(vocabulary ** random());
  const vector = (features: number[], noise: () => number) => {
    const v = new Float32Array(dim + dense);
    for (const f of features) {
      const h = Math.imul(f + 1, 0x9e3779b1) >>> 0;
      v[h % dim]! += (h & 1 ? 1 : -1) * Math.log(2 + f);
    }
    for (let t = 0; t < dense; t++) v[dim + t] = 0.5 + noise();
    return l2normalise(v);
  };
  const sentences = Array.from({ length: n }, () => Array.from({ length: 25 }, feature));
  const a = sentences.map((s) => vector(s, () => random() * 0.1));
  const order = sentences.map((_, i) => i).sort(() => random() - 0.5);
  const partner = new Int32Array(n);
  const b = order.map((i, j) => {
    partner[i] = j;
    return vector(sentences[i]!.map((f) => (random() < 0.33 ? feature() : f)), () => random() * 0.1);
  });
  for (let k = 0; k < n / 5; k++) b.push(vector(Array.from({ length: 25 }, feature), () => random() * 0.1));
  return { a, b, partner };
}

describe('candidate search for long documents', () => {
  it('finds each sentence its exact nearest neighbour, with its exact score, from both sides', () => {
    const { a, b, partner } = documents(1500, 512);
    const exact = topKBoth(a, b, 8);
    const fast = topKCandidates(a, b, 8);
    let same = 0;
    let found = 0;
    for (let i = 0; i < a.length; i++) {
      const j = fast.ab.index[i * 8]!;
      if (j === exact.ab.index[i * 8]) same++;
      if (j === partner[i]) found++;
      expect(Math.abs(fast.ab.score[i * 8]! - cosine(a[i]!, b[j]!))).toBeLessThan(1e-6);
    }
    expect(same / a.length).toBeGreaterThan(0.97);
    expect(found / a.length).toBeGreaterThan(0.95);
    // the other direction too: B's sentences find theirs in A
    let back = 0;
    for (let i = 0; i < a.length; i++) if (fast.ba.index[partner[i]! * 8] === i) back++;
    expect(back / a.length).toBeGreaterThan(0.95);
  });

  it('never lists a neighbour twice in a row', () => {
    const { a, b } = documents(400, 256);
    const { ab, ba } = topKCandidates(a, b, 8);
    for (const top of [ab, ba]) {
      for (let r = 0; r < top.rows; r++) {
        const row = [...top.index.subarray(r * top.k, (r + 1) * top.k)].filter((j) => j >= 0);
        expect(new Set(row).size).toBe(row.length);
      }
    }
  });

  it('looks candidates up by the sparse dimensions when dense ones are joined to them, and scores the whole vectors', () => {
    const { a, b, partner } = documents(800, 512, 64);
    const fast = topKCandidates(a, b, 8);
    let found = 0;
    for (let i = 0; i < a.length; i++) {
      const j = fast.ab.index[i * 8]!;
      if (j === partner[i]) found++;
      expect(Math.abs(fast.ab.score[i * 8]! - cosine(a[i]!, b[j]!))).toBeLessThan(1e-6);
    }
    expect(found / a.length).toBeGreaterThan(0.95);
  });

  it('mines long documents through candidates as well as through every pair', () => {
    const { a, b, partner } = documents(1200, 512);
    const doc = (id: string, vectors: Float32Array[]): AlignDoc => ({
      id,
      n: vectors.length,
      vectors,
      merged: vectors.slice(1).map((v, i) => l2normalise(v.map((x, t) => x + vectors[i]![t]!))),
    });
    const correct = (r: ReturnType<typeof alignPair>) => r.links.filter((l) => l.src.first === l.src.last && l.tgt.first === l.tgt.last && partner[l.src.first] === l.tgt.first).length;
    const whole = alignPair(doc('a', a), doc('b', b), { mode: 'mining', linearAbove: Infinity });
    const fast = alignPair(doc('a', a), doc('b', b), { mode: 'mining', linearAbove: 100_000 });
    expect(fast.reason).toMatch(/candidates/);
    expect(whole.reason).not.toMatch(/candidates/);
    expect(correct(whole)).toBeGreaterThan(0.9 * a.length);
    expect(correct(fast)).toBeGreaterThanOrEqual(correct(whole) - 0.01 * a.length);
    expect(fast.links.length).toBeLessThanOrEqual(whole.links.length + 0.01 * a.length);
  });

  it('compares every pair when the vectors have no sparse dimension', () => {
    const random = rng(3);
    const dense = (n: number) => Array.from({ length: n }, () => l2normalise(Float32Array.from({ length: 32 }, () => random() - 0.5)));
    const [a, b] = [dense(60), dense(70)];
    expect(topKCandidates(a, b, 5)).toEqual(topKBoth(a, b, 5));
  });
});
