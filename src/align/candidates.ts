// Neighbours of long documents without comparing every pair of sentences, for mining, which cannot
// use the ordered band (coarse.ts): sentences of comparable articles may be anywhere.
//
// Each sentence is a query over an inverted index of the other document, using only its QUERY_DIMS
// heaviest sparse dimensions (with the lexical channel's vectors these carry about half of its squared
// norm), against the INDEX_DIMS heaviest of each indexed sentence; the CANDIDATES_PER_QUERY best by that partial score are scored exactly, and every exact score
// is offered to both sides' neighbour lists. Both documents query each other, so a sentence's
// neighbours are found from its side and from theirs. Dense dimensions (non-zero in more than half of
// a document's sentences, such as a neural model's) are left out of the queries, as every posting of
// them would be read: with the default embedder the queries run on its lexical part and the exact
// scores on the whole vectors. A document with no sparse dimension gets the exact pass.
//
// Approximate: a neighbour that shares none of a sentence's heaviest dimensions can be missed. What it
// costs is measured on 10,000 × 10,000 lines by bench/hunalign-speed.ts (strict F1 beside the exact pass).

import { emptyTopK, offer, topKBoth, type TopK } from './similarity.ts';

// Chosen on the 10,000-line lexical documents of bench/hunalign-speed.ts (16 / 32 / 16: 3.3 s, F1 0.486;
// 32 / 32 / 32: 6.6 s, F1 0.484; every pair: 19 s, F1 0.474).
/** Heaviest dimensions of a sentence that it looks up. */
export const QUERY_DIMS = 16;
/** Heaviest dimensions of a sentence in the index that queries read. */
export const INDEX_DIMS = 32;
/** Candidates per sentence scored exactly. */
export const CANDIDATES_PER_QUERY = 16;
/** A dimension non-zero in more than this share of a document's sentences is dense and not queried. */
const DENSE_SHARE = 0.5;

interface InvertedIndex {
  start: Int32Array;
  rows: Int32Array;
  values: Float32Array;
  dense: Uint8Array;
}

/**
 * An inverted index of each sentence's INDEX_DIMS heaviest sparse dimensions: a hashed dimension is
 * shared by many features, and a sentence's light values in it are mostly other features' collisions,
 * so leaving them out shortens every posting list without losing what a match shares.
 */
function invertedIndex(vectors: readonly Float32Array[], dim: number): InvertedIndex {
  const count = new Int32Array(dim);
  for (const v of vectors) for (let t = 0; t < dim; t++) if (v[t] !== 0) count[t]!++;
  const dense = new Uint8Array(dim);
  for (let t = 0; t < dim; t++) dense[t] = count[t]! > DENSE_SHARE * vectors.length ? 1 : 0;
  const heavy = new Int32Array(INDEX_DIMS);
  const heavyAbs = new Float32Array(INDEX_DIMS);
  const chosen = vectors.map((v) => heaviest(v, dense, dense, heavy, heavyAbs).slice());
  const start = new Int32Array(dim + 1);
  for (const dims of chosen) for (const t of dims) start[t + 1]!++;
  for (let t = 0; t < dim; t++) start[t + 1]! += start[t]!;
  const rows = new Int32Array(start[dim]!);
  const values = new Float32Array(start[dim]!);
  const next = start.slice(0, dim);
  chosen.forEach((dims, j) => {
    for (const t of dims) {
      const p = next[t]!++;
      rows[p] = j;
      values[p] = vectors[j]![t]!;
    }
  });
  return { start, rows, values, dense };
}

/**
 * The dimensions of v with the largest absolute values, at most heavy.length of them, leaving out
 * those dense on either side: a view of `heavy`, heaviest first.
 */
function heaviest(v: Float32Array, denseX: Uint8Array, denseY: Uint8Array, heavy: Int32Array, heavyAbs: Float32Array): Int32Array {
  const most = heavy.length;
  let size = 0;
  for (let t = 0; t < v.length; t++) {
    const x = Math.abs(v[t]!);
    if (x === 0 || denseX[t] || denseY[t]) continue;
    if (size === most && x <= heavyAbs[size - 1]!) continue;
    let p = size < most ? size++ : size - 1;
    while (p > 0 && x > heavyAbs[p - 1]!) {
      heavyAbs[p] = heavyAbs[p - 1]!;
      heavy[p] = heavy[p - 1]!;
      p--;
    }
    heavyAbs[p] = x;
    heavy[p] = t;
  }
  return heavy.subarray(0, size);
}

