// A stop with no space after it ends a sentence only before a capitalised word
// (`КЦНА.Ким`, `четврток.„Другарот`), so not in `www.kremlin.ru`, `2.000`, an acronym
// (`U.S.A`) or a product name (`ASP.NET`); and never inside a web or e-mail address
// (`www.Kremlin.Ru`, `press@Kremlin.Ru`). A glued ellipsis (`pustili...Ne, nismo`) marks a
// pause inside a sentence, not its end. The ideographic stops of Chinese and Japanese (`。`), which
// no space follows, end a sentence wherever they stand.

import { IDEOGRAPHIC_STOPS, isLowercase, isUppercase } from '../chars.ts';
import type { Veto } from './context.ts';

const ADDRESS = /www\.|:\/\/|@/iu;

export const isGluedNonBreak: Veto = (candidate, { text, lineStart }) => {
  if (!candidate.glued || [...candidate.punct].every((c) => IDEOGRAPHIC_STOPS.has(c))) return false;
  if (candidate.punct.includes('…') || candidate.punct.includes('..')) return true;
  const word = candidate.word;
  if (word < 0 || !isUppercase(text[word]) || !isLowercase(text[word + 1])) return true;
  return ADDRESS.test(chunkAround(text, candidate.stop, lineStart));
};

/** The run of non-space characters that holds `index`. */
function chunkAround(text: string, index: number, lineStart: number): string {
  let start = index;
  while (start > lineStart && !/\s/u.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !/\s/u.test(text[end]!)) end++;
  return text.slice(start, end);
}
