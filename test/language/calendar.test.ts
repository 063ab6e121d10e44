import { describe, expect, it } from 'vitest';
import { isMonthName, isWeekdayName } from '../../src/language/calendar.ts';

describe('calendar words', () => {
  it('knows month names and their inflections in every language, any case', () => {
    for (const word of ['september', 'septembra', 'rujna', 'Septembrie', 'септември', 'септембра', 'marts', 'SIJEČNJA']) expect(isMonthName(word), word).toBe(true);
  });

  it('does not take words that merely start like a month', () => {
    for (const word of ['srpski', 'lipa', 'marta1', 'Sept']) expect(isMonthName(word), word).toBe(false);
  });

  it('knows weekdays', () => {
    expect(isWeekdayName('Srijeda')).toBe(true);
    expect(isWeekdayName('onsdag')).toBe(true);
    expect(isWeekdayName('четврток')).toBe(true);
    expect(isWeekdayName('Putin')).toBe(false);
  });
});
