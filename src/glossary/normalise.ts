// Grouping keys for names. A key is script-neutral (Cyrillic transliterated, diacritics
// folded, lower case) and stripped of the inflection that case languages put on names
// (`Putinom` → putin, `Phenianul` → phenian, `Ruslands` → rusland). The skeleton goes one
// step further, towards pronunciation, so that spellings of one name in different
// orthographies meet: `Ким Џонг Ун`, `Kim Jong-un` and `Kim Jong Un` share `kimjongun`.

import { foldDiacritics } from '../text/fold.ts';
import { transliterate } from '../text/transliterate.ts';
import type { LangCode } from '../types.ts';

/** A stem never gets shorter than this, so that `Kimu` stops at `kim` and `Ana` stays whole. */
export const MIN_STEM = 3;
/** Definite articles are stripped only from longer stems: `Малта` must stay `malt`, not `mal`. */
export const MIN_ARTICLE_STEM = 4;

/** How a language family marks case and definiteness on a name. Longest suffixes first. */
interface Inflection {
  /** Definite articles, tried first and only on stems of MIN_ARTICLE_STEM letters. */
  articles: string[];
  suffixes: string[];
  /** Drop a lower-case hyphenated head noun: Danish `Kursk-regionen`, `Ukraine-krigen`. */
  compoundTail: boolean;
}

type Family = 'south-slavic' | 'macedonian' | 'romanian' | 'danish' | 'other';

// Case endings and the possessive -ov- of Bosnian, Croatian, Serbian and Slovene. Kept short
// on purpose: each entry must be an ending that names take, not any ending of the language.
const SOUTH_SLAVIC = [
  'ovima', 'ovoga', 'ovome', 'ovog', 'ovom', 'ovoj', 'ova', 'ove', 'ovi', 'ovo', 'ovu', 'ov',
  'ama', 'ima', 'om', 'em', 'oj', 'og', 'u', 'a', 'e', 'i', 'o',
];

// Macedonian has lost the cases but keeps definite articles (`Втората`, `Студената`); its
// names then take the same vowel endings as its neighbours', so that `Русија` meets `Rusije`.
const MACEDONIAN_ARTICLES = ['ot', 'ta', 'to', 'te'];

// Romanian enclitic article and genitive-dative: `Phenianul`, `Kremlinului`, `Rusiei`, `Coreea`.
const ROMANIAN = ['ului', 'ilor', 'elor', 'ele', 'ul', 'ei', 'ea', 'ii', 'a'];

// Danish only marks the genitive on names; definite forms appear in hyphenated compounds.
const DANISH = ['s'];

const INFLECTIONS: Record<Family, Inflection> = {
  'south-slavic': { articles: [], suffixes: SOUTH_SLAVIC, compoundTail: false },
  macedonian: { articles: MACEDONIAN_ARTICLES, suffixes: SOUTH_SLAVIC, compoundTail: false },
  romanian: { articles: [], suffixes: ROMANIAN, compoundTail: false },
  danish: { articles: [], suffixes: DANISH, compoundTail: true },
  other: { articles: [], suffixes: [], compoundTail: false },
};

const FAMILIES: Record<string, Family> = {
  bs: 'south-slavic', hr: 'south-slavic', sr: 'south-slavic', sh: 'south-slavic', cnr: 'south-slavic', sl: 'south-slavic',
  mk: 'macedonian',
  ro: 'romanian', mo: 'romanian',
  da: 'danish', nb: 'danish', no: 'danish', nn: 'danish',
};

/** The inflection family of a BCP 47 code, by its primary subtag (`sr-Cyrl` → south-slavic). */
export function languageFamily(lang: LangCode): Family {
  return FAMILIES[lang.split('-')[0]!.toLowerCase()] ?? 'other';
}

/** Transliterate, fold and lower-case: the script-neutral spelling of a word or a name. */
export function latinLower(text: string): string {
  return foldDiacritics(transliterate(text)).toLowerCase();
}

// Danish genitive `-s` is not stripped after another s or after i/u (`TASS`, `Paris`, `Brutus`).
function blocksSuffix(stem: string, suffix: string): boolean {
  return suffix === 's' && /[siu]$/.test(stem);
}

/** Strip one inflectional suffix from a lower-case, folded word, keeping at least MIN_STEM letters. */
export function stripInflection(word: string, lang: LangCode): string {
  const { articles, suffixes } = INFLECTIONS[languageFamily(lang)];
  return stripOne(word, articles, MIN_ARTICLE_STEM) ?? stripOne(word, suffixes, MIN_STEM) ?? word;
}

function stripOne(word: string, suffixes: string[], minStem: number): string | undefined {
  for (const suffix of suffixes) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    // Count letters only, and never leave a bare hyphen: `jong-una` → `jong-un`, `jong-u` stays.
    if (stem.replace(/[^\p{L}]/gu, '').length < minStem || !/\p{L}$/u.test(stem)) continue;
    if (blocksSuffix(stem, suffix)) continue;
    return stem;
  }
  return undefined;
}

function vowelGroups(word: string): number {
  return (word.toLowerCase().match(/[aeiouyæøå]+/g) ?? []).length;
}

