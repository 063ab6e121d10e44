// Which character encoding a file is in, and its text. UTF-8 (with or without a BOM) and UTF-16
// with a BOM are read as they say. Anything else is detected with chardet (a statistical
// detector of byte and letter frequencies) among the legacy encodings that older archives, Word
// exports and newsroom systems still write (windows-1250/1251/1252, ISO-8859-1/2/5, KOI8-R/U, …)
// and decoded with Node's own TextDecoder. The one rule of our own is UTF-16 without a BOM,
// which chardet does not report: NUL bytes in every other position, and a valid decoding.
//
// A detection that is unsure is refused, not guessed: when the best two candidates would decode
// the file to different texts and their confidences are close, or the file has too few non-ASCII
// bytes to tell them apart, the message names the file, the candidates and `--encoding`. Uncertainty that cannot change a letter (windows-1250 against
// ISO-8859-2 for a text without the few letters they place differently) is not doubt.

import chardet from 'chardet';
import { PolyalignError } from '../errors.ts';
import type { DocumentEncoding } from '../types.ts';


/** What run.json records about a file's encoding. */
export type EncodingInfo = DocumentEncoding;

/** Below this confidence a detection is unsure whatever the runner-up says. */
export const MIN_CONFIDENCE = 15;
/** A runner-up within this many points of the best, decoding to another text, makes a detection unsure. */
export const MIN_LEAD = 8;
/** With fewer non-ASCII bytes than this, a detection is evidence of little: unsure whenever a rival decodes otherwise. */
export const MIN_NON_ASCII = 16;
/**
 * Share of NUL bytes in one byte position (odd or even) that marks UTF-16 without a BOM. Latin text
 * has NUL in nearly every high byte; Cyrillic only where a space, digit or punctuation mark stands
 * (the letters' high byte is 0x04), about 15–20% of them, so a lower share counts when the high bytes
 * take one or two values (UTF16_HIGH_BYTES), as text of one script does and binary data does not.
 */
export const UTF16_NUL_SHARE = 0.2;
export const UTF16_NUL_SHARE_ONE_SCRIPT = 0.05;
/** Share of high bytes that the two commonest values must cover for the lower NUL share to count. */
export const UTF16_HIGH_BYTES = 0.95;

/** `windows-1250` for `Windows-1250`, `cp1250`, `latin2` …; undefined when TextDecoder does not know the name. */
export function encodingName(name: string): string | undefined {
  try {
    return new TextDecoder(name.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

export function decodeStrict(bytes: Uint8Array, name: string): string | undefined {
  try {
    return new TextDecoder(name, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decode with the encoding the user named (`--encoding`), strictly. */
export function decodeAs(bytes: Uint8Array, name: string, path: string): { text: string; encoding: EncodingInfo } {
  const known = encodingName(name);
  if (!known) throw new PolyalignError('usage.invalid-option', `Expected an encoding name such as utf-8, windows-1250, iso-8859-2, windows-1251, iso-8859-5, koi8-u or utf-16le, not "${name}"`, { path });
  const text = decodeStrict(bytes, known);
  if (text === undefined) throw new PolyalignError('input.encoding', `the file is not valid ${known} (given with --encoding)`, { path });
  return { text: text.replace(/^\uFEFF/, ''), encoding: { name: known, source: 'override', confidence: 100 } };
}

/** No control characters other than white space: what a decoding of real text gives. */
export function isPlainText(text: string): boolean {
  return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
}

/** UTF-16 without a BOM: one byte position is NUL far more often than the other, and the bytes decode. */
export function utf16WithoutBom(bytes: Uint8Array): { text: string; name: 'utf-16le' | 'utf-16be' } | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = bytes.length / 2;
  // The share of one position's bytes that its two commonest values cover.
  const topTwo = (offset: number) => {
    const counts = new Uint32Array(256);
    for (let i = offset; i < bytes.length; i += 2) counts[bytes[i]!]!++;
    const sorted = [...counts].sort((x, y) => y - x);
    return (sorted[0]! + sorted[1]!) / half;
  };
  const wide = (nuls: number, other: number, offset: number) => other < nuls / 4 && (nuls / half >= UTF16_NUL_SHARE || (nuls / half >= UTF16_NUL_SHARE_ONE_SCRIPT && topTwo(offset) >= UTF16_HIGH_BYTES));
  const name = wide(odd, even, 1) ? 'utf-16le' : wide(even, odd, 0) ? 'utf-16be' : undefined;
  if (!name) return undefined;
  const text = decodeStrict(bytes, name);
  return text !== undefined && isPlainText(text) ? { text, name } : undefined;
}

/** Detect a legacy (not UTF) encoding with chardet and decode; refuses an unsure detection. */
export function detectLegacy(bytes: Uint8Array, path: string, invalidAt = -1): { text: string; encoding: EncodingInfo } {
  const notUtf8 = `the file is not UTF-8${invalidAt >= 0 ? ` (invalid byte sequence at byte offset ${invalidAt})` : ''}`;
  const candidates = chardet
    .analyse(bytes)
    .map((m) => ({ name: encodingName(m.name), confidence: m.confidence }))
    .filter((m): m is { name: string; confidence: number } => m.name !== undefined && !m.name.startsWith('utf-'));
  // One entry per encoding, best confidence first (chardet lists an encoding once per language model).
  const seen = new Set<string>();
  const ranked = candidates.filter((m) => !seen.has(m.name) && seen.add(m.name)).sort((a, b) => b.confidence - a.confidence);
  const decoded = ranked.map((m) => ({ ...m, text: decodeStrict(bytes, m.name) })).filter((m) => m.text !== undefined);
  const best = decoded[0];
  const list = () => decoded.slice(0, 4).map((m) => `${m.name} (${m.confidence}%)`).join(', ');
  if (!best) throw new PolyalignError('input.encoding', `${notUtf8} and its encoding could not be detected; save it as UTF-8, or name its encoding with --encoding`, { path });
  const rival = decoded.slice(1).find((m) => m.text !== best.text);
  const nonAscii = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  if (best.confidence < MIN_CONFIDENCE || (rival && (best.confidence - rival.confidence < MIN_LEAD || nonAscii < MIN_NON_ASCII))) {
    throw new PolyalignError(
      'input.encoding',
      `${notUtf8} and its encoding is unsure: it could be ${list()}; name it with --encoding ${path.split('/').pop()}=<name>, or save the file as UTF-8`,
      { path },
    );
  }
  return {
    text: best.text!,
    encoding: { name: best.name, source: 'detected', confidence: best.confidence, candidates: decoded.slice(1, 4).map(({ name, confidence }) => ({ name, confidence })) },
  };
}
