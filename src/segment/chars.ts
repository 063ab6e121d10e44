// Character classes the segmenter reasons with. Quotation marks differ by language:
// „…“ (bs, hr, sr, mk, sl), „…” (ro, hr), »…« (sl, da), “…” (da, en), ‘…’, "…", «…».

/** Characters that can end a sentence; the full-width and ideographic stops of Chinese and Japanese text too. */
export const TERMINALS = new Set(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '｡', '！', '？']);

/** The stops of Chinese and Japanese text: no space follows them, and they end a sentence wherever they stand. */
export const IDEOGRAPHIC_STOPS = new Set(['。', '｡', '！', '？']);

/** Quotation marks, any style, opening or closing. */
export const QUOTES = new Set(['"', "'", '„', '“', '”', '‘', '’', '‚', '«', '»', '‹', '›', '「', '」', '『', '』']);

/** Characters that only ever close: after a stop, they stay with the sentence even with no space after. */
export const PURE_CLOSERS = new Set([')', ']', '}', '”', '’', '」', '』']);

/** Brackets that can follow a stop and still belong to the sentence. */
export const CLOSING_BRACKETS = new Set([')', ']', '}']);

/** What may stand between a sentence's start and its first word: opening quotes, brackets, dashes. */
export const OPENERS = new Set([...QUOTES, '(', '[', '{', '—', '–', '-', '¿', '¡']);

export function isWhitespace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export function isLowercase(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Ll}/u.test(ch);
}

export function isUppercase(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}|\p{Lt}/u.test(ch);
}
