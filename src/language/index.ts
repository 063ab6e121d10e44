export { detectLanguage, DEFAULT_MIN_LENGTH, CONFIDENT_GAP } from './detect.ts';
export type { DetectOptions } from './detect.ts';
export { settleBcs } from './bcs.ts';
export type { BcsDecision } from './bcs.ts';
export { toBcp47, ISO639_3_TO_BCP47 } from './iso.ts';
export { parseLangOverrides, findOverride, applyOverride, normaliseTag } from './override.ts';
export { isMonthName, isWeekdayName } from './calendar.ts';
