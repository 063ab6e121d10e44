// Align one pair of documents: one blocked similarity pass, the method (forced or chosen), then the
// threshold that splits links from candidates below it.

import { AUTO_PAIR_MIN, chooseFromContext } from './auto.ts';
import { validatePair, type AlignDoc } from './input.ts';
import { coarseBand } from './coarse.ts';
import { buildMarginContext, DEFAULT_K, type Bead, type MarginContext, type SpanRef } from './margin.ts';
import { alignMining } from './mining.ts';
import { decoyThreshold } from './decoy.ts';
import { alignOrdered } from './ordered.ts';
import { PolyalignError } from '../errors.ts';
import type { Link, Method, Mode, PairAlignment, Span } from '../types.ts';
import { byPosition } from './link-order.ts';

export const DEFAULT_MODE: Mode = 'auto';
/**
 * Acceptance thresholds on the ratio margin, per method, used when `minScore` is not given. The margin,
 * not the cosine: cosines between translations are 0.2–0.6 with the lexical embedder and 0.6–0.9 with
 * LaBSE, while the margin reads the same for both.
 *
 * Calibration on NTREX (bench/ntrex.ts perturbations, lexical embedder with sentence lengths, macro strict
 * P/R/F1 over the 21 language pairs), chosen on articles 0–61 and checked on articles 62–122:
 * - ordered, 1.0, or any margin for a bead that continues the path (no sentence skipped between it and
 *   the bead before or after it: `contiguous`). The path's place is evidence of its own: beads with margins
 *   under 0.6 between two in-place beads are right 73% of the time, isolated ones 25%. With `auto`
 *   choosing the method, ordered / comparable condition, strict F1: margin ≥ 1.0 alone 0.850 / 0.707;
 *   ≥ 0 0.877 / 0.704; ≥ 1.0 or contiguous 0.879 / 0.706 (held out: 0.827 / 0.692, 0.862 / 0.688,
 *   0.865 / 0.689). The comparable condition matters here through the few comparable pairs `auto` takes
 *   for translations, where a plain low threshold would accept a whole wrong path.
 * - mining, 1.35: mining forced on the comparable condition, mutual best matches at 1.2 / 1.3 / 1.35 /
 *   1.4 / 1.5 give strict P 0.770 / 0.814 / 0.829 / 0.841 / 0.867 and F1 0.737 / 0.725 / 0.710 / 0.691 /
 *   0.640 (articles 0–61; 62–122: P 0.763 / 0.808 / 0.827 / 0.843 / 0.862, F1 0.721 / 0.706 / 0.692 /
 *   0.672 / 0.623).
 *   Precision is what counts for links a translator must confirm, so the threshold maximises the
 *   precision-weighted F0.5: 0.757 / 0.778 / 0.779 / 0.777 / 0.763 (held out 0.747 / 0.766 / 0.770 /
 *   0.769 / 0.752). Independent reports of one event have fewer sentences with a counterpart than
 *   NTREX's comparable condition (about a quarter in the seed articles against 60%), and at a lower base
 *   rate a margin is more often wrong, so this errs high rather than low. The seed articles against their
 *   hand-made gold (bench/seeds.ts), for reference: strict P 0.43 / 0.57 / 0.64 at 1.3 / 1.35 / 1.4.
 * The margin literature lands lower for mining (WikiMatrix 1.04, CCMatrix 1.06, with k = 4, on stronger
 * embedders). A `minScore` given by the user applies to both methods, as a plain threshold.
 */
export const DEFAULT_MIN_SCORE: Readonly<Record<Method, number>> = { ordered: 1.0, mining: 1.35 };

export interface AlignOptions {
  mode: Mode;
  /**
   * Links with a margin below this go to `below`; undefined: `DEFAULT_MIN_SCORE` of the method used, and
   * ordered beads that continue the path are accepted whatever their margin.
   */
  minScore: number | undefined;
  /** The thresholds per method when `minScore` is not given (default `DEFAULT_MIN_SCORE`; the pipeline passes its embedder's calibration). */
  thresholds: Readonly<Record<Method, number>>;
  /** `auto`: the margin a mutual best match needs to count as evidence of order (default AUTO_PAIR_MIN). */
  autoPairMin: number;
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
  return { mode, minScore, k, thresholds: options.thresholds ?? DEFAULT_MIN_SCORE, autoPairMin: options.autoPairMin ?? AUTO_PAIR_MIN };
}

/** Above this many sentence pairs (n·m), ordered alignment searches a band (coarse.ts) instead of every pair. */
export const LINEAR_ABOVE_CELLS = 4_000_000;
/** Sentences of each long document on which `auto` decides. */
export const AUTO_SAMPLE = 1_000;

