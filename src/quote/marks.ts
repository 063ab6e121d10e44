// Direct quotes by their marks, in every style our languages use: „…“ (bs, hr, sr, mk, sl), „…”
// (ro, hr), »…« (sl, da), «…» (ro, sr), “…” (da, en), ‘…’, ‚…‘, "…" and '…'. A mark opens where a
// word may start (after a space, a bracket, a dash or another opening mark, or at the start of the
// paragraph) and closes where a word has ended; inner quotes nest, and only the outermost quote of
// a paragraph is returned (its text holds the inner one). A quote left open at the end of its
// paragraph is dropped: news reopens a quote that runs on in the next paragraph. Pure.

import type { Range } from '../types.ts';

/** For each opening mark, the marks that may close it. */
const CLOSERS: Record<string, readonly string[]> = {
  '„': ['“', '”', '"'],
  '‚': ['‘', '’'],
  '“': ['”', '“'],
  '”': ['”'],
  '‘': ['’'],
  '«': ['»'],
  '»': ['«'],
  '"': ['"'],
  "'": ["'"],
  '‹': ['›'],
  '›': ['‹'],
  '「': ['」'],
  '『': ['』'],
};

const CLOSING = new Set(Object.values(CLOSERS).flat());

function opensHere(text: string, i: number, start: number): boolean {
  const before = i > start ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return /[\s([{\u2014\u2013\-/:]/u.test(before) || (before in CLOSERS && !/[\p{L}\p{N}]/u.test(before)) ? !/\s/u.test(after) : false;
}

function closesHere(text: string, i: number, end: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = i + 1 < end ? text[i + 1]! : ' ';
  if (/\s/u.test(before)) return false;
  // `Kim’s`, `don't`: a mark between two letters is an apostrophe
  if (/\p{L}/u.test(after) && /\p{L}/u.test(before)) return false;
  return !/[\p{L}\p{N}]/u.test(after) || after === '-';
}

/** The outermost quotes in `range` of `text`: the ranges of the words inside their marks. */
export function directQuotes(text: string, range: Range): Range[] {
  const found: Range[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  for (let i = range.start; i < range.end; i++) {
    const c = text[i]!;
    if (!(c in CLOSERS) && !CLOSING.has(c)) continue;
    const top = stack.at(-1);
    if (top && CLOSERS[top.mark]!.includes(c) && closesHere(text, i, range.end)) {
      stack.pop();
      if (stack.length === 0) {
        const inner = trimmed(text, top.at + 1, i);
        if (inner) found.push(inner);
      }
      continue;
    }
    if (c in CLOSERS && opensHere(text, i, range.start)) {
      // a straight quote or apostrophe inside a word never opens
      if ((c === "'" || c === '’') && /\p{L}/u.test(text[i - 1] ?? '')) continue;
      stack.push({ mark: c, at: i });
    }
  }
  return found;
}

function trimmed(text: string, start: number, end: number): Range | undefined {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : undefined;
}
