// Base forms of names that inflect in a way the grouping keys do not undo into a written form:
//  - Macedonian writes the definite article on the first word of a name built of an adjective
//    and common nouns (`Втората светска војна`, `Студената војна`, `Белата куќа`); the base
//    form, as dictionaries and the glossary give it, is indefinite: `Втора светска војна`,
//    `Студена војна`, `Бела куќа`. Only the feminine, neuter and plural articles (`-та`, `-то`,
//    `-те` after the adjective's vowel) are undone; the masculine `-иот` changes the stem
//    (`Далечниот` / `Далечен`) and is left to the table of names. Persons' names are never
//    touched: the rule needs a lower-case common noun after the first word (`Рената Јанковска`
//    stays).
//  - Bosnian, Croatian and Serbian names of days (`Dan pobjede`, `Dan nezavisnosti`, `Dan
//    državnosti`) decline only in their first word, the rest being a genitive: `Dana pobjede`,
//    `Danu pobjede`, `Danom pobjede` → `Dan pobjede`.

import type { LangCode } from '../types.ts';
import { languageFamily } from './normalise.ts';

// Feminine `-а-та`, neuter `-о-то`, plural `-и-те`: the indefinite word and its article.
const MACEDONIAN_DEFINITE = /^(\p{Lu}\p{Ll}+(?:ата|ото|ите))$/u;
const DAY_CASES = new Set(['Dana', 'Danu', 'Danom', 'Dane']);
const HBS = new Set(['bs', 'hr', 'sr', 'sh', 'cnr']);

/** A lower-case word of three letters or more: a common noun or adjective, not a joiner. */
function hasCommonWord(words: readonly string[]): boolean {
  return words.some((w) => w.length >= 3 && /^\p{Ll}/u.test(w));
}

/** The base form of a name by the rules above; the form itself when none applies. */
export function baseForm(form: string, lang: LangCode): string {
  const words = form.split(/\s+/u);
  if (words.length < 2 || !hasCommonWord(words.slice(1))) return form;
  const first = words[0]!;
  if (languageFamily(lang) === 'macedonian') {
    // `Втората` → `Втора`, `Обединетото` → `Обединето`; the stem keeps three letters at least.
    if (MACEDONIAN_DEFINITE.test(first) && first.length >= 6) return [first.slice(0, -2), ...words.slice(1)].join(' ');
  }
  if (HBS.has(lang.split('-')[0]!.toLowerCase()) && DAY_CASES.has(first)) return ['Dan', ...words.slice(1)].join(' ');
  return form;
}
