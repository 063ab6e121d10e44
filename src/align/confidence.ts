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

export type Weights = readonly [bias: number, lnMargin: number, cosine: number, witnesses: number, many: number, merged: number];

export interface ConfidenceModel {
  ordered: Weights;
  mining: Weights;
}

export function linkFeatures(link: Link, witnesses: number, documents: number): number[] {
  const merged = link.src.last > link.src.first || link.tgt.last > link.tgt.first ? 1 : 0;
  return [1, Math.log(Math.max(link.margin, 1e-3)), link.score, Math.min(witnesses, 3) / 3, documents >= 3 ? 1 : 0, merged];
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
    ordered: [0.6891, 5.5766, 0.4141, 2.1749, -1.1278, -1.5855],
    mining: [-0.5961, 4.2224, 2.0135, 0.3976, -0.0429, -1.1309],
  },
  lexical: {
    ordered: [0.9781, 0.0926, 3.6112, 2.2341, -1.107, -1.0641],
    mining: [-0.9771, 2.4237, 2.9787, 0.5271, -0.1357, -0.6915],
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
