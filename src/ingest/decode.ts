// Bytes to text, refusing what is not a text file: binary data, empty files, text whose
// encoding cannot be told. Pure (no file system): `load.ts` reads the bytes and passes the path
// for messages. UTF-8 and UTF-16 with a BOM are read as they are; the rest is encoding.ts's job.

import { PolyalignError } from '../errors.ts';
import { decodeAs, decodeStrict, detectLegacy, isPlainText, utf16WithoutBom } from './encoding.ts';
import type { EncodingInfo } from './encoding.ts';

/** Share of control bytes (other than tab, line feed, form feed, carriage return) above which a file is binary. */
export const BINARY_CONTROL_SHARE = 0.01;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export interface DecodeOptions {
  /** The file's encoding as the user named it (`--encoding`): no detection. */
  encoding?: string;
}

export interface Decoded {
  text: string;
  encoding: EncodingInfo;
}

/** Decode a file's bytes; see {@link decodeFile}. Line endings are kept as they are. */
export function decodeBytes(bytes: Uint8Array, path: string, options: DecodeOptions = {}): string {
  return decodeFile(bytes, path, options).text;
}

/**
 * Decode a file's bytes and say how: a named encoding, a BOM (UTF-8, UTF-16), valid UTF-8,
 * UTF-16 without a BOM, or a detected legacy encoding. A BOM is removed.
 */
export function decodeFile(bytes: Uint8Array, path: string, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw new PolyalignError('input.empty', 'the file is empty; expected article text', { path });
  const decoded = decodeAny(bytes, path, options);
  if (decoded.text.trim() === '') throw new PolyalignError('input.empty', 'the file holds only white space; expected article text', { path });
  return decoded;
}

function decodeAny(bytes: Uint8Array, path: string, options: DecodeOptions): Decoded {
  if (options.encoding) return decodeAs(bytes, options.encoding, path);
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16, path), encoding: { name: utf16, source: 'bom', confidence: 100 } };
  if (startsWith(bytes, UTF8_BOM)) return { text: decodeUtf8(bytes, path), encoding: { name: 'utf-8', source: 'bom', confidence: 100 } };
  if (bytes.includes(0)) {
    const wide = utf16WithoutBom(bytes);
    if (wide) return { text: wide.text, encoding: { name: wide.name, source: 'utf-16-pattern', confidence: 100 } };
  }
  if (looksBinary(bytes)) {
    const name = path.split('/').pop();
    const hint = ['utf-16le', 'utf-16be'].find((e) => {
      const text = bytes.length % 2 === 0 ? decodeStrict(bytes, e) : undefined;
      return text !== undefined && isPlainText(text) && /\p{L}/u.test(text);
    });
    const more = hint ? `; it does decode as ${hint.toUpperCase()} text: if that is what it is, name it with --encoding ${name}=${hint}` : '';
    throw new PolyalignError('input.binary', `this looks like a binary file (NUL or control bytes); expected a text file${more}`, { path });
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt < 0) return { text: decodeUtf8(bytes, path), encoding: { name: 'utf-8', source: 'utf-8', confidence: 100 } };
  const { valid, invalid } = utf8Census(bytes);
  if (valid >= MIXED_MIN_SEQUENCES && valid >= MIXED_SHARE * (valid + invalid)) {
    throw new PolyalignError(
      'input.encoding',
      `the file mixes encodings: ${valid} characters are valid UTF-8 and ${invalid} bytes are not (the first at byte offset ${invalidAt}); re-save it in one encoding, or name one with --encoding ${path.split('/').pop()}=<name>`,
      { path },
    );
  }
  return detectLegacy(bytes, path, invalidAt);
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): string {
  try {
    // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new PolyalignError('input.encoding', `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}; save it as UTF-8`, { path, cause });
  }
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch (cause) {
    const offset = firstInvalidUtf8(bytes);
    throw new PolyalignError('input.encoding', `the file starts with a UTF-8 byte-order mark but is not valid UTF-8; invalid byte sequence at byte offset ${offset}`, { path, cause });
  }
}

/** A file with at least this many valid UTF-8 multi-byte characters, making up this share of its non-ASCII, is mixed, not legacy. */
export const MIXED_MIN_SEQUENCES = 3;
export const MIXED_SHARE = 0.2;

/** Valid multi-byte UTF-8 characters, and bytes that start no valid sequence. */
export function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    let ok = length > 1 && i + length <= bytes.length && secondByteOk(lead, bytes[i + 1]!);
    for (let k = 2; ok && k < length; k++) ok = isContinuation(bytes[i + k]!);
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** A NUL byte, or more than 1% control bytes: no article text looks like that. */
export function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return controls / bytes.length > BINARY_CONTROL_SHARE;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Byte offset of the first byte that does not start a well-formed UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF); -1 when all is well.
 * TextDecoder says that the input is bad, not where; users need the where to fix it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1];
    if (length > 1 && !secondByteOk(lead, second!)) return i;
    for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k]!)) return i;
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/** The lead byte narrows the range of the second byte: that is what rules out overlongs and surrogates. */
function secondByteOk(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return isContinuation(second);
}
