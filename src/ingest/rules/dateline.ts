// A line that holds only a date (and maybe a weekday or a time): `3. september 2025`,
// `Srijeda, 3. septembar 2025. u 14:30`, `03.09.2025.`, `September 3, 2025`, `3 septembrie 2025`.
// Article text never consists of a bare date, so the whole line goes.

import { isMonthName, isWeekdayName } from '../../language/calendar.ts';
import { type Line, kept, removeAll } from '../lines.ts';

const WEEKDAY = /^(\p{L}+),?\s+/u;
const TIME = /(?:,?\s+(?:u|kl\.?|at|ob|la|во|у)?\s*\d{1,2}[:.]\d{2}(?:\s*h)?)$/u;
const DAY_MONTH_YEAR = /^\d{1,2}\.?\s*(\p{L}+)\.?,?\s+\d{4}\.?$/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\s+\d{1,2}\.?,?\s+\d{4}\.?$/u;
const NUMERIC = /^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\.?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/u;

export function removeDatelines(text: string, lines: Line[]): void {
  for (const line of lines) {
    if (isDateOnly(kept(text, line))) removeAll(text, line, 'dateline');
  }
}

export function isDateOnly(value: string): boolean {
  let rest = value.trim();
  const weekday = WEEKDAY.exec(rest);
  if (weekday && isWeekdayName(weekday[1]!)) rest = rest.slice(weekday[0].length);
  rest = rest.replace(TIME, '');
  if (NUMERIC.test(rest)) return true;
  const month = DAY_MONTH_YEAR.exec(rest) ?? MONTH_DAY_YEAR.exec(rest);
  return month !== null && isMonthName(month[1]!);
}
