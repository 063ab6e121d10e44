// Longer than 300 lines: the dense and the sparse tiled top-k searches mirror each other line for line.
// Cosine similarity of unit vectors, and blocked top-k neighbour search.
// The search never holds an n×m matrix: it walks tiles of rows × columns and keeps k best per row
// (and, when asked, per column), so memory is O((n + m)·k) plus one tile.

/** Rows of A per tile: a multiple of the kernel's 3 rows, small enough to stay in L1/L2 with a B tile. */
const ROW_BLOCK = 48;
/** Rows of B per tile: 256 × 768 floats ≈ 768 KiB, inside a typical L2. */
const COL_BLOCK = 256;

/** The k nearest rows of B for each row of A, best first. Row `i` is `index/score[i*k .. i*k+k)`. */
export interface TopK {
  rows: number;
  /** Neighbours kept per row: the requested k, clamped to the size of B. */
  k: number;
  index: Int32Array;
  score: Float32Array;
}

/** Cosine of two L2-normalised vectors: their dot product. */
export function cosine(x: Float32Array, y: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  const d = x.length;
  let t = 0;
  // Two accumulators break the add dependency chain; the JIT keeps both in registers.
  for (; t + 1 < d; t += 2) {
    s0 += x[t]! * y[t]!;
    s1 += x[t + 1]! * y[t + 1]!;
  }
  if (t < d) s0 += x[t]! * y[t]!;
  return s0 + s1;
}

/** Copies vectors into one row-major matrix so the kernel reads memory in order. */
export function packRows(vectors: readonly Float32Array[], dim: number): Float32Array {
  const out = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => out.set(v.subarray(0, dim), i * dim));
  return out;
}

/** The k nearest neighbours in `b` of each vector of `a`, by cosine. */
export function topK(a: readonly Float32Array[], b: readonly Float32Array[], k: number): TopK {
  return topKBoth(a, b, k, false).ab;
}

/**
 * One pass over all of A × B that keeps the k best of B for each row of A and, when `both`, the k best
 * of A for each row of B (the same dot products serve both directions, which margin scoring needs).
 */
/** `auto` takes the inverted index when both sides are sparse (see SPARSE_BELOW); the others force a kernel. */
export type Kernel = 'auto' | 'dense' | 'sparse';

export function topKBoth(
  a: readonly Float32Array[],
  b: readonly Float32Array[],
  k: number,
  both = true,
  kernel: Kernel = 'auto',
): { ab: TopK; ba: TopK } {
  const n = a.length;
  const m = b.length;
  const dim = n > 0 ? a[0]!.length : m > 0 ? b[0]!.length : 0;
  const ab = emptyTopK(n, Math.min(k, m));
  const ba = emptyTopK(both ? m : 0, Math.min(k, n));
  if (n === 0 || m === 0 || k <= 0) return { ab, ba };
  if (kernel === 'sparse' || (kernel === 'auto' && density(a) * density(b) < SPARSE_BELOW)) {
    sparsePass(a, b, dim, ab, ba, both);
    return { ab, ba };
  }
  const A = packRows(a, dim);
  const B = packRows(b, dim);
  const tile = new Float32Array(ROW_BLOCK * COL_BLOCK);
  for (let i0 = 0; i0 < n; i0 += ROW_BLOCK) {
    const i1 = Math.min(n, i0 + ROW_BLOCK);
    for (let j0 = 0; j0 < m; j0 += COL_BLOCK) {
      const j1 = Math.min(m, j0 + COL_BLOCK);
      const width = j1 - j0;
      dotTile(A, B, dim, i0, i1, j0, j1, tile);
      for (let i = i0; i < i1; i++) {
        const row = (i - i0) * width;
        for (let j = j0; j < j1; j++) {
          const s = tile[row + j - j0]!;
          offer(ab, i, j, s);
          if (both) offer(ba, j, i, s);
        }
      }
    }
  }
  return { ab, ba };
}

/**
 * As topKBoth, comparing row i of A only with columns lo[i]..hi[i] of B (a band around a coarse path;
 * coarse.ts): the cost is the band's cells, not n·m.
 */
