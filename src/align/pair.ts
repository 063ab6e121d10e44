// Align one pair of documents: one blocked similarity pass, the method (forced or chosen), then the
// threshold that splits links from candidates below it.

import { chooseFromContext } from './auto.ts';
import { validatePair, type AlignDoc } from './input.ts';
import { buildMarginContext, DEFAULT_K, type Bead, type MarginContext, type SpanRef } from './margin.ts';
import { alignMining } from './mining.ts';
import { alignOrdered } from './ordered.ts';
import { PolyalignError } from '../errors.ts';
import type { Link, Method, Mode, PairAlignment, Span } from '../types.ts';

export const DEFAULT_MODE: Mode = 'auto';
/**
 * Acceptance thresholds on the ratio margin, per method, used when `minScore` is not given. The margin,
 * not the cosine: cosines between translations are 0.2–0.6 with the lexical embedder and 0.6–0.9 with
 * LaBSE, while the margin reads the same for both.
 * Calibration:
 * - synthetic vectors (test/align/synthetic.ts; a lexical-like profile with translation cosines 0.25–0.55
 *   and a neural-like one with 0.75–0.9): true links have margins of 1.2–3; mutual best pairs of
 *   unrelated sentences reach 1.5 (lexical) and 1.2 (neural). Mining precision at 1.1 / 1.2 / 1.3:
 *   lexical 0.91 / 0.96 / 0.99, neural 0.99 / 1.00 / 1.00; recall stays 1.00.
 * - NTREX, lexical embedder, 40 articles × 21 pairs (bench/ntrex.ts perturbations): in mining, links with
 *   margins 1.1–1.2 are right 32% of the time, 1.2–1.3 41%; in ordered, links chosen by the DP with
 *   margins 0.95–1.0 are right 57%, 1.0–1.1 69% (their position in the path is evidence of its own).
 * - NTREX as above, with the length prior (auto mode, 123 articles): ordered thresholds 1.0 / 0.9 / 0.8 give
 *   strict F1 0.832 / 0.840 / 0.844 on the ordered condition (comparable 0.727 / 0.726 / 0.726), the gain
 *   all recall: path beads at margin 0.9–1.0 are right 69% of the time when their lengths fit, 48% when
 *   not. Kept at 1.0 for precision (strict P 0.897 / 0.891 / 0.886).
 * - Mining at 1.2 / 1.3 / 1.4 (lexical, auto mode): the seed articles, real comparable reports with many
 *   sentences that have no counterpart, against their hand-made gold (bench/seeds.ts): strict P 0.34 /
 *   0.41 / 0.59, F1 0.41 / 0.44 / 0.51; NTREX comparable (40 articles): strict P 0.77 / 0.81 / 0.84, F1
 *   0.734 / 0.724 / 0.693. 1.3 drops the 1.2–1.3 band, where mining links are more often wrong than right
 *   (`node --import tsx bench/ntrex.ts --articles 40 --no-hunalign --bands`: comparable mining links are
 *   strictly right 33% of the time at 1.1–1.2, 45% at 1.2–1.3, 63% at 1.3–1.4, 73% at 1.4–1.5); 1.4
 *   would also drop true links of partial-sentence matches (the seeds' Romanian quote).
 * The margin literature lands in the same place for mining (WikiMatrix 1.04, CCMatrix 1.06, with k = 4,
 * on stronger embedders). A `minScore` given by the user applies to both methods.
 */
export const DEFAULT_MIN_SCORE: Readonly<Record<Method, number>> = { ordered: 1.0, mining: 1.3 };

export interface AlignOptions {
  mode: Mode;
  /** Links with a margin below this go to `below`; undefined: `DEFAULT_MIN_SCORE` of the method used. */
  minScore: number | undefined;
  /** Neighbours in the margin's denominator. */
  k: number;
}

const MODES: readonly Mode[] = ['auto', 'ordered', 'mining'];
const METHODS: Record<Method, (ctx: MarginContext) => Bead[]> = {
  ordered: (ctx) => alignOrdered(ctx),
  mining: (ctx) => alignMining(ctx),
};

export function resolveAlignOptions(options: Partial<AlignOptions> = {}): AlignOptions {
  const mode = options.mode ?? DEFAULT_MODE;
  const minScore = options.minScore;
  const k = options.k ?? DEFAULT_K;
  if (!MODES.includes(mode)) {
    throw new PolyalignError('usage.invalid-option', `Expected mode auto, ordered or mining, not ${String(mode)}`);
  }
  if (minScore !== undefined && !Number.isFinite(minScore)) {
    throw new PolyalignError('usage.invalid-option', `Expected a number for the minimum score, not ${String(minScore)}`);
  }
  if (!Number.isInteger(k) || k < 1) {
    throw new PolyalignError('usage.invalid-option', `Expected a positive whole number of neighbours k, not ${String(k)}`);
  }
  return { mode, minScore, k };
}

export function alignPair(a: AlignDoc, b: AlignDoc, options: Partial<AlignOptions> = {}): PairAlignment {
  const opts = resolveAlignOptions(options);
  validatePair(a, b);
  const ctx = buildMarginContext(a, b, opts.k);
  const choice = opts.mode === 'auto' ? chooseFromContext(ctx) : { method: opts.mode, reason: '' };
  const beads = METHODS[choice.method](ctx);
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE[choice.method];
  const toLink = (bead: Bead): Link => ({
    src: span(a.id, bead.x),
    tgt: span(b.id, bead.y),
    score: bead.score,
    margin: bead.margin,
    method: choice.method,
    status: 'auto',
  });
  const links = beads.filter((bead) => bead.margin >= minScore).map(toLink).sort(byPosition);
  const below = beads.filter((bead) => !(bead.margin >= minScore)).map(toLink).sort(byPosition);
  return { src: a.id, tgt: b.id, method: choice.method, reason: choice.reason, links, below, rejected: [] };
}

function span(doc: string, ref: SpanRef): Span {
  return { doc, first: ref.first, last: ref.first + ref.len - 1 };
}

function byPosition(p: Link, q: Link): number {
  return p.src.first - q.src.first || p.tgt.first - q.tgt.first || p.src.last - q.src.last || p.tgt.last - q.tgt.last;
}
