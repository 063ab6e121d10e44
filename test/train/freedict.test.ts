// FreeDict's dictd files as training word pairs: the index's base-64 numbers, the entries' headword
// lines and translations, the header's edition and licence, both directions, and the message when
// the packages are not installed. The files are made here, in dictd's layout.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dictNumber, headwordOf, readFreeDict, readFreeDictionary, translationsOf } from '../../src/train/freedict.ts';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(n: number): string {
  let out = '';
  do {
    out = DIGITS[n % 64]! + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
}

/** Writes `freedict-<name>.index` and `.dict.dz` for these entries (headword key, entry text). */
function writeDictionary(dir: string, name: string, entries: Array<[string, string]>): void {
  const parts: Buffer[] = [];
  const index: string[] = [];
  let at = 0;
  for (const [key, text] of entries) {
    const bytes = Buffer.from(text, 'utf8');
    index.push(`${key}\t${b64(at)}\t${b64(bytes.length)}`);
    parts.push(bytes);
    at += bytes.length;
  }
  writeFileSync(join(dir, `freedict-${name}.index`), `${index.join('\n')}\n`);
  writeFileSync(join(dir, `freedict-${name}.dict.dz`), gzipSync(Buffer.concat(parts)));
}

const HEADER = `00-database-info\nSlovenian-English FreeDict Dictionary\n\nEdition: 0.1\n\n    Available under the terms of the GNU General Public License ver. 3.0 or\n  any later version.\n`;

describe('FreeDict dictionaries', () => {
  it("reads dictd's base-64 numbers", () => {
    expect(dictNumber('A')).toBe(0);
    expect(dictNumber('B')).toBe(1);
    expect(dictNumber('BA')).toBe(64);
    expect(dictNumber('BMek')).toBe(((1 * 64 + 12) * 64 + 30) * 64 + 36);
    for (const n of [0, 63, 64, 4095, 1_432_568]) expect(dictNumber(b64(n))).toBe(n);
  });

  it('takes the pronunciation and part of speech off a headword, numbering, notes and "to " off translations', () => {
    expect(headwordOf('alarmirati /alarmirˈaːti/ <v>')).toBe('alarmirati');
    expect(headwordOf('Addis Ababa /ˈaðʔis ˈab?ɑbˌa/')).toBe('Addis Ababa');
    expect(translationsOf(['to alert, to alarm'], true)).toEqual(['alert', 'alarm']);
    expect(translationsOf([' [by] Addis Ababa'], true)).toEqual(['Addis Ababa']);
    expect(translationsOf(['1. balanță', '2. echilibru', '3. blianț', '4. cântar'], false)).toEqual(['balanță', 'echilibru', 'blianț']);
    // definitions of more than three words and figures are not word pairs
    expect(translationsOf(['a very long definition of the word', 'year 2000', 'aquarium'], true)).toEqual(['aquarium']);
  });

  it('reads word pairs in both directions, with the edition and licence of the header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'freedict-'));
    writeDictionary(dir, 'slv-eng', [
      ['00databaseinfo', HEADER],
      ['akvarij', 'akvarij /akʋˈaːrij/ <n, m, sg>\naquarium\n'],
      ['alarmirati', 'alarmirati /alarmirˈaːti/ <v>\nto alert, to alarm\n'],
      ['ATM tehnologija u lokalnoj mreži', 'ATM tehnologija u lokalnoj mreži /x/\nATM technology in local area network\n'],
    ]);
    writeDictionary(dir, 'eng-rom', [
      ['00databaseinfo', '00-database-info\nEdition: 0.6.3\n  Free Software Foundation; either version 2 of the License, or (at your\n  option) any later version.\n'],
      ['balance', 'balance /bˈaləns/\n1. balanță\n2. echilibru\n'],
    ]);
    const sl = readFreeDictionary(dir, { name: 'slv-eng', lang: 'sl', english: 'to' });
    expect(sl).toMatchObject({ edition: '0.1', licence: 'GPL-3.0-or-later' });
    expect(sl.pairs).toEqual([
      { word: 'akvarij', english: 'aquarium' },
      { word: 'alarmirati', english: 'alert' },
      { word: 'alarmirati', english: 'alarm' },
    ]);
    const ro = readFreeDictionary(dir, { name: 'eng-rom', lang: 'ro', english: 'from' });
    expect(ro).toMatchObject({ edition: '0.6.3', licence: 'GPL-2.0-or-later' });
    expect(ro.pairs).toEqual([
      { word: 'balanță', english: 'balance' },
      { word: 'echilibru', english: 'balance' },
    ]);
  });

  it('says which packages to install when the dictionaries are missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'freedict-'));
    expect(() => readFreeDict(dir)).toThrow(/the FreeDict dictionaries are not installed \(slv-eng, hrv-eng, .*\); install them with: apt-get install dict-freedict-slv-eng dict-freedict-hrv-eng/);
  });
});
