// Decide which parts of a decoded file are article text. Pure: the rules (one file each in
// rules/) trim lines from either end, in a fixed order, so that each sees what the earlier
// ones left (the date token goes before `KRIG` can be seen as a section label; the byline
// goes before a caption can be found to repeat a body line).

import type { Document, Range, Removed } from '../types.ts';
import { type Line, hasKept, splitLines } from './lines.ts';
import { removeBylines } from './rules/byline.ts';
import { removeCredits } from './rules/credit.ts';
import { removeDatelines } from './rules/dateline.ts';
import { removeDuplicates } from './rules/duplicate.ts';
import { removeMetadata } from './rules/metadata.ts';
import { removeSectionLabels } from './rules/section-label.ts';
import { removeShareCounters } from './rules/share-counter.ts';

type Rule = (text: string, lines: Line[], meta: Record<string, string>) => void;

const RULES: Rule[] = [
  removeMetadata,
  removeShareCounters,
  removeBylines,
  removeCredits,
  removeSectionLabels,
  removeDatelines,
  removeDuplicates,
];

export function cleanDocument(id: string, text: string, sha256: string, bytes: number, path = id): Document {
  const lines = splitLines(text);
  const meta: Record<string, string> = {};
  for (const rule of RULES) rule(text, lines, meta);
  const removed: Removed[] = lines.flatMap((line) => line.removed).sort((a, b) => a.start - b.start);
  return { id, path, text, sha256, bytes, meta, body: bodyRanges(text, lines), removed };
}

/**
 * The kept parts of lines, joined across a single line break into paragraphs. A blank line
 * or anything removed in between ends a range, so a range never spans set-aside text.
 */
function bodyRanges(text: string, lines: Line[]): Range[] {
  const ranges: Range[] = [];
  for (const line of lines.filter(hasKept)) {
    const previous = ranges.at(-1);
    if (previous && /^[^\S\r\n\u2028\u2029]*(?:\r\n|\n|\r|\u2028|\u2029)[^\S\r\n\u2028\u2029]*$/u.test(text.slice(previous.end, line.keepStart))) {
      previous.end = line.keepEnd;
    } else {
      ranges.push({ start: line.keepStart, end: line.keepEnd });
    }
  }
  return ranges;
}