// Danish common nouns of one syllable that stand after a name in a compound (`Ukraine-krig`,
// `Kursk-by`), with their definite and plural forms being two syllables or more anyway.
const SHORT_COMPOUND_NOUNS = new Set(['krig', 'by', 'land', 'sag', 'plan', 'top', 'front', 'hær', 'fly', 'grund', 'strid']);

// `Kursk-regionen` → `Kursk`. The tail must look like a common noun (lower case, two
// syllables or more, or a short noun of the list) so that Korean given names (`Jong-un`,
// `Seong-kweun`, `Yo-jong`) stay whole.
export function dropCompoundTail(word: string): string {
  const at = word.lastIndexOf('-');
  if (at <= 0) return word;
  const head = word.slice(0, at);
  const tail = word.slice(at + 1);
  if (!/^\p{Lu}/u.test(head) || !/^\p{Ll}/u.test(tail) || tail !== tail.toLowerCase()) return word;
  if (vowelGroups(tail) < 2 && !SHORT_COMPOUND_NOUNS.has(tail)) return word;
  return head;
}

/** The grouping key of one word: `Putinom` (bs) → `putin`, `Ruslands` (da) → `rusland`. */
export function normaliseWord(word: string, lang: LangCode): string {
  const inflection = INFLECTIONS[languageFamily(lang)];
  const latin = foldDiacritics(transliterate(word));
  const whole = inflection.compoundTail ? dropCompoundTail(latin) : latin;
  return stripInflection(whole.toLowerCase(), lang);
}

/**
 * The key of an acronym: its capital letters, without an inflection written after a hyphen
 * or an apostrophe (`BBC-ja`, `NATO's`). `КЦНА` and `KCNA` share `KCNA`. Acronym keys stay in
 * capitals so that they never meet a word's key: `SAD` (USA) is not `Sada` (now).
 */
export function acronymKey(word: string): string {
  const head = word.split(/[-'’]/)[0]!;
  return foldDiacritics(transliterate(head)).toUpperCase();
}

/** True when a word is written in capitals only (two letters or more, before any inflected tail). */
export function isAcronym(word: string): boolean {
  const head = word.split(/[-'’]/)[0]!;
  const letters = head.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * The key of a name as written: each word normalised, joined by one space.
 * Acronyms keep their letters; lower-case joiners (`de`, `al`) are kept as they are.
 */
export function normaliseName(form: string, lang: LangCode): string {
  return form
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => (isAcronym(w) ? acronymKey(w) : /^\p{Lu}/u.test(w) ? normaliseWord(w, lang) : latinLower(w)))
    .join(' ');
}

// Endings of the nominative (South Slavic feminine `Rusija`, Romanian `Rusia`, `Phenianul`):
// a form that ends in one is as good a headword as the bare stem, nearly.
const NOMINATIVE_ENDINGS: Record<Family, string[]> = {
  'south-slavic': ['a'],
  macedonian: ['a'],
  romanian: ['a', 'ea', 'ul'],
  danish: [],
  other: [],
};
export const NOMINATIVE_LOSS = 0.5;

/**
 * How far a word is from looking nominative: 0 for a bare stem (`Putin`), 0.5 for a nominative
 * ending (`Rusija`, `Ucraina`), otherwise the number of letters inflection strips (`Putinom`: 2).
 */
export function inflectionLoss(word: string, lang: LangCode): number {
  if (isAcronym(word)) return 0;
  const family = languageFamily(lang);
  const latin = foldDiacritics(transliterate(word));
  const whole = INFLECTIONS[family].compoundTail ? dropCompoundTail(latin) : latin;
  const lower = whole.toLowerCase();
  const stripped = lower.slice(stripInflection(lower, lang).length);
  if (stripped.length === 0) return latin.length - lower.length;
  return NOMINATIVE_ENDINGS[family].includes(stripped) ? NOMINATIVE_LOSS : latin.length - lower.length + stripped.length;
}

// Ordered rewrites from spelling towards sound. Each serves a pair seen in the news:
// Џонг/Jong (dž), Pyongyang/Pjongjang (y), Phenian (ph), Xi/Си (initial x), Coreea/Кореја (c),
// Rusija/Rusia and Ukrajina/Ucraina (j after a vowel is only a glide).
const SKELETON_RULES: Array<[RegExp, string]> = [
  [/[\s\-‐'’.]/g, ''],
  [/^x/, 's'],
  [/x/g, 'ks'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/kh/g, 'h'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/d[zj](?=[aeiouy])/g, 'j'],
  [/y/g, 'j'],
  [/c(?=[aou]|[^aeiouhz]|$)/g, 'k'],
  [/([aeiou])j/g, '$1'],
  [/(.)\1+/g, '$1'],
];

/** A phonetic-ish spelling of a key for comparisons across orthographies: `kim dzong un` → `kimjongun`. */
export function skeleton(key: string): string {
  // Acronyms are compared letter for letter, and apart from words.
  if (key.length > 0 && key === key.toUpperCase() && key !== key.toLowerCase()) return key.replace(/[\s.]/g, '');
  let out = latinLower(key);
  for (const [pattern, replacement] of SKELETON_RULES) out = out.replace(pattern, replacement);
  return out;
}
