// The mining threshold of long documents, read from the documents themselves. A fixed margin threshold
// is calibrated on articles of tens of sentences; between documents of hundreds or thousands, every
// sentence has more near neighbours, margins shrink, and the threshold drops true pairs (at 1,997 lines
// of NTREX bs–da it kept 68% of them at a precision of 0.995). Where most sentences have found their
// partner, each one's runner-up candidate is a match by chance (a sentence has one partner at most),
// so the runner-ups' margins show how often chance reaches a margin: the threshold is lowered to the
// smallest at which the runner-ups reaching it are at most DECOY_FDR of the links reaching it, in the
// manner of target-decoy estimates of the false discovery rate. On NTREX bs–da at 1,997 lines it
// chooses 1.07, estimating 4.6% of the links chance, where 1.0% are wrong (`node --import tsx
// bench/mining-long.ts` prints both). The runner-ups stand for
// chance only where most sentences have a partner that is their best match: where fewer than
// DECOY_MIN_LINKED of the shorter document's sentences are linked at the calibrated threshold (weak
// vectors, documents that share little), the estimate would be far too low, and the threshold stays.

import { eachCandidate, type Bead, type MarginContext } from './margin.ts';

/** Documents shorter than this keep the calibrated threshold: too few runner-ups to estimate from. */
export const DECOY_MIN_SENTENCES = 100;
/** The share of the shorter document's sentences that must be linked at the calibrated threshold. */
export const DECOY_MIN_LINKED = 0.5;
/** The share of links above the threshold that the runner-ups may reach. */
export const DECOY_FDR = 0.05;
/** The threshold is never lowered below this margin (a pair no more alike than its neighbours). */
export const DECOY_FLOOR = 1.0;
const STEP = 0.01;

/** Each sentence's second-best margin among its candidates (copies of one sentence count once), both sides. */
function runnerUps(ctx: MarginContext): number[] {
  const out: number[] = [];
  for (const side of ['a', 'b'] as const) {
    for (let r = 0; r < (side === 'a' ? ctx.ab : ctx.ba).rows; r++) {
      let best = -Infinity;
      let second = -Infinity;
      eachCandidate(ctx, side, r, (_, __, m) => {
        if (m > best) [best, second] = [m, best];
        else if (m > second) second = m;
      });
      if (second > -Infinity) out.push(second);
    }
  }
  return out.sort((p, q) => q - p);
}

/** How many of `sorted` (descending) are at least `t`. */
function atLeast(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The threshold for mining `beads` out of `ctx`: `calibrated` for short documents and where too few
 * sentences are linked at it, else the smallest margin between DECOY_FLOOR and `calibrated` (in steps
 * of 0.01) whose estimated share of chance links is at most DECOY_FDR, with that estimate.
 */
export function decoyThreshold(ctx: MarginContext, beads: readonly Bead[], calibrated: number): { threshold: number; estimated?: number } {
  const shorter = Math.min(ctx.a.n, ctx.b.n);
  if (shorter < DECOY_MIN_SENTENCES || calibrated <= DECOY_FLOOR) return { threshold: calibrated };
  const margins = beads.map((b) => b.margin).sort((p, q) => q - p);
  if (atLeast(margins, calibrated) < DECOY_MIN_LINKED * shorter) return { threshold: calibrated };
  // a runner-up of each side counts half: rows of both documents are counted
  const decoys = runnerUps(ctx);
  const estimate = (t: number) => atLeast(decoys, t) / 2 / Math.max(1, atLeast(margins, t));
  let chosen: { threshold: number; estimated?: number } = { threshold: calibrated };
  for (let t = calibrated - STEP; t >= DECOY_FLOOR - 1e-9; t -= STEP) {
    const rounded = Math.round(t * 100) / 100;
    const estimated = estimate(rounded);
    if (estimated > DECOY_FDR) break;
    chosen = { threshold: rounded, estimated };
  }
  return chosen;
}
