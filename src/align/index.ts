// The aligner's public surface: re-exports only.

export type { AlignDoc } from './input.ts';
export { validateAlignDoc, validatePair } from './input.ts';
export type { TopK } from './similarity.ts';
export { cosine, meanTopK, topK, topKBoth } from './similarity.ts';
export type { Bead, MarginContext, SpanRef } from './margin.ts';
export {
  buildMarginContext,
  CANDIDATES,
  DEFAULT_K,
  effectiveK,
  MERGE_GAIN,
  MERGE_HALF_MIN,
  mergeAllowed,
  ratioMargin,
  spanScore,
} from './margin.ts';
export type { MiningOptions } from './mining.ts';
export { alignMining, mutualBest } from './mining.ts';
export type { Band, OrderedOptions } from './ordered.ts';
export {
  alignOrdered,
  ANCHOR_MIN,
  BAND_SLACK,
  FULL_SEARCH_CELLS,
  HALF_TARGET,
  HALF_WEIGHT,
  LENGTH_HALF_MIN,
  LENGTH_MERGE_GAIN,
  LENGTH_WEIGHT,
  MAX_BAND_CELLS,
  ORDERED_BEAD_MIN,
  ORDERED_HALF_MIN,
  ORDERED_MERGE_GAIN,
  searchBand,
  SKIP_PENALTY,
} from './ordered.ts';
export type { LengthScore } from './length.ts';
export { LENGTH_FLOOR, LENGTH_RANDOM_VARIANCE, LENGTH_VARIANCE, lengthScore } from './length.ts';
export type { ShuffleTest } from './shuffle-test.ts';
export { SHUFFLE_MAX_CELLS, SHUFFLES, shuffleTest } from './shuffle-test.ts';
export { kendallTau, longestIncreasing } from './monotone.ts';
export type { MethodChoice, OrderEvidence } from './auto.ts';
export {
  AUTO_MIN_COVERAGE,
  AUTO_MIN_LENGTH_RATIO,
  AUTO_MIN_TAU,
  AUTO_MIN_Z,
  AUTO_PAIR_MIN,
  AUTO_SHUFFLE_P,
  chooseFromContext,
  chooseMethod,
  orderEvidence,
} from './auto.ts';
export type { AlignOptions } from './pair.ts';
export { alignPair, contiguous, DEFAULT_MIN_SCORE, DEFAULT_MODE, resolveAlignOptions } from './pair.ts';
export type { GroupResult } from './groups.ts';
export { buildGroups, groupLinks, TIE_MARGIN_RATIO } from './groups.ts';
export type { AlignmentScores, Block, PRF, VecalignLine } from './score.ts';
export { formatVecalign, linksToBlocks, parseVecalign, scoreAlignments } from './score.ts';
