// The working model of cleaning: the text as lines, each with the part still held as
// article text (`keep`). Rules only ever trim a line from either end or drop what is left,
// so every removal is a contiguous range and offsets into the text never shift.

import type { Removed, RemovedKind } from '../types.ts';

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Start and end of the line, without its line break. */
  start: number;
  end: number;
  /** The part still held as article text, trimmed; empty when `keepStart === keepEnd`. */
  keepStart: number;
  keepEnd: number;
  /** What rules took from this line, in text order once sorted. */
  removed: Removed[];
}

const LINE_BREAK = /\r\n|\n|\r|\u2028|\u2029/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push(makeLine(text, lines.length, start, match.index));
    start = match.index + match[0].length;
  }
  lines.push(makeLine(text, lines.length, start, text.length));
  return lines;
}

function makeLine(text: string, index: number, start: number, end: number): Line {
  const line: Line = { index, start, end, keepStart: start, keepEnd: end, removed: [] };
  trimKeep(text, line);
  return line;
}

/** The text still kept on the line. */
export function kept(text: string, line: Line): string {
  return text.slice(line.keepStart, line.keepEnd);
}

export function hasKept(line: Line): boolean {
  return line.keepEnd > line.keepStart;
}

/** Remove the first `length` characters of the kept part (then re-trim). */
export function removeHead(text: string, line: Line, length: number, kind: RemovedKind): void {
  record(text, line, line.keepStart, line.keepStart + length, kind);
  line.keepStart += length;
  trimKeep(text, line);
}

/** Remove the kept part from `from` (an offset into the text) to its end (then re-trim). */
export function removeTail(text: string, line: Line, from: number, kind: RemovedKind): void {
  record(text, line, from, line.keepEnd, kind);
  line.keepEnd = from;
  trimKeep(text, line);
}

/** Remove everything still kept on the line. */
export function removeAll(text: string, line: Line, kind: RemovedKind): void {
  record(text, line, line.keepStart, line.keepEnd, kind);
  line.keepEnd = line.keepStart;
}

/** Record a removal of `[start, end)`, trimmed of white space, without changing `keep`. */
export function record(text: string, line: Line, start: number, end: number, kind: RemovedKind): void {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) line.removed.push({ start, end, kind, text: text.slice(start, end) });
}

function trimKeep(text: string, line: Line): void {
  while (line.keepStart < line.keepEnd && /\s/u.test(text[line.keepStart]!)) line.keepStart++;
  while (line.keepEnd > line.keepStart && /\s/u.test(text[line.keepEnd - 1]!)) line.keepEnd--;
}
