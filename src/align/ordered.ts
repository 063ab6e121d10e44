// Ordered alignment for near-translations (Vecalign / Bertalign style): dynamic programming over beads
// 1:1, 2:1, 1:2, 1:0 and 0:1 that keeps both documents in order. A bead is worth its margin minus a
// threshold, plus its sentence-length evidence when the documents carry lengths (length.ts), and a
// skipped sentence costs a fixed penalty, so the best path links what stands out in place and skips
// insertions. Long documents are searched only in a band around confident anchors.

import { mergeAllowed, spanScore, type Bead, type MarginContext, type SpanRef } from './margin.ts';
import { lengthScore, type LengthScore } from './length.ts';
import { mutualBest } from './mining.ts';
import { longestIncreasing } from './monotone.ts';
import { PolyalignError } from '../errors.ts';

/**
 * A bead pays off when its margin exceeds this: 1 means "closer than the average of each side's top-k
 * neighbours". Below the acceptance threshold, so the path can cross a weak but in-place link, which then
 * lands in `below` rather than shifting its neighbours.
 */
export const ORDERED_BEAD_MIN = 0.95;
/**
 * Cost of leaving a sentence unaligned. Near-translations leave few sentences out, so a skip must cost
 * something: it is what lets a 2:1 bead win over a 1:1 bead plus a skipped sentence when the merged text
 * is no closer than its better half (the common case with the lexical embedder, where a merged vector is
 * dominated by its longer half). Tuned on NTREX (bench/ntrex.ts, lexical): 0 → strict F1 0.774, 0.3 → 0.806.
 */
export const SKIP_PENALTY = 0.3;
/**
 * Merges in the DP: each half must reach this margin alone, and the merge this share of the better half's
 * margin. Looser than mining's (margin.ts), because here a merge must also beat the in-order alternatives.
 * Measured on NTREX: halves of true merges have a median minimum margin of 0.94, a true pair glued to an
 * unrelated neighbour 0.32.
 */
export const ORDERED_HALF_MIN = 0.8;
export const ORDERED_MERGE_GAIN = 0.7;
/** Up to this many DP cells (n·m) the whole matrix is searched; above it, a band. */
export const FULL_SEARCH_CELLS = 250_000;
/** Above this many cells the band narrows to a corridor around the anchors' line (13 bytes a cell). */
export const MAX_BAND_CELLS = 4_000_000;
/** Slack in sentences on either side of the band between two anchors. */
export const BAND_SLACK = 12;
/** Anchors for the band: mutual best pairs at least this strong, kept only when in order. */
export const ANCHOR_MIN = 1.1;
/**
 * Margin units per nat of length evidence (length.ts), when both documents carry lengths. Measured on NTREX
 * (bench/ntrex.ts, ordered condition, lexical, always ordered, mean strict F1 over 21 pairs): 0 → 0.800,
 * 0.05 → 0.815, 0.1 → 0.826, 0.2 → 0.832, 0.4 → 0.834, 0.8 → 0.831. Danish and Romanian pairs gain most
 * (sr-Latn–da 0.698 → 0.745): it is what hunalign had over us there.
 */
export const LENGTH_WEIGHT = 0.4;
/**
 * Merge rules when lengths are known: the lengths of a 2:1 bead are evidence for it, so its halves need less
 * from the vectors (a merged lexical vector is dominated by its longer half). The hard floor on the weaker
 * half is low; the soft test below does the work.
 */
export const LENGTH_HALF_MIN = 0.1;
export const LENGTH_MERGE_GAIN = 0.5;
/**
 * Soft half test: a merge loses HALF_WEIGHT per unit of margin its weaker half falls short of HALF_TARGET.
 * A hard floor on the weaker half throws away true merges whose short half says little (a headline, a
 * "he said" clause: on NTREX a quarter of true 1:2 merges have a weaker half below 0.76, and so do 90% of
 * false ones), while a soft cost lets the length evidence and the in-order alternatives weigh in.
 * Measured on NTREX (bench/ntrex.ts, ordered condition, lexical, always ordered, articles 0–61, every path
 * bead accepted, macro strict F1): hard floor 0.6 → 0.877; soft target 1.0 with weight 0.5 / 1 / 1.5 / 2
 * (floor 0.1–0.3) → 0.879 / 0.885 / 0.886 / 0.885; target 0.8 → 0.872, 1.2 → 0.884.
 */
export const HALF_TARGET = 1.0;
export const HALF_WEIGHT = 1.5;

type Move = 0 | 1 | 2 | 3 | 4 | 5;
const NONE: Move = 0;
/** Beads as (A sentences, B sentences) per move. */
const MOVES: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [1, 1],
  [2, 1],
  [1, 2],
  [1, 0],
  [0, 1],
];