/** The first `n` sentences of a document. */
function head(doc: AlignDoc, n: number): AlignDoc {
  const k = Math.min(n, doc.n);
  return {
    id: doc.id,
    n: k,
    vectors: doc.vectors.slice(0, k),
    merged: doc.merged.slice(0, Math.max(0, k - 1)),
    ...(doc.lengths ? { lengths: doc.lengths.slice(0, k) } : {}),
  };
}

export function alignPair(a: AlignDoc, b: AlignDoc, options: Partial<AlignOptions> & { linearAbove?: number } = {}): PairAlignment {
  const opts = resolveAlignOptions(options);
  validatePair(a, b);
  // Long documents aligned in order are compared only in a band around a coarse path (coarse.ts), so
  // time and memory grow linearly. For long documents `auto` decides on their first AUTO_SAMPLE
  // sentences, which in a translation are each other's too; mining needs every pair of sentences.
  const long = a.n * b.n > (options.linearAbove ?? LINEAR_ABOVE_CELLS);
  let decided: { method: Method; reason: string } | undefined;
  if (opts.mode === 'auto' && long) {
    const sample = chooseFromContext(buildMarginContext(head(a, AUTO_SAMPLE), head(b, AUTO_SAMPLE), opts.k), opts.autoPairMin);
    decided = { method: sample.method, reason: `${sample.reason} (decided on the first ${Math.min(AUTO_SAMPLE, a.n, b.n)} sentences of each)` };
  }
  const method = opts.mode === 'auto' ? decided?.method : opts.mode;
  const banded = long && method === 'ordered';
  const pruned = long && method === 'mining';
  const ctx = buildMarginContext(a, b, opts.k, banded ? coarseBand(a.vectors, b.vectors) : pruned ? 'candidates' : undefined);
  const bandNote = banded
    ? 'long documents: compared in a band around the path of their averaged blocks'
    : pruned
      ? 'long documents: each sentence compared with the candidates its heaviest features find'
      : '';
  const choice =
    decided !== undefined
      ? { method: decided.method, reason: [decided.reason, bandNote].filter(Boolean).join('; ') }
      : opts.mode === 'auto'
        ? chooseFromContext(ctx, opts.autoPairMin)
        : { method: opts.mode, reason: bandNote };
  const beads = METHODS[choice.method](ctx);
  // mining long documents: the threshold the runner-up candidates allow (decoy.ts), never above the calibrated one
  const decoy = opts.minScore === undefined && choice.method === 'mining' ? decoyThreshold(ctx, beads, opts.thresholds.mining) : undefined;
  if (decoy && decoy.threshold < opts.thresholds.mining) {
    const note = `long documents: margin threshold ${decoy.threshold.toFixed(2)}, where the runner-up matches put the links by chance at ${(100 * decoy.estimated!).toFixed(1)}%`;
    choice.reason = [choice.reason, note].filter(Boolean).join('; ');
  }
  const minScore = opts.minScore ?? decoy?.threshold ?? opts.thresholds[choice.method];
  // By default an ordered bead that continues the path (no sentence skipped between it and its neighbour)
  // is accepted whatever its margin; a threshold the user sets is a plain threshold for both methods.
  const inRun = opts.minScore === undefined && choice.method === 'ordered' ? contiguous(beads) : new Set<Bead>();
  const accept = (bead: Bead) => bead.margin >= minScore || inRun.has(bead);
  const toLink = (bead: Bead): Link => ({
    src: span(a.id, bead.x),
    tgt: span(b.id, bead.y),
    score: bead.score,
    margin: bead.margin,
    method: choice.method,
    status: 'auto',
  });
  const links = beads.filter(accept).map(toLink).sort(byPosition);
  const below = beads.filter((bead) => !accept(bead)).map(toLink).sort(byPosition);
  return { src: a.id, tgt: b.id, method: choice.method, reason: choice.reason, links, below, rejected: [] };
}

/**
 * Beads of an in-order path (as alignOrdered returns them, in order) that touch the previous or the next
 * bead: no sentence of either document lies between them.
 */
export function contiguous(path: readonly Bead[]): Set<Bead> {
  const out = new Set<Bead>();
  for (let k = 0; k + 1 < path.length; k++) {
    const p = path[k]!;
    const q = path[k + 1]!;
    if (p.x.first + p.x.len === q.x.first && p.y.first + p.y.len === q.y.first) {
      out.add(p);
      out.add(q);
    }
  }
  return out;
}

function span(doc: string, ref: SpanRef): Span {
  return { doc, first: ref.first, last: ref.first + ref.len - 1 };
}

