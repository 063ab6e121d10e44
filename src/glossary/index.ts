// The glossary stage. Re-exports only.
export { buildGlossary, resolveGlossaryOptions, DEFAULT_MIN_MENTIONS } from './build.ts';
export type { GlossaryOptions } from './build.ts';
export { extractCandidates, DEFAULT_JOINERS, DEFAULT_MAX_TITLE_WORDS, DEFAULT_HEADLINE_RATIO } from './candidates.ts';
export type { Candidate, CandidateOptions } from './candidates.ts';
export { clusterCandidates, DEFAULT_MIN_SUPPORT, DEFAULT_MIN_SUPPORT_SIMILAR, DEFAULT_MIN_ASSOCIATION } from './cluster.ts';
export type { ClusterOptions } from './cluster.ts';
export { normaliseWord, normaliseName, stripInflection, skeleton, languageFamily, acronymKey, isAcronym } from './normalise.ts';
export { isNear, isLooselySimilar, editDistance } from './similarity.ts';
