// Section labels that sites print above a headline: `KRIG`, `SVIJET`, `POLITIKA`.
// A line (or what is left of it) of one to three words, all capitals, no digits, no punctuation.

import { type Line, kept, removeAll } from '../lines.ts';

export const SECTION_LABEL_MAX_CHARS = 40;

const LABEL = /^[\p{Lu}\p{M}]{2,}(?:[ &/-]+[\p{Lu}\p{M}]+){0,2}$/u;

export function removeSectionLabels(text: string, lines: Line[]): void {
  for (const line of lines) {
    const rest = kept(text, line);
    if (rest.length <= SECTION_LABEL_MAX_CHARS && LABEL.test(rest)) removeAll(text, line, 'section-label');
  }
}
