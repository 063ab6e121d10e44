// Agency bylines at the end of a line: `... folk”. / AA`, `/ Hina`, `/ Reuters`.
// A slash, then one to three capitalised words, then the end of the line. Only after a
// finished sentence (or alone on the line), so that a headline like `Putin / Kim` stays.

import { type Line, kept, removeAll, removeTail } from '../lines.ts';

const BYLINE = /(?:^|\s)\/\s*\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,2}$/u;
const SENTENCE_END = /[.!?…"”“»«’)]$/u;

export function removeBylines(text: string, lines: Line[]): void {
  for (const line of lines) {
    const rest = kept(text, line);
    const match = BYLINE.exec(rest);
    if (!match) continue;
    if (match.index === 0) removeAll(text, line, 'byline');
    else if (SENTENCE_END.test(rest.slice(0, match.index).trimEnd())) removeTail(text, line, line.keepStart + match.index, 'byline');
  }
}
