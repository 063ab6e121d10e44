// Second keys for names whose spellings differ by more than inflection but in a regular way:
//  - compass names: `Sjeverne Koreje`, `Coreea de Nord`, `Nordkorea`, `Северна Кореја` all say
//    "north" and "Korea", in whatever order and whether written as one word or two;
//  - country names built on a stem with a country ending: South Slavic and Macedonian `-ija`
//    (`Rusija`), Romanian `-ia` (`Rusia`, `Japoniei`), Slovene `-ska` (`Japonska`), Danish
//    `-land` and `-ien` (`Rusland`, `Italien`): all `rus`, `japon`, `ital`;
//  - the spelling before any case ending is stripped, where stripping went two ways: Romanian
//    `China` loses its article `-a` (`chin`), Danish `Kinas` only its genitive (`kina`); as
//    written, both sound `kina`;
//  - exonyms, from a small table of well-known places (exonyms.ts): `Phenian`, `Pjongjang`,
//    `Pyongyang` are all `X:pyongyang`; `Kitajskem`, `Kina`, `China` all `X:china`.
// Two clusters with the same second key are one entity (unless named side by side).

import type { LangCode } from '../types.ts';
import { exonymKey } from './exonyms.ts';
import { isAcronym, languageFamily, latinLower, skeleton } from './normalise.ts';

type Direction = 'N' | 'S' | 'E' | 'W';

/** Compass words as they stand in a key (inflection stripped, transliterated, folded). */
const COMPASS_WORDS: ReadonlyMap<string, Direction> = new Map([
  ...['sjevern', 'severn', 'nord', 'north', 'northern'].map((w) => [w, 'N'] as const),
  ...['juzn', 'sud', 'syd', 'south', 'southern'].map((w) => [w, 'S'] as const),
  ...['istocn', 'vzhodn', 'est', 'ost', 'east', 'eastern'].map((w) => [w, 'E'] as const),
  ...['zapadn', 'vest', 'west', 'western'].map((w) => [w, 'W'] as const),
]);

/** Compass prefixes of one-word compounds (Danish `Nordkorea`, `Sydafrika`). */
const COMPASS_PREFIXES: ReadonlyArray<[string, Direction]> = [
  ['nord', 'N'],
  ['syd', 'S'],
  ['ost', 'E'],
  ['vest', 'W'],
];
/** The rest of a compound must be this long: `Østrig` (Austria) is not "east" + `rig`. */
export const COMPASS_MIN_REST = 4;

/** Country endings per language family, on keys; with the shortest stem each leaves. */
const COUNTRY_ENDINGS: Record<ReturnType<typeof languageFamily>, ReadonlyArray<[RegExp, number]>> = {
  'south-slavic': [[/ij$/, 3], [/sk$/, 4]],
  macedonian: [[/ij$/, 3]],
  romanian: [[/i$/, 3]],
  danish: [[/(?:land|ien)$/, 3]],
  other: [],
};

// The rest of a compass name is compared without its final vowels: `korej`, `kore`, `korea` meet.
function restKey(word: string): string {
  return skeleton(word).replace(/[aeiou]+$/, '');
}

/** `N:kor` for every spelling of North Korea; undefined when the name has no compass word. */
export function compassKey(words: readonly string[]): string | undefined {
  if (words.length === 2) {
    for (const [i, w] of words.entries()) {
      const direction = COMPASS_WORDS.get(w);
      const rest = words[1 - i]!;
      if (direction && !COMPASS_WORDS.has(rest) && rest.length >= COMPASS_MIN_REST - 1) return `${direction}:${restKey(rest)}`;
    }
  }
  if (words.length === 1) {
    const w = words[0]!;
    for (const [prefix, direction] of COMPASS_PREFIXES) {
      if (w.startsWith(prefix) && w.length - prefix.length >= COMPASS_MIN_REST) return `${direction}:${restKey(w.slice(prefix.length))}`;
    }
  }
  return undefined;
}

/** `C:rus` for `Rusija`, `Rusia`, `Rusland`; undefined for a word without a country ending. */
export function countryKey(words: readonly string[], lang: LangCode): string | undefined {
  if (words.length !== 1) return undefined;
  const w = words[0]!;
  for (const [ending, minStem] of COUNTRY_ENDINGS[languageFamily(lang)]) {
    const stem = w.replace(ending, '');
    if (stem !== w && stem.length >= minStem) return `C:${skeleton(stem)}`;
  }
  return undefined;
}

/** A spelling key needs this many letters: shorter words meet by chance. */
export const SPELLING_MIN = 4;

/**
 * `S:kina` for Romanian `China` and Danish `Kinas`: the skeleton of a one-word name as written
 * (Danish: its key, which only drops the genitive and compound tails Danish adds to a name).
 */
export function spellingKey(form: string, parts: readonly string[], lang: LangCode): string | undefined {
  if (parts.length !== 1 || /\s/u.test(form) || isAcronym(form)) return undefined;
  const family = languageFamily(lang);
  const written = family === 'danish' ? parts[0]! : latinLower(form);
  // Romanian `chi`/`che` sound `ki`/`ke` (`China` meets Danish `Kina`); elsewhere `ch` is not a k (`Chen`).
  const key = skeleton(family === 'romanian' ? written.replace(/ch(?=[ei])/g, 'k') : written);
  return key.length >= SPELLING_MIN ? `S:${key}` : undefined;
}

/** The second keys of a name, from its form and the word keys of its content words (joiners left out). */
export function altKeys(form: string, parts: readonly string[], lang: LangCode): string[] {
  const keys = [compassKey(parts), countryKey(parts, lang), spellingKey(form, parts, lang), exonymKey(form, parts, lang)];
  return keys.filter((k): k is string => k !== undefined);
}
