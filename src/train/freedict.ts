// FreeDict's bilingual dictionaries, as Debian's dict-freedict-* packages install them for dictd
// (/usr/share/dictd/freedict-<from>-<to>.index and .dict.dz): word pairs of our languages with English
// for the static model's training, beside Wiktionary's. The .index names each headword with the offset
// and length of its entry in the .dict (numbers in dictd's base-64 digits); the .dict.dz is gzip with
// dictzip's random-access table in an extra field, which a plain gunzip ignores. An entry is the
// headword line (`word /pronunciation/ <part of speech>`) and one translation per line, numbered or
// separated by commas. Every dictionary read here is GPL-2.0+ or GPL-3.0+, as its own header says.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fnv1a } from '../embed/lexical-hashed.ts';
import { PolyalignError } from '../errors.ts';

/** The dictionaries read: FreeDict's name, our language, and which side is English. */
export const FREEDICT_DICTIONARIES: ReadonlyArray<{ name: string; lang: string; english: 'to' | 'from' }> = [
  { name: 'slv-eng', lang: 'sl', english: 'to' },
  { name: 'hrv-eng', lang: 'hr', english: 'to' },
  { name: 'eng-hrv', lang: 'hr', english: 'from' },
  { name: 'srp-eng', lang: 'sr', english: 'to' },
  { name: 'eng-srp', lang: 'sr', english: 'from' },
  { name: 'dan-eng', lang: 'da', english: 'to' },
  { name: 'eng-dan', lang: 'da', english: 'from' },
  { name: 'eng-rom', lang: 'ro', english: 'from' },
];
/** The Debian package that holds a dictionary. */
const packageOf = (d: { name: string }) => `dict-freedict-${d.name}`;
export const FREEDICT_DIR = '/usr/share/dictd';
/** Headwords or translations of more words than this are phrases or definitions, not word pairs. */
const MAX_WORDS = 3;
/** The first few translations of a headword are its main senses; the rest are rare ones. */
const MAX_TRANSLATIONS = 3;
/**
 * At most this many pairs of one dictionary, chosen by a hash of the pair (so a rebuild takes the same):
 * the Croatian ones hold 96k and 86k pairs, mostly technical terms, which would outweigh the rest.
 */
export const FREEDICT_PER_DICTIONARY = 20_000;

export interface DictionaryPair {
  /** The word in our language. */
  word: string;
  english: string;
}

export interface FreeDictionary {
  name: string;
  lang: string;
  /** The dictionary's edition and licence, from its own header. */
  edition: string;
  licence: string;
  pairs: DictionaryPair[];
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A number in dictd's base-64 digits, most significant first. */
export function dictNumber(text: string): number {
  let n = 0;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    if (d < 0) throw new Error(`not a dictd number: ${text}`);
    n = n * 64 + d;
  }
  return n;
}

/** The translations on an entry's lines after the headword: numbering, notes in brackets and `to ` of English verbs taken off. */
export function translationsOf(lines: readonly string[], englishSide: boolean): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const clean = line
      .replace(/^\s*\d+\.\s*/, '')
      .replace(/\[[^\]]*\]|\([^)]*\)|<[^>]*>|\/[^/]*\//g, ' ')
      .trim();
    for (const part of clean.split(/[,;]/)) {
      let t = part.replace(/\s+/g, ' ').trim();
      if (englishSide) t = t.replace(/^to /, '');
      if (!t || t.split(' ').length > MAX_WORDS || /\d/.test(t) || out.includes(t)) continue;
      out.push(t);
    }
  }
  return out.slice(0, MAX_TRANSLATIONS);
}

