// Long documents in linear time, in the manner of Vecalign's recursive downsampling: the documents are
// averaged into blocks of BLOCK sentences, the blocks are aligned (recursively, on blocks of blocks,
// while they are still long), and the sentences are then compared only in a band around that path.
// Each level's path is a DTW over the cells of the band the level above gave it, so every level costs
// its length times the band's width: the whole search grows linearly with the documents.

import { l2normalise } from '../embed/vectors.ts';
import { cosine } from './similarity.ts';

/** Sentences (or blocks) averaged into one block at each level. */
export const BLOCK = 8;
/** Up to this many cells a level is searched whole. */
export const DIRECT_CELLS = 250_000;
/** Slack, in units of the level below, on either side of the band a path gives. */
export const BAND_SLACK = 12;

/** For each row i, the columns lo[i]..hi[i] (inclusive) to compare; both non-decreasing, every row non-empty. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

export function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n), hi: new Int32Array(n).fill(m - 1) };
}

export function bandCells(band: Band): number {
  let cells = 0;
  for (let i = 0; i < band.lo.length; i++) cells += band.hi[i]! - band.lo[i]! + 1;
  return cells;
}

/** Means of consecutive groups of `size` vectors, normalised. */
function blocks(vectors: readonly Float32Array[], size: number): Float32Array[] {
  const out: Float32Array[] = [];
  const dim = vectors[0]?.length ?? 0;
  for (let s = 0; s < vectors.length; s += size) {
    const sum = new Float32Array(dim);
    for (let i = s; i < Math.min(vectors.length, s + size); i++) {
      const v = vectors[i]!;
      for (let t = 0; t < dim; t++) sum[t]! += v[t]!;
    }
    out.push(l2normalise(sum));
  }
  return out;
}

/**
 * The DTW path through the band (cost 1 − cosine; steps diagonal, down, right), from the first cells
 * to the last: for each row, the first and last column the path visits.
 */
export function bandPath(a: readonly Float32Array[], b: readonly Float32Array[], band: Band): Band {
  const n = a.length;
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + band.hi[i]! - band.lo[i]! + 1;
  const cost = new Float64Array(offset[n]!);
  const step = new Uint8Array(offset[n]!); // 0 diagonal, 1 from above, 2 from the left
  const at = (i: number, j: number): number => (i < 0 || j < band.lo[i]! || j > band.hi[i]! ? Infinity : cost[offset[i]! + j - band.lo[i]!]!);
  for (let i = 0; i < n; i++) {
    for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
      const c = 1 - cosine(a[i]!, b[j]!);
      const p = offset[i]! + j - band.lo[i]!;
      if (i === 0 && j === 0) {
        cost[p] = c;
        continue;
      }
      const diag = at(i - 1, j - 1);
      const up = at(i - 1, j);
      const left = at(i, j - 1);
      let best = diag;
      let s = 0;
      if (up < best) [best, s] = [up, 1];
      if (left < best) [best, s] = [left, 2];
      cost[p] = best + c;
      step[p] = s;
    }
  }
  const lo = new Int32Array(n).fill(2 ** 31 - 1);
  const hi = new Int32Array(n).fill(-1);
  let i = n - 1;
  let j = band.hi[n - 1]!;
  for (;;) {
    lo[i] = Math.min(lo[i]!, j);
    hi[i] = Math.max(hi[i]!, j);
    if (i === 0 && j === 0) break;
    const s = step[offset[i]! + j - band.lo[i]!]!;
    if (s === 0) {
      i--;
      j--;
    } else if (s === 1) i--;
    else j--;
    if (i < 0 || j < 0) break;
  }
  return { lo, hi };
}

/** A coarse path (in blocks of `size`) widened to a band of the finer level, monotone and connected. */
function widen(path: Band, size: number, n: number, m: number, slack: number): Band {
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const rows = path.lo.length;
  for (let i = 0; i < n; i++) {
    const r = Math.min(rows - 1, Math.floor(i / size));
    const r0 = Math.max(0, r - 1);
    const r1 = Math.min(rows - 1, r + 1);
    lo[i] = Math.max(0, path.lo[r0]! * size - slack);
    hi[i] = Math.min(m - 1, (path.hi[r1]! + 1) * size - 1 + slack);
  }
  // monotone, starting at the first column and ending at the last, each row reachable from the one before
  lo[0] = 0;
  hi[n - 1] = m - 1;
  for (let i = 1; i < n; i++) lo[i] = Math.max(lo[i]!, lo[i - 1]!);
  for (let i = n - 2; i >= 0; i--) hi[i] = Math.min(hi[i]!, hi[i + 1]!);
  for (let i = 0; i < n; i++) {
    if (i > 0) lo[i] = Math.min(lo[i]!, hi[i - 1]! + 1);
    if (hi[i]! < lo[i]!) hi[i] = lo[i]!;
  }
  return { lo, hi };
}

/**
 * The band of A × B to compare, sentence by sentence: the whole matrix when it is small, else a band
 * around the DTW path of the documents averaged into blocks (found the same way, recursively).
 */
export function coarseBand(a: readonly Float32Array[], b: readonly Float32Array[], slack = BAND_SLACK): Band {
  const n = a.length;
  const m = b.length;
  if (n * m <= DIRECT_CELLS || n < BLOCK * 2 || m < BLOCK * 2) return fullBand(n, m);
  const ca = blocks(a, BLOCK);
  const cb = blocks(b, BLOCK);
  const path = bandPath(ca, cb, coarseBand(ca, cb, slack));
  return widen(path, BLOCK, n, m, slack);
}
