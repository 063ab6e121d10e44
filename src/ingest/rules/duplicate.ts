// A line repeated verbatim: pages repeat a caption, a pull quote or a standfirst that also
// stands in the body. The last occurrence is kept (captions and teasers come before the
// body they quote); earlier ones go, as 'caption' when the line carried a caption's marks
// (a credit or a byline was taken from it), else as 'duplicate'.

import { type Line, kept, removeAll } from '../lines.ts';

/** Shorter lines (in words) may repeat by chance (`Share`, `Video`) and are left alone. */
export const DUPLICATE_MIN_WORDS = 3;

export function removeDuplicates(text: string, lines: Line[]): void {
  const last = new Map<string, number>();
  for (const line of lines) {
    const key = duplicateKey(kept(text, line));
    if (key) last.set(key, line.index);
  }
  for (const line of lines) {
    const key = duplicateKey(kept(text, line));
    if (!key || last.get(key) === line.index) continue;
    const captionMarks = line.removed.some((removed) => removed.kind === 'byline' || removed.kind === 'credit');
    removeAll(text, line, captionMarks ? 'caption' : 'duplicate');
  }
}

function duplicateKey(value: string): string | undefined {
  const key = value.replace(/\s+/gu, ' ').trim();
  return key.split(' ').length >= DUPLICATE_MIN_WORDS ? key : undefined;
}