/** Rows `0..n` of the DP, each holding columns `lo[i]..hi[i]` (inclusive), stored flat from `offset[i]`. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
  offset: Int32Array;
  cells: number;
}

export interface OrderedOptions {
  beadMin: number;
  skipPenalty: number;
  /** Merge rules, as in `mergeAllowed`. */
  halfMin: number;
  mergeGain: number;
  /** Weight of the length prior; 0 turns it off. */
  lengthWeight: number;
  /** `halfMin` and `mergeGain` in force when the length prior is. */
  lengthHalfMin: number;
  lengthMergeGain: number;
  /** Soft half test (HALF_TARGET): a merge loses `halfWeight` per unit its weaker half falls short of `halfTarget`. */
  halfTarget: number;
  halfWeight: number;
}

export function alignOrdered(ctx: MarginContext, options: Partial<OrderedOptions> = {}): Bead[] {
  const o: OrderedOptions = {
    beadMin: ORDERED_BEAD_MIN,
    skipPenalty: SKIP_PENALTY,
    halfMin: ORDERED_HALF_MIN,
    mergeGain: ORDERED_MERGE_GAIN,
    lengthWeight: LENGTH_WEIGHT,
    lengthHalfMin: LENGTH_HALF_MIN,
    lengthMergeGain: LENGTH_MERGE_GAIN,
    halfTarget: HALF_TARGET,
    halfWeight: HALF_WEIGHT,
    ...options,
  };
  const n = ctx.a.n;
  const m = ctx.b.n;
  if (n === 0 || m === 0) return [];
  const band = searchBand(ctx);
  const lengths = o.lengthWeight > 0 ? lengthScore(ctx) : undefined;
  const prior: LengthScore = lengths ? (x, y) => o.lengthWeight * lengths(x, y) : () => 0;
  const merges = lengths ? { ...o, halfMin: o.lengthHalfMin, mergeGain: o.lengthMergeGain } : o;
  const value = new Float64Array(band.cells).fill(-Infinity);
  const move = new Uint8Array(band.cells);
  // margin(a[i-1], b[j-1]) kept at cell (i, j): a 2:1 or 1:2 bead reads its halves' margins from there.
  const single = new Float32Array(band.cells).fill(NaN);
  const at = (i: number, j: number): number =>
    i < 0 || j < band.lo[i]! || j > band.hi[i]! ? -1 : band.offset[i]! + j - band.lo[i]!;
  const valueAt = (i: number, j: number): number => {
    const c = at(i, j);
    return c < 0 ? -Infinity : value[c]!;
  };
  const singleAt = (i: number, j: number): number => {
    const c = at(i, j);
    if (c >= 0 && !Number.isNaN(single[c]!)) return single[c]!;
    return spanScore(ctx, { first: i - 1, len: 1 }, { first: j - 1, len: 1 }).margin;
  };
  value[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      const here = at(i, j);
      let best = -Infinity;
      let bestMove: Move = NONE;
      const consider = (v: number, mv: Move): void => {
        if (v > best) {
          best = v;
          bestMove = mv;
        }
      };
      if (i >= 1 && j >= 1) {
        const s = spanScore(ctx, { first: i - 1, len: 1 }, { first: j - 1, len: 1 }).margin;
        single[here] = s;
        consider(valueAt(i - 1, j - 1) + beadGain(s, o) + prior(one(i - 1), one(j - 1)), 1);
        if (i >= 2 && valueAt(i - 2, j - 1) > -Infinity) {
          const x: SpanRef = { first: i - 2, len: 2 };
          consider(valueAt(i - 2, j - 1) + mergeGain(ctx, x, one(j - 1), singleAt(i - 1, j), s, merges) + prior(x, one(j - 1)), 2);
        }
        if (j >= 2 && valueAt(i - 1, j - 2) > -Infinity) {
          const y: SpanRef = { first: j - 2, len: 2 };
          consider(valueAt(i - 1, j - 2) + mergeGain(ctx, one(i - 1), y, singleAt(i, j - 1), s, merges) + prior(one(i - 1), y), 3);
        }
      }
      if (i >= 1) consider(valueAt(i - 1, j) - o.skipPenalty, 4);
      if (j >= 1) consider(valueAt(i, j - 1) - o.skipPenalty, 5);
      value[here] = best;
      move[here] = bestMove;
    }
  }
  return backtrack(ctx, band, move, at, n, m);
}

