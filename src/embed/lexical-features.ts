// The features of the lexical embedder, in named groups. Everything is computed on the
// script-neutral key (Cyrillic transliterated, diacritics folded, lower case), so that
// Macedonian `Путин` and Bosnian `Putin` meet; numbers and capitalised names are read from the
// original text, where digits and capitals are still visible.

import { scriptNeutralKey } from '../text/key.ts';
import { acronym, concept, numberWord } from './lexical-lexicon.ts';

export type FeatureGroup = 'gram' | 'word' | 'skeleton' | 'number' | 'name' | 'concept';
/** Per group, feature → count. Keys start with their group's letter (`g:#pu`, `n:2000`), so they are unique across groups. */
export type Features = Record<FeatureGroup, Map<string, number>>;

export interface FeatureOptions {
  minGram: number;
  maxGram: number;
  /** Leading characters of a word kept as a crude stem (`predsjednik` → `preds`). */
  stemLength: number;
  /** Leading characters of a name kept, so that `Putinom`, `Putina` and `Путин` share one. */
  namePrefix: number;
  /** Leading consonants of a name's sound key kept (`Wales`/`Vels` → `vls`). */
  nameSound: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { minGram: 2, maxGram: 4, stemLength: 5, namePrefix: 4, nameSound: 3 };

export const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// Spaces and apostrophes group thousands only (`2 000`, `2'000`); a space before other digits
// separates two numbers (`2018 2019`).
export const NUMBER = /\d+(?:[\u00a0\u202f ']\d{3}(?!\d)|[.,]\d+)*/gu;
export const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,4}(?![\p{L}\p{N}])/gu;
export const CAPITALISED = /\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}+)*/gu;

const MK_TO_SR: Record<string, string> = { ќ: 'ћ', Ќ: 'Ћ', ѓ: 'ђ', Ѓ: 'Ђ' };
const MK_LETTERS = /[ќЌѓЃ]/;
const WORD_CACHE_LIMIT = 50_000;
const wordCache = new Map<string, string>();

/** The script-neutral key, with Macedonian ќ/ѓ read as their Serbian cognates ћ/ђ (`треќи`/`treći`, `меѓу`/`među`). */
export function neutral(text: string): string {
  return scriptNeutralKey(MK_LETTERS.test(text) ? text.replace(/[ќЌѓЃ]/g, (c) => MK_TO_SR[c]!) : text);
}

/** `neutral` for single words, memoised: names recur across a run's sentences. */
function neutralWord(word: string): string {
  let key = wordCache.get(word);
  if (key === undefined) {
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    key = neutral(word);
    wordCache.set(word, key);
  }
  return key;
}

function add(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Spelling differences that separate related languages, flattened in the key (applied to every
 * language alike, so only agreement matters): ijekavian/ekavian (`vrijeme`/`vreme`), doubled
 * letters (`Assad`/`Asad`), `y`/`j`, `w`/`v`, `ph`/`f`, `th`/`t`, `q`/`k`, `x`/`ks`, and `c`/`k`
 * before back vowels (`Carolina`/`Karolina`).
 */
const FLATTENED = /ije|ph|th|x|q|w|y|c[aou]|(.)\1/;

export function flattenSpelling(word: string): string {
  if (!FLATTENED.test(word)) return word;
  return word
    .replace(/ije/g, 'e')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'j')
    .replace(/c(?=[aou])/g, 'k')
    .replace(/(.)\1+/g, '$1');
}

/** Consonants of a flattened word, so that cognates whose vowels drifted still meet (`ukrajina`/`ukraine` → `krn`). */
export function skeleton(word: string): string {
  return word.replace(/[aeiouj]/g, '');
}

/**
 * A rough sound key for names, since Serbian and Macedonian spell foreign names as they sound
 * (`Wales`/`Vels`, `Johnson`/`Džonson`, `Theresa`/`Tereza`): consonants only, with the
 * letters that such respellings swap merged.
 */
