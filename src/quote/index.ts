export { detectQuotes } from './detect.ts';
export { groupQuotes, chanceBelow, UNRELATED } from './align.ts';
export { resolveQuoteDecisions, type QuoteReview } from './decisions.ts';
export { directQuotes } from './marks.ts';
export { isSpeechVerb, reportedClause } from './speech.ts';