/**
 * Gain of a 1:1 bead from its margin, never below the cost of skipping both of its sentences: a pair the
 * vectors say nothing about (zero vectors, a stretch the embedder cannot read) is then as good as two skips,
 * and the length prior decides. Without the floor such a stretch is skipped whatever its lengths. On NTREX
 * (margins rarely fall that low) it changes strict F1 by +0.001.
 */
export function beadGain(margin: number, o: Pick<OrderedOptions, 'beadMin' | 'skipPenalty'>): number {
  return Math.max(margin - o.beadMin, -2 * o.skipPenalty);
}

/** Gain of a 2:1 or 1:2 bead, or -Infinity when its halves do not both belong (see `mergeAllowed`). */
function mergeGain(ctx: MarginContext, x: SpanRef, y: SpanRef, left: number, right: number, o: OrderedOptions): number {
  if (Math.min(left, right) < o.halfMin) return -Infinity; // skips the dot product for most cells
  const merged = spanScore(ctx, x, y).margin;
  if (!mergeAllowed(merged, left, right, o.halfMin, o.mergeGain)) return -Infinity;
  return merged - o.beadMin - o.halfWeight * Math.max(0, o.halfTarget - Math.min(left, right));
}

function backtrack(
  ctx: MarginContext,
  band: Band,
  move: Uint8Array,
  at: (i: number, j: number) => number,
  n: number,
  m: number,
): Bead[] {
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const mv = move[at(i, j)]! as Move;
    const [di, dj] = MOVES[mv]!;
    if (mv === NONE) throw new PolyalignError('internal', `ordered alignment: no path to (${i}, ${j}) within the band (${band.cells} cells)`);
    i -= di;
    j -= dj;
    if (di > 0 && dj > 0) {
      const x: SpanRef = { first: i, len: di as 1 | 2 };
      const y: SpanRef = { first: j, len: dj as 1 | 2 };
      beads.push({ x, y, ...spanScore(ctx, x, y) });
    }
  }
  return beads.reverse();
}

function one(first: number): SpanRef {
  return { first, len: 1 };
}

function fullBand(n: number, m: number): Band {
  return makeBand(new Int32Array(n + 1), new Int32Array(n + 1).fill(m));
}

/**
 * The band: for each stretch between two consecutive anchors, the rectangle they span plus BAND_SLACK on
 * either side. Dense anchors give a narrow band (O(n·slack) cells); where anchors are missing the
 * rectangle grows, so a stretch without evidence is searched rather than guessed. A rectangle is cut to
 * a corridor around the straight line between its anchors once the band would pass MAX_BAND_CELLS, so
 * documents without anchors (unrelated, or an embedder that sees nothing) cost O(n·corridor), not O(n·m).
 */
export function searchBand(ctx: MarginContext): Band {
  const n = ctx.a.n;
  const m = ctx.b.n;
  if (n * m <= FULL_SEARCH_CELLS) return fullBand(n, m);
  const pairs = mutualBest(ctx).filter((p) => p.margin >= ANCHOR_MIN);
  const chain = longestIncreasing(pairs.map((p) => p.j)).map((k) => pairs[k]!);
  // DP corners: each anchor bead runs from (i, j) to (i + 1, j + 1).
  const corners: Array<[number, number]> = [[0, 0]];
  for (const p of chain) corners.push([p.i, p.j], [p.i + 1, p.j + 1]);
  corners.push([n, m]);
  const corridor = Math.max(BAND_SLACK, Math.floor(MAX_BAND_CELLS / (n + 1) / 2));
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1);
  for (let c = 0; c + 1 < corners.length; c++) {
    const [i0, j0] = corners[c]!;
    const [i1, j1] = corners[c + 1]!;
    // The line from corner to corner; a row reaches from where the line enters it to where it leaves,
    // so consecutive rows always overlap and the band stays connected however steep the line.
    const line = (i: number) => (i1 === i0 ? j1 : j0 + ((Math.min(i, i1) - i0) * (j1 - j0)) / (i1 - i0));
    for (let i = i0; i <= i1; i++) {
      const from = Math.max(0, j0 - BAND_SLACK, Math.floor(i1 === i0 ? j0 : line(i)) - corridor);
      const to = Math.min(m, j1 + BAND_SLACK, Math.ceil(line(i + 1)) + corridor);
      lo[i] = Math.min(lo[i]!, from);
      hi[i] = Math.max(hi[i]!, to);
    }
  }
  return makeBand(lo, hi);
}

function makeBand(lo: Int32Array, hi: Int32Array): Band {
  const offset = new Int32Array(lo.length);
  let cells = 0;
  for (let i = 0; i < lo.length; i++) {
    offset[i] = cells;
    cells += hi[i]! - lo[i]! + 1;
  }
  return { lo, hi, offset, cells };
}
