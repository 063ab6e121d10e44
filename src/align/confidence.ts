// One calibrated confidence per link: an estimate of the probability that a translator confirms the
// link as `equivalent` (both sides say the same thing), so that a path-accepted ordered link with
// margin 0.95 and a mining link with margin 1.56 land on one scale, and a link that shares only a
// clause with its partner ranks below one that translates it. A logistic model per method over what
// the run knows of a link:
//   ln(margin)   how far it stands out of its neighbourhood;
//   cosine       how alike the two spans are;
//   witnesses    third documents in which both spans are linked to the same span (0–3, as a share of 3);
//   many         whether the run has third documents at all (with two documents no link can have witnesses);
//   merged       whether one side is two sentences (an ordered merge is right less often than a 1:1
//                link; a mined merge's weight fits a tenth of that, its length deviation telling it);
//   coverage, relative (and its square below 0), length ratio (and its square), figures on one side
//                only, figures that disagree: the link's evidence (evidence.ts);
//   deviation    the sides' length difference in a translation's standard deviations (and its square),
//                up to DEVIATION_CAP: a clause lost or added shows in it;
//   pair score   for a 1:1 mining link the pair scorer read (pair-scorer.ts), its probability as log-odds,
//                whether there is one, and ln(margin) again for such a link (its probability reads the
//                margin already, so the plain margin weight is fitted on the links it did not read).
// A headline facing a sentence is no feature (the simulated events have no headlines to learn it from):
// such a link is `related` at most (kind.ts), so its chance of being confirmed as equivalent is 0
// (headlineCeiling), as a link whose cosine is below anything believed is (similarityCeiling).
// The weights are fitted by `node --import tsx bench/confidence.ts` on simulated comparable events of
// the FLORES dev lines held back from training (never on NTREX or the seeds), and checked on NTREX,
// where the expected calibration error and the ranking AUC are printed per condition and method.

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
  scored: number,
  pairScoreLogit: number,
  lnMarginScored: number,
  deviation: number,
  deviationSquared: number,
];

export interface ConfidenceModel {
  ordered: Weights;
  mining: Weights;
  /**
   * The cosine below which nothing is believed (`lo`, confidence 0) and from which the cosine caps
   * nothing (`hi`), linearly between: the margin and the evidence are relative to a document's other
   * sentences, and in a document unlike every other (a language the model never saw) the best of bad
   * candidates stands out as well as a translation would.
   */
  similarity?: { lo: number; hi: number };
}

/** The ceiling that a link's cosine puts on its confidence (ConfidenceModel.similarity). */
export function similarityCeiling(cosine: number, ramp: ConfidenceModel['similarity']): number {
  if (!ramp) return 1;
  return Math.min(1, Math.max(0, (cosine - ramp.lo) / (ramp.hi - ramp.lo)));
}

/**
 * The ceiling that the headline guard puts on a link's confidence: 0 for a headline facing a sentence, or
 * a span that glues a headline to the sentence after it (evidence.ts). The headline says less than the
 * sentence by construction, so a translator confirms such a link as related at most; without the ceiling
 * the features, which never saw a headline, could rank it above links that say the same thing.
 */
export function headlineCeiling(link: Pick<Link, 'evidence'>): number {
  return link.evidence?.headline ? 0 : 1;
}

/** A link's confidence: the method's logistic model over its features, under both ceilings. */
export function confidenceOf(link: Link, features: readonly number[], model: ConfidenceModel): number {
  return logistic(model[link.method], features) * similarityCeiling(link.score, model.similarity) * headlineCeiling(link);
}

/**
 * The length deviation (evidence.ts, Gale & Church's |δ|) is read up to this many standard deviations:
 * beyond it a link is all but never equivalent, and the cap keeps a long outlier from an extreme value.
 * On the FLORES fit (bench/confidence.ts) caps from 2.5 to 6 fit alike, 2 a little worse.
 */
export const DEVIATION_CAP = 3;

