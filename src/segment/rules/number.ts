// Ordinals and dates: `3. september 2025`, `1. Januar`, `3. 9. 2025`, and list numbers at the
// start of a line (`1. Uvod`). Lower-case words after an ordinal (`2019. godine`) are already
// kept together by the continuation rule; this covers what starts with a capital or a digit.
// A year before a capital (`u 2019. Kasnije`) still ends a sentence.

import { isMonthName } from '../../language/calendar.ts';
import { type Veto, nextWord, tokenBefore } from './context.ts';

/** Days of the month: only these can be the ordinal before a month name. */
const MAX_DAY = 31;

export const isOrdinalOrDate: Veto = (candidate, { text, lineStart }) => {
  if (candidate.punct !== '.') return false;
  const { token, start } = tokenBefore(text, candidate.stop, lineStart);
  if (!/^\d[\d.,]*$/u.test(token)) return false;
  if (text.slice(lineStart, start).trim() === '') return true;
  const word = nextWord(text, candidate);
  if (/^\d/u.test(word)) return true;
  return Number(token) <= MAX_DAY && isMonthName(word);
};