/** True when some dimension is sparse on both sides, so that queries can find anything. */
function querySpace(x: InvertedIndex, y: InvertedIndex): boolean {
  for (let t = 0; t < x.dense.length; t++) if (!x.dense[t] && !y.dense[t]) return true;
  return false;
}

/**
 * `cosine(x, y)` over the non-zero dimensions of x only, with the same two accumulators (even and odd
 * dimensions), so the same sum: the terms left out are zeros.
 */
function sparseCosine(x: Float32Array, nonZero: Int32Array, nnz: number, y: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  for (let p = 0; p < nnz; p++) {
    const t = nonZero[p]!;
    if (t & 1) s1 += x[t]! * y[t]!;
    else s0 += x[t]! * y[t]!;
  }
  return s0 + s1;
}

/** Whether row `r` of `top` already holds `col`. */
function holds(top: TopK, r: number, col: number): boolean {
  for (let c = r * top.k, end = c + top.k; c < end; c++) if (top.index[c] === col) return true;
  return false;
}

/**
 * Queries every sentence of `queries` against `index` (of `targets`) and offers the exact scores of
 * its candidates: (query q, target t) goes to fromQuery[q] and toQuery[t], once each.
 */
function search(queries: readonly Float32Array[], targets: readonly Float32Array[], index: InvertedIndex, own: InvertedIndex, fromQuery: TopK, toQuery: TopK): void {
  const dim = index.dense.length;
  const acc = new Float32Array(targets.length);
  const touched = new Int32Array(targets.length);
  const mark = new Int32Array(targets.length).fill(-1);
  const heavy = new Int32Array(QUERY_DIMS);
  const heavyAbs = new Float32Array(QUERY_DIMS);
  const best = emptyTopK(1, Math.min(CANDIDATES_PER_QUERY, targets.length));
  const nonZero = new Int32Array(dim);
  for (let q = 0; q < queries.length; q++) {
    const v = queries[q]!;
    let nnz = 0;
    for (let t = 0; t < dim; t++) if (v[t] !== 0) nonZero[nnz++] = t;
    const dims = heaviest(v, index.dense, own.dense, heavy, heavyAbs);
    let seen = 0;
    for (let h = 0; h < dims.length; h++) {
      const t = dims[h]!;
      const x = v[t]!;
      for (let p = index.start[t]!, end = index.start[t + 1]!; p < end; p++) {
        const j = index.rows[p]!;
        if (mark[j] !== q) {
          mark[j] = q;
          touched[seen++] = j;
        }
        acc[j]! += x * index.values[p]!;
      }
    }
    best.score.fill(-Infinity);
    best.index.fill(-1);
    const last = best.k - 1;
    for (let s = 0; s < seen; s++) {
      const j = touched[s]!;
      if (acc[j]! > best.score[last]!) offer(best, 0, j, acc[j]!);
      acc[j] = 0;
    }
    for (let c = 0; c < best.k; c++) {
      const j = best.index[c]!;
      if (j < 0) break;
      // through a Float32Array value, as the other kernels round their scores
      const s = Math.fround(sparseCosine(v, nonZero, nnz, targets[j]!));
      if (!holds(fromQuery, q, j)) offer(fromQuery, q, j, s);
      if (!holds(toQuery, j, q)) offer(toQuery, j, q, s);
    }
  }
}

/**
 * The k best of B for each sentence of A and of A for each of B (as topKBoth), from candidates
 * (see above) instead of every pair.
 */
export function topKCandidates(a: readonly Float32Array[], b: readonly Float32Array[], k: number): { ab: TopK; ba: TopK } {
  const dim = a[0]?.length ?? b[0]?.length ?? 0;
  if (a.length === 0 || b.length === 0 || k <= 0) return topKBoth(a, b, k);
  const indexA = invertedIndex(a, dim);
  const indexB = invertedIndex(b, dim);
  if (!querySpace(indexA, indexB)) return topKBoth(a, b, k);
  const ab = emptyTopK(a.length, Math.min(k, b.length));
  const ba = emptyTopK(b.length, Math.min(k, a.length));
  search(a, b, indexB, indexA, ab, ba);
  search(b, a, indexA, indexB, ba, ab);
  return { ab, ba };
}
