export { segment, segmentText, DEFAULT_LINE_BREAKS } from './segment.ts';
export type { SegmentOptions, LineBreakMode } from './segment.ts';
export { abbreviationsFor } from './abbreviations.ts';