export function phonetic(flat: string): string {
  return flat
    .replace(/dz|dj|g(?=[ei])/g, 'j')
    .replace(/ch|sh|sch/g, 's')
    .replace(/ck|c(?![eij])|qu/g, 'k')
    .replace(/c/g, 's')
    .replace(/z/g, 's')
    .replace(/[aeioujh]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * A number as a value: `2.000`, `2,000`, `2 000` and `2000` give `2000`; `2,5` and `2.5` give
 * `2.5`. Separators followed by groups of exactly three digits read as thousands separators.
 */
export function normaliseNumber(raw: string): string {
  const parts = raw.split(/[.,\u00a0\u202f ']/);
  if (parts.length === 1) return String(Number(raw));
  const tail = parts.slice(1);
  if (tail.every((p) => p.length === 3)) return String(Number(parts.join('')));
  const fraction = parts.pop()!;
  return `${Number(parts.join(''))}.${fraction.replace(/0+$/, '') || '0'}`;
}

function addGrams(map: Map<string, number>, word: string, min: number, max: number): void {
  const marked = `#${word}#`;
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= marked.length; i++) add(map, `g:${marked.slice(i, i + n)}`);
  }
}

function isSentenceInitial(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'“”„«»‘’‚›‹()\[\]*–—-]+$/u, '');
  return before === '' || /[.!?:…]$/u.test(before);
}

/** Capitalised words of a text, flattened, each with whether it opens a sentence. */
function capitalised(text: string): Array<{ parts: string[]; initial: boolean }> {
  const out: Array<{ parts: string[]; initial: boolean }> = [];
  for (const match of text.matchAll(CAPITALISED)) {
    const parts = neutralWord(match[0]).split(/[-'’]/).map(flattenSpelling).filter((p) => p.length >= 2);
    if (parts.length > 0) out.push({ parts, initial: isSentenceInitial(text, match.index) });
  }
  return out;
}

/**
 * Words written with a capital inside a sentence somewhere in `texts`. A sentence's first word
 * is capitalised in every language whatever it is, so it counts as a name only when it is one
 * of these (`Putin je rekao` after `rekao je Putin`).
 */
export function collectNames(texts: string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    for (const { parts, initial } of capitalised(text)) if (!initial) for (const p of parts) names.add(p);
  }
  return names;
}

/** The raw counts of every feature group for one text; `names` as from `collectNames`. */
export function extractFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS, names?: Set<string>): Features {
  const features: Features = { gram: new Map(), word: new Map(), skeleton: new Map(), number: new Map(), name: new Map(), concept: new Map() };
  const key = neutral(text);
  for (const [raw] of key.matchAll(WORD)) {
    if (/^\d+$/.test(raw)) continue;
    const spelled = numberWord(raw);
    // Spelled numbers go with the concepts, not with the digits: measured on NTREX, `dva` is
    // more often an idiom than a count that the other side writes as `2`.
    if (spelled) add(features.concept, `c:n${spelled}`);
    const meaning = concept(raw);
    if (meaning) add(features.concept, `c:${meaning}`);
    const word = flattenSpelling(raw);
    addGrams(features.gram, word, options.minGram, options.maxGram);
    add(features.word, `w:${word.slice(0, options.stemLength)}`);
    const bones = skeleton(word);
    if (bones.length >= 2) add(features.skeleton, `s:${bones.slice(0, 4)}`);
  }
  for (const [raw] of text.matchAll(NUMBER)) {
    add(features.number, `n:${normaliseNumber(raw)}`);
  }
  if (text.includes('%')) add(features.concept, 'c:percent');
  for (const [raw] of text.matchAll(ACRONYM)) {
    const body = acronym(neutralWord(raw));
    if (body) add(features.concept, `c:${body}`);
  }
  for (const { parts, initial } of capitalised(text)) {
    for (const name of parts) {
      if (initial && !names?.has(name)) continue;
      add(features.name, `p:${name.slice(0, options.namePrefix)}`);
      const sound = phonetic(name).slice(0, options.nameSound);
      if (sound.length >= 2) add(features.name, `p:~${sound}`);
    }
  }
  return features;
}