/** A link's features, in the order of Weights; a link without evidence (assess.ts) reads as fully covered, of equal length, with no guard raised. */
export function linkFeatures(link: Link, witnesses: number, documents: number): number[] {
  const merged = link.src.last > link.src.first || link.tgt.last > link.tgt.first ? 1 : 0;
  const e = link.evidence;
  const relative = e ? Math.min(e.relative[0], e.relative[1]) : 0;
  const length = e ? Math.min(e.lengthRatio, 2) : 0;
  const disagree = e ? numbersDisagree(e) : false;
  const deviation = e ? Math.min(e.lengthDeviation, DEVIATION_CAP) : 0;
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
    link.pairScore !== undefined ? 1 : 0,
    link.pairScore !== undefined ? logit(link.pairScore) : 0,
    // the margin's own weight for a scored link, whose probability already reads the margin: a link the
    // scorer did not read (a merge, long documents) keeps the margin's plain weight
    link.pairScore !== undefined ? Math.log(Math.max(link.margin, 1e-3)) : 0,
    deviation,
    deviation * deviation,
  ];
}

/** ln(p / (1 − p)), held within ±6 (probabilities of 0.0025 to 0.9975). */
function logit(p: number): number {
  const q = Math.min(0.9975, Math.max(0.0025, p));
  return Math.log(q / (1 - q));
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
 * Fitted by `node --import tsx bench/confidence.ts --embedder polyalign|lexical` (L2 penalty 3) on the
 * links of the simulated FLORES events, of 10 lines and of 20 (89,310 for polyalign, with the links its
 * pair scorer adds). Checked on NTREX (every article, the ordered, comparable and partial conditions,
 * 109,182 links for polyalign): AUC of equivalent against the rest 0.954 (0.960 on the comparable
 * condition), expected calibration error 0.023 over the three conditions, 0.036 over ordered and
 * comparable alone (the confidence is a little low there); between NTREX's translations as they are,
 * 96.9% of the links are equivalent. The pair score's weights are 0 for ordered links and for the
 * lexical channel, which has no pair scorer. Lexical: 96,743 links, AUC 0.941, calibration error 0.021 and 0.036.
 * The similarity ramps are printed by `node --import tsx bench/similarity-floor.ts` on the held-out
 * FLORES lines: `lo` the median cosine of unrelated lines, `hi` the 1st percentile of translations'
 * (for the lexical channel alone, whose cosines are centred, the 0.1st and the 1st percentile of
 * translations': its unrelated lines overlap its translations).
 */
export const CONFIDENCE_MODELS: Readonly<Record<string, ConfidenceModel>> = {
  'static+lexical': {
    ordered: [1.723, 6.0549, 1.0508, 2.3661, -0.8037, -1.2721, 4.5968, 8.6128, -3.7457, 2.7792, 2.0416, -2.4518, -0.2914, 0, 0, 0, 0.0141, -1.8853],
    mining: [2.3258, 0.28, 0.8836, 0.7676, -0.3612, -0.1254, 4.1965, 5.6445, -4.9722, -0.1066, -1.5841, -2.7303, -1.2834, 0.1254, 0.275, -0.9552, -0.4497, -1.6239],
    similarity: { lo: 0.1, hi: 0.216 },
  },
  lexical: {
    ordered: [2.3079, 0.1944, 5.395, 3.1966, -1.0756, -0.6104, -1.8255, 9.043, -3.9241, 1.0854, 1.0104, -2.2559, -0.6337, 0, 0, 0, -0.1576, -1.5674],
    mining: [2.8113, 0.3619, 1.042, 0.2316, -0.0116, -0.2705, 1.3512, 5.8996, -2.7882, -0.0864, -1.175, -1.9471, -0.9801, 0, 0, 0, -0.4802, -1.7793],
    similarity: { lo: -0.055, hi: -0.004 },
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
    for (const l of [...p.links, ...p.below, ...p.rejected]) {
      l.confidence = confidenceOf(l, linkFeatures(l, witnesses(l), documents), model);
    }
  }
}