/** The headword of an entry's first line, without its pronunciation and part of speech. */
export function headwordOf(line: string): string {
  return line.replace(/\/[^/]*\//g, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

function licenceOf(header: string): string {
  const flat = header.replace(/\s+/g, ' ');
  const gpl = /General Public License ver(?:sion|\.)? ?(\d)(?:\.0)?/.exec(flat) ?? /version (\d) of the License/.exec(flat);
  if (!gpl) return 'unknown';
  return `GPL-${gpl[1]}.0${/any later version/.test(flat) ? '-or-later' : '-only'}`;
}

/** One dictionary's word pairs, in the order of its index; `limit` caps them (tests). */
export function readFreeDictionary(dir: string, d: (typeof FREEDICT_DICTIONARIES)[number], limit = Infinity): FreeDictionary {
  const base = join(dir, `freedict-${d.name}`);
  const index = readFileSync(`${base}.index`, 'utf8');
  const dict = gunzipSync(readFileSync(`${base}.dict.dz`));
  const entry = (offset: string, length: string) => dict.subarray(dictNumber(offset), dictNumber(offset) + dictNumber(length)).toString('utf8');
  let header = '';
  const pairs: DictionaryPair[] = [];
  const seen = new Set<string>();
  for (const row of index.split('\n')) {
    const [key, offset, length] = row.split('\t');
    if (!key || !offset || !length) continue;
    if (key === '00databaseinfo' || key === '00-database-info') header = entry(offset, length);
    if (key.startsWith('00database') || key.startsWith('00-database')) continue;
    if (pairs.length >= limit) continue;
    const [first, ...rest] = entry(offset, length).split('\n');
    const head = headwordOf(first ?? '');
    if (!head || head.split(' ').length > MAX_WORDS || /\d/.test(head)) continue;
    for (const other of translationsOf(rest, d.english === 'to')) {
      const pair = d.english === 'to' ? { word: head, english: other } : { word: other, english: head.replace(/^to /, '') };
      const key2 = `${pair.word}\u0000${pair.english}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      pairs.push(pair);
    }
  }
  if (pairs.length > FREEDICT_PER_DICTIONARY) {
    const hash = (p: DictionaryPair) => fnv1a(`${p.word}\u0000${p.english}`);
    const kept = new Set(pairs.map((p) => [hash(p), p] as const).sort((x, y) => x[0] - y[0]).slice(0, FREEDICT_PER_DICTIONARY).map(([, p]) => p));
    pairs.splice(0, pairs.length, ...pairs.filter((p) => kept.has(p)));
  }
  const edition = /Edition:\s*(\S+)/.exec(header)?.[1] ?? '?';
  return { name: d.name, lang: d.lang, edition, licence: licenceOf(header), pairs };
}

/** The dictionaries of FREEDICT_DICTIONARIES that `dir` lacks. */
export function missingFreeDict(dir: string): typeof FREEDICT_DICTIONARIES {
  return FREEDICT_DICTIONARIES.filter((d) => !existsSync(join(dir, `freedict-${d.name}.index`)));
}

/**
 * Installs the Debian packages of the dictionaries missing from /usr/share/dictd, as root with apt-get
 * (`npm run train-model` on a fresh machine); elsewhere, or as another user, it leaves them to the
 * error of readFreeDict, which names the command.
 */
export function installFreeDict(dir: string, log: (line: string) => void): void {
  const missing = missingFreeDict(dir).map(packageOf);
  if (missing.length === 0 || dir !== FREEDICT_DIR || process.getuid?.() !== 0) return;
  log(`installing ${missing.join(' ')} (apt-get)`);
  const r = spawnSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) log(`apt-get install failed: ${(r.stderr?.toString() ?? r.error?.message ?? '').trim().split('\n').at(-1)}`);
}

/** Every dictionary of FREEDICT_DICTIONARIES in `dir`; one missing is an error that says how to install it. */
export function readFreeDict(dir: string = FREEDICT_DIR, limit = Infinity): FreeDictionary[] {
  const missing = missingFreeDict(dir);
  if (missing.length > 0) {
    throw new PolyalignError(
      'input.missing',
      `the FreeDict dictionaries are not installed (${missing.map((d) => d.name).join(', ')} missing); install them with: apt-get install ${missing.map(packageOf).join(' ')}`,
      { path: dir },
    );
  }
  return FREEDICT_DICTIONARIES.map((d) => readFreeDictionary(dir, d, limit));
}
