// Step 1: every place where a sentence might end: a run of stops (`.`, `?!`, `...`, `…`),
// with the closing quotes and brackets that belong to the sentence it ends (`borili".`,
// `eroism”,` is not one: a comma follows). Rules in rules/ then veto candidates.

import { CLOSING_BRACKETS, OPENERS, PURE_CLOSERS, QUOTES, TERMINALS, isLetter, isWhitespace } from './chars.ts';

export interface Candidate {
  /** Index of the first stop character. */
  stop: number;
  /** The stop characters themselves: `.`, `?!`, `...`, `…`. */
  punct: string;
  /** Where the sentence would end: after the stops and the closers that go with them. */
  end: number;
  /** Index of the first non-space character after `end`. */
  next: number;
  /** No white space between this sentence and the next: `КЦНА.Ким`. */
  glued: boolean;
  /** The first letter or digit of the next sentence, past opening quotes and brackets; -1 if none on the line. */
  word: number;
}

/** Candidates in `[start, end)`, which holds no line break the caller wants kept as a boundary. */
export function findCandidates(text: string, start: number, end: number): Candidate[] {
  const candidates: Candidate[] = [];
  let i = start;
  while (i < end) {
    if (!TERMINALS.has(text[i]!)) {
      i++;
      continue;
    }
    const stop = i;
    let stopEnd = i;
    while (stopEnd < end && TERMINALS.has(text[stopEnd]!)) stopEnd++;
    // A quote or bracket after the stop, and maybe a second stop: `!”.`, `."`, `.)`.
    let tail = stopEnd;
    while (tail < end && (QUOTES.has(text[tail]!) || CLOSING_BRACKETS.has(text[tail]!) || TERMINALS.has(text[tail]!))) tail++;
    i = tail;
    if (tail >= end) continue; // the end of the line ends the sentence anyway
    const candidate = isWhitespace(text[tail]) ? spaced(text, stop, stopEnd, tail, end) : glued(text, stop, stopEnd, tail, end);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/** `borili". Kim`: everything up to the space closes the sentence. */
function spaced(text: string, stop: number, stopEnd: number, tail: number, end: number): Candidate | undefined {
  let next = tail;
  while (next < end && isWhitespace(text[next])) next++;
  if (next >= end) return undefined;
  return { stop, punct: text.slice(stop, stopEnd), end: tail, next, glued: false, word: firstWord(text, next, end) };
}

/**
 * `КЦНА.Ким`, `четврток.„Другарот`: no space, so only a letter can start a sentence here,
 * and of the quotes in between only pure closers (`”`, `)`) stay; `„` opens the next one.
 */
function glued(text: string, stop: number, stopEnd: number, tail: number, end: number): Candidate | undefined {
  if (!isLetter(text[tail])) return undefined;
  let close = stopEnd;
  while (close < tail && (PURE_CLOSERS.has(text[close]!) || TERMINALS.has(text[close]!))) close++;
  return { stop, punct: text.slice(stop, stopEnd), end: close, next: close, glued: true, word: firstWord(text, close, end) };
}

function firstWord(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (OPENERS.has(text[i]!) || isWhitespace(text[i]))) i++;
  return i < end && /[\p{L}\p{N}]/u.test(text[i]!) ? i : -1;
}