export function topKBanded(a: readonly Float32Array[], b: readonly Float32Array[], k: number, lo: Int32Array, hi: Int32Array): { ab: TopK; ba: TopK } {
  const ab = emptyTopK(a.length, Math.min(k, b.length));
  const ba = emptyTopK(b.length, Math.min(k, a.length));
  if (a.length === 0 || b.length === 0 || k <= 0) return { ab, ba };
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      // through a Float32Array value, as the other kernels round their scores
      const s = Math.fround(cosine(v, b[j]!));
      offer(ab, i, j, s);
      offer(ba, j, i, s);
    }
  }
  return { ab, ba };
}

/**
 * Below this product of the two sides' shares of non-zero values, an inverted index over B beats the
 * dense kernel: the lexical embedder's vectors are about a quarter non-zero (0.05 here), neural ones
 * dense (1). `node --import tsx bench/align-speed.ts` times both kernels on lexical NTREX vectors.
 */
const SPARSE_BELOW = 0.12;

/** Share of non-zero values, from up to 64 evenly spaced vectors. */
function density(vectors: readonly Float32Array[]): number {
  const step = Math.max(1, Math.floor(vectors.length / 64));
  let nonZero = 0;
  let total = 0;
  for (let i = 0; i < vectors.length; i += step) {
    const v = vectors[i]!;
    for (let t = 0; t < v.length; t++) if (v[t] !== 0) nonZero++;
    total += v.length;
  }
  return total === 0 ? 1 : nonZero / total;
}

/**
 * The same pass as the dense kernel through an inverted index of B (per dimension, the rows of B
 * that are non-zero there). Each dot product adds the same non-zero terms in the same order (by
 * dimension, in float64) and offers reach each row in the same order, so the result is identical.
 */
function sparsePass(a: readonly Float32Array[], b: readonly Float32Array[], dim: number, ab: TopK, ba: TopK, both: boolean): void {
  const m = b.length;
  const start = new Int32Array(dim + 1);
  for (const v of b) for (let t = 0; t < dim; t++) if (v[t] !== 0) start[t + 1]!++;
  for (let t = 0; t < dim; t++) start[t + 1]! += start[t]!;
  const rows = new Int32Array(start[dim]!);
  const values = new Float64Array(start[dim]!);
  const next = start.slice(0, dim);
  for (let j = 0; j < m; j++) {
    const v = b[j]!;
    for (let t = 0; t < dim; t++) {
      const y = v[t]!;
      if (y === 0) continue;
      const p = next[t]!++;
      rows[p] = j;
      values[p] = y;
    }
  }
  const acc = new Float64Array(m);
  const row = new Float32Array(m);
  for (let i = 0; i < a.length; i++) {
    acc.fill(0);
    const v = a[i]!;
    for (let t = 0; t < dim; t++) {
      const x = v[t]!;
      if (x === 0) continue;
      for (let p = start[t]!, end = start[t + 1]!; p < end; p++) acc[rows[p]!]! += x * values[p]!;
    }
    // Through a Float32Array, as the dense kernel's tile, so scores round the same way.
    row.set(acc);
    for (let j = 0; j < m; j++) {
      const s = row[j]!;
      offer(ab, i, j, s);
      if (both) offer(ba, j, i, s);
    }
  }
}

/**
 * Sentences with identical vectors (a text that repeats itself: an archive holding an article twice, a
 * boilerplate line): `of[i]` is the first sentence with sentence i's vector, `largest` the size of the
 * largest set of copies (1 when every vector is distinct).
 */
export function duplicateClasses(vectors: readonly Float32Array[]): { of: Int32Array; largest: number } {
  const of = new Int32Array(vectors.length);
  const first = new Map<string, number>();
  const size = new Map<number, number>();
  let largest = vectors.length > 0 ? 1 : 0;
  vectors.forEach((v, i) => {
    const key = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, i);
      of[i] = i;
    } else {
      of[i] = at;
      const n = (size.get(at) ?? 1) + 1;
      size.set(at, n);
      largest = Math.max(largest, n);
    }
  });
  return { of, largest };
}

/**
 * Mean of the first `k` scores of each row (fewer when the row holds fewer). With `classOf` (from
 * duplicateClasses of the candidates' side), copies of one sentence count once: a sentence whose
 * translation stands six times in the other text is not "as close as its neighbourhood" because its
 * neighbourhood is that translation six times.
 */
