// What the veto rules know about a candidate: the text, the language's abbreviations,
// and the token just before the stop.

import type { Candidate } from '../candidates.ts';

export interface RuleContext {
  text: string;
  /** Start of the line (or paragraph) the candidate stands in. */
  lineStart: number;
  abbreviations: ReadonlySet<string>;
}

/** A veto: true when the candidate is not a sentence boundary. */
export type Veto = (candidate: Candidate, context: RuleContext) => boolean;

/**
 * The token that ends at the stop: letters, digits, and the periods and hyphens inside
 * abbreviations (`d.o.o`, `f.eks`, `д-р`, `2.000`), and where it starts.
 */
export function tokenBefore(text: string, stop: number, lineStart: number): { token: string; start: number } {
  let start = stop;
  while (start > lineStart && /[\p{L}\p{M}\p{N}.\-]/u.test(text[start - 1]!)) start--;
  while (start < stop && /[.\-]/u.test(text[start]!)) start++;
  return { token: text.slice(start, stop), start };
}

/** The word the next sentence would start with (letters and digits), or '' when none. */
export function nextWord(text: string, candidate: Candidate): string {
  if (candidate.word < 0) return '';
  return /^[\p{L}\p{M}\p{N}]+/u.exec(text.slice(candidate.word, candidate.word + 64))?.[0] ?? '';
}
