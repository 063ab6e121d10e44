// One calibrated confidence per link: an estimate of the probability that the link is right, so
// that a path-accepted ordered link with margin 0.95 and a mining link with margin 1.56 land on one
// scale. A logistic model per method over what the run knows of a link:
//   ln(margin)   how far it stands out of its neighbourhood;
//   cosine       how alike the two spans are;
//   witnesses    third documents in which both spans are linked to the same span (0–3, as a share of 3);
//   many         whether the run has third documents at all (with two documents no link can have witnesses);
//   merged       whether one side is two sentences (a merge is right less often than a 1:1 link).
// The weights are fitted by `node --import tsx bench/confidence.ts` on NTREX articles 0–60 (both
// perturbed conditions, the 7 versions of each article aligned in one run, every exported link labelled
// right when it is exactly a gold block), per embedder kind, and checked on articles 61–122, where the
// expected calibration error is printed beside a reliability diagram (bench/confidence-*.png).

import type { Link, PairAlignment } from '../types.ts';
import { partnersOf, supportOf } from './corroborate.ts';
import { numbersDisagree } from './kind.ts';

export type Weights = readonly [
  bias: number,
  lnMargin: number,
  cosine: number,
  witnesses: number,
  many: number,
  merged: number,
  coverage: number,
  relative: number,
  relativeSquared: number,
  lengthRatio: number,
  lengthSquared: number,
  numbersOneSide: number,
  numbersDisagree: number,
  headline: number,
];

export interface ConfidenceModel {
  ordered: Weights;
  mining: Weights;
}

/** A link's features, in the order of Weights; a link without evidence (assess.ts) reads as fully covered, of equal length, with no guard raised. */
export function linkFeatures(link: Link, witnesses: number, documents: number): number[] {
  const merged = link.src.last > link.src.first || link.tgt.last > link.tgt.first ? 1 : 0;
  const e = link.evidence;
  const relative = e ? Math.min(e.relative[0], e.relative[1]) : 0;
  const length = e ? Math.min(e.lengthRatio, 2) : 0;
  const disagree = e ? numbersDisagree(e) : false;
  return [
    1,
    Math.log(Math.max(link.margin, 1e-3)),
    link.score,
    Math.min(witnesses, 3) / 3,
    documents >= 3 ? 1 : 0,
    merged,
    e ? Math.min(e.coverage[0], e.coverage[1]) : link.score,
    relative,
    Math.min(0, relative) ** 2,
    length,
    length * length,
    e && e.unmatchedNumbers[0].length + e.unmatchedNumbers[1].length > 0 && !disagree ? 1 : 0,
    disagree ? 1 : 0,
    e?.headline ? 1 : 0,
  ];
}

export function logistic(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Per link, the number of third documents in which both of its spans are linked (by accepted links)
 * to one and the same span: corroboration's support, translations counted too (the model was fitted so).
 */
export function witnessCounts(pairs: readonly PairAlignment[]): (link: Link) => number {
  const partners = partnersOf(pairs.flatMap((p) => p.links));
  return (link) => supportOf(link, partners);
}

/**
 * Fitted by `node --import tsx bench/confidence.ts --embedder polyalign|lexical` (NTREX articles 0–60,
 * 39,683 / 37,360 exported links of 7-document and 2-document runs). Held out (articles 61–122), the
 * expected calibration error over all links is 0.0062 (polyalign, model v2) and 0.0075 (lexical); per method, and for runs of two documents alone, at most 0.017.
 */
export const CONFIDENCE_MODELS: Readonly<Record<string, ConfidenceModel>> = {
  'static+lexical': {
    ordered: [2.4999, 6.4029, -1.0341, 1.9382, -0.5324, -1.8491, 2.6844, 8.1296, -3.5295, -4.369, 0.4415, -0.9707, -0.238, 0],
    mining: [2.1612, 1.6436, 0.8344, 0.083, -0.0133, -1.2726, 0.5867, 6.0198, -3.7856, -6.6772, 3.7885, -0.5701, -1.3788, 0],
  },
  lexical: {
    ordered: [0.9781, 0.0926, 3.6112, 2.2341, -1.107, -1.0641, 0, 0, 0, 0, 0, 0, 0, 0],
    mining: [-0.9771, 2.4237, 2.9787, 0.5271, -0.1357, -0.6915, 0, 0, 0, 0, 0, 0, 0, 0],
  },
};

/** The model of an embedder kind; kinds without one of their own (a pulled neural model) take the lexical one, as for the thresholds. */
export function confidenceModelFor(kind: string): ConfidenceModel {
  return CONFIDENCE_MODELS[kind] ?? CONFIDENCE_MODELS.lexical!;
}

/**
 * Sets `confidence` on every link of the settled run (accepted, candidates, rejected). In place, because
 * the groups hold the same link objects as the pairs; the run made these objects and nothing else holds them.
 */
export function annotateConfidence(pairs: readonly PairAlignment[], documents: number, model: ConfidenceModel): void {
  const witnesses = witnessCounts(pairs);
  for (const p of pairs) {
    for (const l of [...p.links, ...p.below, ...p.rejected]) l.confidence = logistic(model[l.method], linkFeatures(l, witnesses(l), documents));
  }
}
