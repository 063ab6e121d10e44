import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caughtError as errorOf } from '../helpers/errors.ts';
import { decodeBytes, firstInvalidUtf8, looksBinary } from '../../src/ingest/decode.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);


describe('decodeBytes', () => {
  it('decodes UTF-8 and removes a BOM, keeping CRLF', () => {
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('Ким\r\nKim')), 'a.txt')).toBe('Ким\r\nKim');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x1a, 0x04, 0x38, 0x04, 0x3c, 0x04), 'le.txt')).toBe('Ким');
    expect(decodeBytes(bytes(0xfe, 0xff, 0x04, 0x1a, 0x04, 0x38, 0x04, 0x3c), 'be.txt')).toBe('Ким');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(errorOf(() => decodeBytes(bytes(), 'e.txt')).code).toBe('input.empty');
    const blank = errorOf(() => decodeBytes(utf8(' \n\t\r\n'), 'b.txt'));
    expect(blank.code).toBe('input.empty');
    expect(blank.path).toBe('b.txt');
  });

  it('refuses binary data', () => {
    expect(errorOf(() => decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00), 'x.zip')).code).toBe('input.binary');
    const controls = utf8(`${'a'.repeat(50)}\x01\x02\x03`);
    expect(errorOf(() => decodeBytes(controls, 'c.bin')).code).toBe('input.binary');
  });

  it('refuses a short non-UTF-8 file whose encoding cannot be told, saying where the bad byte is', () => {
    // Latin-1 `č` (0xE8) after 4 ASCII bytes.
    const error = errorOf(() => decodeBytes(bytes(0x72, 0x65, 0x20, 0x72, 0xe8, 0x6e), 'latin1.txt'));
    expect(error.code).toBe('input.encoding');
    expect(error.message).toMatch(/not UTF-8 \(invalid byte sequence at byte offset 4\) and its encoding is unsure: it could be /);
    expect(error.message).toMatch(/--encoding latin1\.txt=<name>/);
    expect(error.message).toMatch(/^latin1\.txt: /);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds no error in valid text', () => {
    expect(firstInvalidUtf8(utf8('Pjongjang, Пјонгјанг, 평양, 😀'))).toBe(-1);
  });

  it('finds overlongs, surrogates, truncated and stray bytes', () => {
    expect(firstInvalidUtf8(bytes(0x41, 0xc0, 0xaf))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xed, 0xa0, 0x80))).toBe(2); // surrogate
    expect(firstInvalidUtf8(bytes(0xe2, 0x82))).toBe(0); // truncated €
    expect(firstInvalidUtf8(bytes(0x41, 0x80))).toBe(1); // stray continuation
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
  });
});

describe('looksBinary', () => {
  it('accepts tabs, form feeds and line breaks', () => {
    expect(looksBinary(utf8('a\tb\r\nc\fd'))).toBe(false);
  });
});

describe('UTF-16 without a BOM', () => {
  const seedText = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'seeds', readdirSync(join(import.meta.dirname, '..', '..', 'seeds')).find((f) => f.startsWith(name))!), 'utf8');
  const encode = (text: string, be: boolean) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i + (be ? 1 : 0)] = c & 0xff;
      out[2 * i + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  };

  it.each([
    ['Macedonian (Cyrillic, about 18% NUL high bytes)', '003', false],
    ['Macedonian, big-endian', '003', true],
    ['Slovene (Latin)', '001', false],
  ])('decodes %s', (_label, seed, be) => {
    const text = seedText(seed as string);
    expect(decodeBytes(encode(text, be as boolean), 'a.txt')).toBe(text);
  });

  it('still refuses binary data, and says so when a binary-looking file decodes as UTF-16 text, naming --encoding', () => {
    const random = Uint8Array.from({ length: 4000 }, (_, i) => (i * 2654435761) >>> 24);
    expect(errorOf(() => decodeBytes(random, 'x.bin')).code).toBe('input.binary');
    // Mostly Cyrillic text with two high-byte values and very few NULs: not taken as UTF-16 unasked, but named.
    const cyrillic = encode('Кимипутин'.repeat(200) + ' '.repeat(5), false);
    const error = errorOf(() => decodeBytes(cyrillic, 'in/mk.txt'));
    expect(error.code).toBe('input.binary');
    expect(error.message).toMatch(/decode as UTF-16LE text: if that is what it is, name it with --encoding mk\.txt=utf-16le/);
  });
});
