// Words of a sentence with what name detection needs to know about each: is it capitalised,
// is it an acronym, is it capitalised for a reason other than being a name (first word of a
// sentence or of a quotation), and does it stand next to the following word with nothing but
// a space between them (so the two may form one name).

import { isAcronym } from './normalise.ts';

/** A word of a sentence; offsets are relative to the sentence text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** Capitals only, two letters or more (`KCNA`, `КЦНА`, `BBC-ja`). */
  acronym: boolean;
  /** First word of the sentence, of a quotation, or after a colon or sentence punctuation. */
  initial: boolean;
  /** Only blanks (no punctuation, no line break) separate it from the next word. */
  joinsNext: boolean;
}

/** The inside of a pair of quotation marks, relative to the sentence text. */
export interface QuoteSpan {
  start: number;
  end: number;
}

// Letters with inner hyphens and apostrophes: `Jong-un`, `Kursk-regionen`, `O'Neill`, `BBC-ja`.
const WORD = /\p{L}[\p{L}\p{M}]*(?:[-‐'’]\p{L}[\p{L}\p{M}]*)*/gu;
const QUOTE_MARKS = new Set(['"', '„', '“', '”', '‘', '’', '«', '»', '‚', '‹', '›', "'", '‟']);
// Marks that only ever open a quotation, whatever stands around them.
const ALWAYS_OPENING = new Set(['„', '‚']);
const SENTENCE_BREAK = /[.!?:;…\n]/;

type QuoteRole = 'open' | 'close' | 'unclear';

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

// Direction is read from the neighbours, since one mark (“) opens in Danish and closes in
// Macedonian: a mark with a blank before it and a letter after it opens.
function quoteRole(text: string, at: number): QuoteRole {
  const mark = text[at]!;
  if (ALWAYS_OPENING.has(mark)) return 'open';
  const before = text[at - 1];
  const after = text[at + 1];
  const leftFree = isBlank(before) || /[(\[{–—\-/:]/u.test(before!) || QUOTE_MARKS.has(before!);
  const rightFree = isBlank(after) || /[\p{P}]/u.test(after!);
  if (leftFree && !rightFree) return 'open';
  if (!leftFree && rightFree) return 'close';
  return 'unclear';
}

/** The roles of every quotation mark of a text, by position. Apostrophes inside words are skipped. */
function quoteRoles(text: string): Map<number, QuoteRole> {
  const roles = new Map<number, QuoteRole>();
  for (let i = 0; i < text.length; i++) {
    if (!QUOTE_MARKS.has(text[i]!)) continue;
    const role = quoteRole(text, i);
    if (role !== 'unclear') roles.set(i, role);
  }
  return roles;
}

/** Pairs of quotation marks: each opening mark with the next closing one. */
export function quotedSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: number | undefined;
  for (const [at, role] of [...quoteRoles(text)].sort((a, b) => a[0] - b[0])) {
    if (role === 'open' && open === undefined) open = at;
    else if (role === 'close' && open !== undefined) {
      spans.push({ start: open + 1, end: at });
      open = undefined;
    }
  }
  return spans;
}

/** The words of a sentence, in order. */
export function tokenise(text: string): Token[] {
  const roles = quoteRoles(text);
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const previousEnd = tokens.length > 0 ? tokens[tokens.length - 1]!.end : 0;
    const gap = text.slice(previousEnd, start);
    let openingQuote = false;
    for (let i = previousEnd; i < start; i++) if (roles.get(i) === 'open') openingQuote = true;
    const first = match[0][0]!;
    tokens.push({
      text: match[0],
      start,
      end,
      capitalised: first !== first.toLowerCase() && first === first.toUpperCase(),
      acronym: isAcronym(match[0]),
      initial: tokens.length === 0 || SENTENCE_BREAK.test(gap) || openingQuote,
      joinsNext: false,
    });
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const gap = text.slice(tokens[i]!.end, tokens[i + 1]!.start);
    tokens[i]!.joinsNext = /^[ \t\u00a0\u202f]+$/u.test(gap);
  }
  return tokens;
}
