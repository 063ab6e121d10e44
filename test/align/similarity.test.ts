import { describe, expect, it } from 'vitest';
import { cosine, meanTopK, topK, topKBoth } from '../../src/align/similarity.ts';
import { World, NEURAL } from './synthetic.ts';

/** Brute-force neighbours: every score, sorted, first k. */
function bruteTopK(a: Float32Array[], b: Float32Array[], k: number): Array<Array<[number, number]>> {
  return a.map((x) =>
    b
      .map((y, j) => [j, cosine(x, y)] as [number, number])
      .sort((p, q) => q[1] - p[1] || p[0] - q[0])
      .slice(0, k),
  );
}

function randomVectors(count: number, dim: number, seed: number): Float32Array[] {
  const world = new World(dim, seed, NEURAL);
  return Array.from({ length: count }, () => world.unit());
}

describe('cosine', () => {
  it('is the dot product of unit vectors', () => {
    const x = Float32Array.from([0.6, 0.8, 0]);
    const y = Float32Array.from([0.8, 0.6, 0]);
    expect(cosine(x, y)).toBeCloseTo(0.96, 6);
    expect(cosine(x, x)).toBeCloseTo(1, 6);
    expect(cosine(x, Float32Array.from([0, 0, 1]))).toBe(0);
  });

  it('handles odd dimensions', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5]);
    expect(cosine(x, x)).toBe(55);
  });
});

describe('topK', () => {
  // Sizes that are not multiples of the kernel's 3 × 4 block or of the tiles, to reach every remainder loop.
  const a = randomVectors(101, 37, 1);
  const b = randomVectors(263, 37, 2);

  it('agrees with brute force on random data', () => {
    const k = 5;
    const top = topK(a, b, k);
    const brute = bruteTopK(a, b, k);
    expect(top.rows).toBe(a.length);
    expect(top.k).toBe(k);
    for (let i = 0; i < a.length; i++) {
      for (let c = 0; c < k; c++) {
        expect(top.index[i * k + c]).toBe(brute[i]![c]![0]);
        expect(top.score[i * k + c]).toBeCloseTo(brute[i]![c]![1], 5);
      }
    }
  });

  it('fills both directions from one pass', () => {
    const { ab, ba } = topKBoth(a, b, 3);
    const brute = bruteTopK(b, a, 3);
    expect(ab.rows).toBe(101);
    expect(ba.rows).toBe(263);
    for (let j = 0; j < b.length; j++) {
      expect(Array.from(ba.index.subarray(j * 3, j * 3 + 3))).toEqual(brute[j]!.map(([i]) => i));
    }
  });

  it('clamps k to the size of the other side', () => {
    const top = topK(a.slice(0, 4), b.slice(0, 2), 8);
    expect(top.k).toBe(2);
    expect(top.index.length).toBe(8);
    expect(Array.from(top.index).every((j) => j === 0 || j === 1)).toBe(true);
  });

  it('returns empty rows for empty input', () => {
    expect(topK([], b, 4).rows).toBe(0);
    const none = topK(a.slice(0, 3), [], 4);
    expect(none.k).toBe(0);
    expect(none.rows).toBe(3);
  });

  it('breaks ties by the earlier index', () => {
    const v = Float32Array.from([1, 0]);
    const top = topK([v], [v, v, v], 2);
    expect(Array.from(top.index)).toEqual([0, 1]);
  });
});

describe('meanTopK', () => {
  it('averages the first k scores of each row', () => {
    const a = [Float32Array.from([1, 0])];
    const b = [0.1, 0.9, 0.5].map((c) => Float32Array.from([c, Math.sqrt(1 - c * c)]));
    const top = topK(a, b, 3);
    expect(meanTopK(top, 2)[0]).toBeCloseTo((0.9 + 0.5) / 2, 6);
    expect(meanTopK(top, 9)[0]).toBeCloseTo(0.5, 6);
  });
});

describe('topKBoth on sparse and dense vectors', () => {
  // Vectors with the given share of non-zero values, from a fixed linear congruential stream.
  function vectors(count: number, dim: number, share: number, seed: number): Float32Array[] {
    let state = seed;
    const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    return Array.from({ length: count }, () => {
      const v = new Float32Array(dim);
      for (let t = 0; t < dim; t++) if (next() < share) v[t] = next() - 0.3;
      return v;
    });
  }

  // Every dot product in float64, dimension by dimension, rounded to float32 as the kernels store it.
  function reference(a: Float32Array[], b: Float32Array[], k: number): { index: number[][]; score: number[][] } {
    const index: number[][] = [];
    const score: number[][] = [];
    for (const x of a) {
      const row = b.map((y, j) => {
        let s = 0;
        for (let t = 0; t < x.length; t++) s += x[t]! * y[t]!;
        return { j, s: Math.fround(s) };
      });
      row.sort((p, q) => q.s - p.s || p.j - q.j);
      index.push(row.slice(0, k).map((r) => r.j));
      score.push(row.slice(0, k).map((r) => r.s));
    }
    return { index, score };
  }

  for (const [name, share, kernel] of [
    ['sparse vectors, the kernel auto picks (the inverted index)', 0.2, 'auto'],
    ['sparse vectors through the dense kernel', 0.2, 'dense'],
    ['dense vectors, the kernel auto picks (the tiled kernel)', 1, 'auto'],
    ['dense vectors through the inverted index', 1, 'sparse'],
  ] as const) {
    it(`gives exactly the brute-force neighbours and scores: ${name}`, () => {
      const a = vectors(37, 96, share, 7);
      const b = vectors(53, 96, share, 11);
      const { ab, ba } = topKBoth(a, b, 4, true, kernel);
      const want = reference(a, b, 4);
      const wantBack = reference(b, a, 4);
      for (let i = 0; i < a.length; i++) {
        expect(Array.from(ab.index.subarray(i * 4, i * 4 + 4))).toEqual(want.index[i]);
        expect(Array.from(ab.score.subarray(i * 4, i * 4 + 4))).toEqual(want.score[i]);
      }
      for (let j = 0; j < b.length; j++) {
        expect(Array.from(ba.index.subarray(j * 4, j * 4 + 4))).toEqual(wantBack.index[j]);
        expect(Array.from(ba.score.subarray(j * 4, j * 4 + 4))).toEqual(wantBack.score[j]);
      }
    });
  }
});