export function meanTopK(top: TopK, k: number, classOf?: Int32Array): Float32Array {
  const out = new Float32Array(top.rows);
  const seen = new Set<number>();
  for (let r = 0; r < top.rows; r++) {
    seen.clear();
    let s = 0;
    let used = 0;
    for (let c = 0; c < top.k && used < k; c++) {
      const j = top.index[r * top.k + c]!;
      if (j < 0) break;
      const cls = classOf ? classOf[j]! : j;
      if (seen.has(cls)) continue;
      seen.add(cls);
      s += top.score[r * top.k + c]!;
      used++;
    }
    out[r] = used > 0 ? s / used : 0;
  }
  return out;
}

export function emptyTopK(rows: number, k: number): TopK {
  const kk = Math.max(0, k);
  return { rows, k: kk, index: new Int32Array(rows * kk).fill(-1), score: new Float32Array(rows * kk).fill(-Infinity) };
}

/** Inserts (col, s) into row `r` if it beats the row's worst; equal scores keep the earlier index first. */
export function offer(top: TopK, r: number, col: number, s: number): void {
  const k = top.k;
  const base = r * k;
  const score = top.score;
  if (!(s > score[base + k - 1]!)) return;
  let p = base + k - 1;
  while (p > base && s > score[p - 1]!) {
    score[p] = score[p - 1]!;
    top.index[p] = top.index[p - 1]!;
    p--;
  }
  score[p] = s;
  top.index[p] = col;
}

/**
 * Dot products of rows i0..i1 of A with rows j0..j1 of B into `tile` (row-major, width j1 - j0).
 * The 3 × 4 register block loads 7 floats per 12 multiply-adds; measured ≈ 2× a plain loop in V8.
 */
function dotTile(
  A: Float32Array,
  B: Float32Array,
  d: number,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  tile: Float32Array,
): void {
  const width = j1 - j0;
  let i = i0;
  for (; i + 2 < i1; i += 3) {
    const a0 = i * d;
    const a1 = a0 + d;
    const a2 = a1 + d;
    const r0 = (i - i0) * width - j0;
    const r1 = r0 + width;
    const r2 = r1 + width;
    let j = j0;
    for (; j + 3 < j1; j += 4) {
      const b0 = j * d;
      const b1 = b0 + d;
      const b2 = b1 + d;
      const b3 = b2 + d;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      for (let t = 0; t < d; t++) {
        const x = A[a0 + t]!;
        const y = A[a1 + t]!;
        const z = A[a2 + t]!;
        const p = B[b0 + t]!;
        const q = B[b1 + t]!;
        const u = B[b2 + t]!;
        const v = B[b3 + t]!;
        s00 += x * p; s01 += x * q; s02 += x * u; s03 += x * v;
        s10 += y * p; s11 += y * q; s12 += y * u; s13 += y * v;
        s20 += z * p; s21 += z * q; s22 += z * u; s23 += z * v;
      }
      tile[r0 + j] = s00; tile[r0 + j + 1] = s01; tile[r0 + j + 2] = s02; tile[r0 + j + 3] = s03;
      tile[r1 + j] = s10; tile[r1 + j + 1] = s11; tile[r1 + j + 2] = s12; tile[r1 + j + 3] = s13;
      tile[r2 + j] = s20; tile[r2 + j + 1] = s21; tile[r2 + j + 2] = s22; tile[r2 + j + 3] = s23;
    }
    for (; j < j1; j++) {
      tile[r0 + j] = dotAt(A, a0, B, j * d, d);
      tile[r1 + j] = dotAt(A, a1, B, j * d, d);
      tile[r2 + j] = dotAt(A, a2, B, j * d, d);
    }
  }
  for (; i < i1; i++) {
    const r = (i - i0) * width - j0;
    for (let j = j0; j < j1; j++) tile[r + j] = dotAt(A, i * d, B, j * d, d);
  }
}

function dotAt(A: Float32Array, a: number, B: Float32Array, b: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) s += A[a + t]! * B[b + t]!;
  return s;
}
