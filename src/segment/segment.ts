// Sentences, as a short list of named steps in the manner of parse-latin:
//   1. splitLines        each line break ends a sentence (headlines and captions have no stop)
//   2. findCandidates    every run of stops, with the closing quotes that belong to it
//   3. VETOES            rules that say a candidate is no boundary (one file each in rules/)
//   4. cut               the line at the boundaries left, trimmed of white space
//   5. mergeLetterless   a piece with no letter or digit (`—`, `***`) joins its neighbour
//   6. cutLong           a piece over 1,000 characters (text with no stops) is cut at clause
//                        breaks, else at spaces: no real sentence is that long, and one such
//                        "sentence" would be every link's and every glossary example's text
// Offsets always point into the document's text, and `text === doc.text.slice(start, end)`.

import type { Document, LangCode, LanguageInfo, Range, Sentence } from '../types.ts';
import { abbreviationsFor } from './abbreviations.ts';
import { type Candidate, findCandidates } from './candidates.ts';
import { isLetterOrDigit, isWhitespace } from './chars.ts';
import { isAbbreviation } from './rules/abbreviation.ts';
import type { RuleContext, Veto } from './rules/context.ts';
import { continuesInLowercase } from './rules/continuation.ts';
import { isGluedNonBreak } from './rules/glued.ts';
import { isInitial } from './rules/initial.ts';
import { isOrdinalOrDate } from './rules/number.ts';

/** `line`: every line break ends a sentence. `paragraph`: only blank lines do (for hard-wrapped text). */
export type LineBreakMode = 'line' | 'paragraph';

export const DEFAULT_LINE_BREAKS: LineBreakMode = 'line';

export interface SegmentOptions {
  /** Default {@link DEFAULT_LINE_BREAKS}. */
  lineBreaks?: LineBreakMode;
  /** More abbreviations that never end a sentence (`Gen.`, `tzv.`), with or without the stop. */
  abbreviations?: string[];
}

const VETOES: Veto[] = [continuesInLowercase, isGluedNonBreak, isAbbreviation, isInitial, isOrdinalOrDate];

/** Longer pieces are cut (step 6): the longest sentences of the seeds and of NTREX have under 500 characters. */
export const MAX_SENTENCE_CHARS = 1000;

/** The sentences of a document's body, numbered from 0. */
export function segment(doc: Document, lang: LanguageInfo, options: SegmentOptions = {}): Sentence[] {
  const ranges = doc.body.flatMap((range) => segmentRange(doc.text, range, lang.code, options));
  return ranges.flatMap((range) => cutLong(doc.text, range)).map((range, index) => ({
    doc: doc.id,
    index,
    start: range.start,
    end: range.end,
    text: doc.text.slice(range.start, range.end),
    ...(range.cut ? { cut: true as const } : {}),
  }));
}

/**
 * A piece longer than MAX_SENTENCE_CHARS in pieces of at most that: each ends at the last clause
 * break (`,` `;` `:` or a dash, then a space) in its second half, else at its last space, else at
 * the limit. Pieces of a cut are marked `cut`.
 */
export function cutLong(text: string, range: Range, max = MAX_SENTENCE_CHARS): Array<Range & { cut?: true }> {
  if (range.end - range.start <= max) return [range];
  const pieces: Array<Range & { cut: true }> = [];
  let start = range.start;
  while (range.end - start > max) {
    const window = text.slice(start, start + max);
    const clause = Math.max(...[...window.matchAll(/[,;:–—](?=\s)/gu)].map((m) => m.index + 1).filter((i) => i >= max / 2), -1);
    const space = window.lastIndexOf(' ');
    const end = start + (clause > 0 ? clause : space > max / 2 ? space : max);
    const piece = trim(text, start, end);
    if (piece) pieces.push({ ...piece, cut: true });
    start = end;
  }
  const last = trim(text, start, range.end);
  if (last) pieces.push({ ...last, cut: true });
  return pieces;
}

/** Sentence ranges of plain text (no cleaning): for `polyalign segment` and tests. */
export function segmentText(text: string, lang: LangCode = 'und', options: SegmentOptions = {}): Range[] {
  return segmentRange(text, { start: 0, end: text.length }, lang, options);
}

function segmentRange(text: string, range: Range, lang: LangCode, options: SegmentOptions): Range[] {
  const abbreviations = abbreviationsFor(lang, options.abbreviations);
  const mode = options.lineBreaks ?? DEFAULT_LINE_BREAKS;
  return splitLines(text, range, mode).flatMap((line) => {
    const context: RuleContext = { text, lineStart: line.start, abbreviations };
    const boundaries = findCandidates(text, line.start, line.end)
      .filter((candidate) => !VETOES.some((veto) => veto(candidate, context)))
      .map((candidate: Candidate) => candidate.end);
    return mergeLetterless(text, cut(text, line, boundaries));
  });
}

const LINE_BREAK = /\r\n|\n|\r|\u2028|\u2029/gu;
const BLANK_LINE = /(?:\r\n|\n|\r|\u2028|\u2029)[^\S\r\n\u2028\u2029]*(?:\r\n|\n|\r|\u2028|\u2029)\s*/gu;

function splitLines(text: string, range: Range, mode: LineBreakMode): Range[] {
  const pattern = mode === 'line' ? LINE_BREAK : BLANK_LINE;
  const lines: Range[] = [];
  let start = range.start;
  for (const match of text.slice(range.start, range.end).matchAll(pattern)) {
    lines.push({ start, end: range.start + match.index });
    start = range.start + match.index + match[0].length;
  }
  lines.push({ start, end: range.end });
  return lines;
}

function cut(text: string, line: Range, boundaries: number[]): Range[] {
  const pieces: Range[] = [];
  let start = line.start;
  for (const end of [...boundaries, line.end]) {
    const piece = trim(text, start, end);
    if (piece) pieces.push(piece);
    start = end;
  }
  return pieces;
}

function trim(text: string, start: number, end: number): Range | undefined {
  while (start < end && isWhitespace(text[start])) start++;
  while (end > start && isWhitespace(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** A piece without a letter or digit is no sentence: it joins the next piece, or the previous one at the end; alone, it is dropped. */
function mergeLetterless(text: string, pieces: Range[]): Range[] {
  const out: Range[] = [];
  let pending: number | undefined;
  for (const piece of pieces) {
    const start = pending ?? piece.start;
    pending = undefined;
    if (!hasLetterOrDigit(text, piece)) {
      pending = start;
      continue;
    }
    out.push({ start, end: piece.end });
  }
  const last = out.at(-1);
  if (pending !== undefined && last) last.end = pieces.at(-1)!.end;
  return out;
}

function hasLetterOrDigit(text: string, range: Range): boolean {
  for (let i = range.start; i < range.end; i++) if (isLetterOrDigit(text[i])) return true;
  return false;
}
