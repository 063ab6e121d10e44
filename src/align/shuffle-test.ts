// A permutation test for order, for pairs too short for the Kendall τ of their confident matches to say
// anything (three matches in order have z = 1.6): does the best in-order path through the documents,
// scored by margins and sentence lengths, beat the best in-order path through shuffled copies of one side?
// Translations do, by far; reports that tell the same facts in another order do not.

import { mulberry32 } from '../random.ts';
import { lengthScore } from './length.ts';
import { spanScore, type MarginContext } from './margin.ts';
import { beadGain, LENGTH_WEIGHT, ORDERED_BEAD_MIN, SKIP_PENALTY } from './ordered.ts';

/** Shuffled copies: with 99, p = (1 + beaten-or-equalled) / 100. */
export const SHUFFLES = 99;
/** Larger pairs are not tested (the τ of their matches has the power), so the cost stays below SHUFFLES × this. */
export const SHUFFLE_MAX_CELLS = 2_500;
const SEED = 0x5eed;
const BEAD = { beadMin: ORDERED_BEAD_MIN, skipPenalty: SKIP_PENALTY };

export interface ShuffleTest {
  /** Best in-order path value of the real pair. */
  value: number;
  /** Share of shuffled copies (and the real one) at or above it. */
  p: number;
}

/** Undefined when the pair is empty or too large to test. */
export function shuffleTest(ctx: MarginContext, shuffles = SHUFFLES): ShuffleTest | undefined {
  const n = ctx.a.n;
  const m = ctx.b.n;
  if (n === 0 || m === 0 || n * m > SHUFFLE_MAX_CELLS) return undefined;
  const lengths = lengthScore(ctx);
  const gain = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const x = { first: i, len: 1 } as const;
      const y = { first: j, len: 1 } as const;
      gain[i * m + j] = beadGain(spanScore(ctx, x, y).margin, BEAD) + (lengths ? LENGTH_WEIGHT * lengths(x, y) : 0);
    }
  }
  const order = Int32Array.from({ length: m }, (_, j) => j);
  const value = pathValue(gain, n, m, order);
  const random = mulberry32(SEED);
  let atLeast = 1;
  for (let s = 0; s < shuffles; s++) {
    for (let j = m - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    if (pathValue(gain, n, m, order) >= value) atLeast++;
  }
  return { value, p: atLeast / (shuffles + 1) };
}

/** The ordered DP of ordered.ts reduced to 1:1 beads and skips, over B's sentences in `order`. */
function pathValue(gain: Float64Array, n: number, m: number, order: Int32Array): number {
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = -j * SKIP_PENALTY;
  for (let i = 1; i <= n; i++) {
    row[0] = -i * SKIP_PENALTY;
    for (let j = 1; j <= m; j++) {
      row[j] = Math.max(prev[j - 1]! + gain[(i - 1) * m + order[j - 1]!]!, prev[j]! - SKIP_PENALTY, row[j - 1]! - SKIP_PENALTY);
    }
    [prev, row] = [row, prev];
  }
  return prev[m]!;
}
