// A reviewer's decisions: read from files, kept in a store, applied to a run. Re-exports only.

export type { Decision, EntryDecision, EntryStatus, LinkDecision, LinkStatus, QuoteDecision, SpanText } from './decision.ts';
export { decidedKind, decisionKey, describe, entryKey, linkKey, linkRowKey, normaliseText, quoteKey, sameDecision, unescapeCell } from './decision.ts';
export type { ParsedDecisions, ParseOptions } from './parse.ts';
export { delimiterOf, ENTRY_COLUMNS, GLOSSARY_FIXED_COLUMNS, headerOf, LINK_COLUMNS, parseDecisions, QUOTE_COLUMNS } from './parse.ts';
export type { MergeResult } from './store.ts';
export { changedSinceWritten } from './since-written.ts';
export { effective, mergeDecisions, parseStore, serialiseStore, STORE_NAME } from './store.ts';
export type { SpanFinder } from './find-span.ts';
export { spanFinder } from './find-span.ts';
export type { SpanScorer } from './score-span.ts';
export { spanScorer } from './score-span.ts';
export type { LinkApplyResult } from './apply-links.ts';
export { applyLinkDecisions } from './apply-links.ts';
export type { GlossaryApplyResult } from './apply-glossary.ts';
export { applyGlossaryDecisions, formsMatch } from './apply-glossary.ts';
export { linksLetIn, linkSpansKey } from './let-in.ts';
