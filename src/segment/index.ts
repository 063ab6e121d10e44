export { segment, segmentText, cutLong, DEFAULT_LINE_BREAKS, MAX_SENTENCE_CHARS } from './segment.ts';
export type { SegmentOptions, LineBreakMode } from './segment.ts';
export { abbreviationsFor } from './abbreviations.ts';
