// Evidence for an entry's type from its forms: acronyms, possessives, event and organisation
// words inside the name, country-name endings shared across languages, and lower-case
// adjectives derived from the name in the documents of the same language.

import type { GlossaryEntry, LangCode } from '../types.ts';
import { countryKey } from './alt-keys.ts';
import { exonymOf } from './exonyms.ts';
import { isAcronym, languageFamily, latinLower, normaliseWord } from './normalise.ts';
import { cueTable, eventWord, matchesCue, organisationNameWords } from './type-cues.ts';
import { MIN_DERIVATION_STEM, type Tally, type TypingContext } from './typing-context.ts';

/**
 * An event or organisation word inside the name counts this much per mention: `во Втората светска
 * војна` is not a place, `senatorilor Partidului Republican` not a person.
 */
export const EVENT_WEIGHT = 2;

// Danish country names derive their adjectives from a shorter stem: Rusland → russisk, Italien → italiensk.
const DANISH_COUNTRY_ENDINGS = /(?:land|ien)$/;
// A possessive adjective of a person's name: `Kimovu`, `Putinova`, `Marijin`.
const POSSESSIVE = /^(?:ov|ev|in)(?:a|u|o|e|i|om|oj|og|ih|im|ima)?$/;

/** Stems that a derived adjective starts with: `rusij` → `rus`, `Rusland` → `rus`, `severn korej` → `severn`, `kore`. */
function derivationStems(form: string, lang: LangCode): string[] | undefined {
  const stems: string[] = [];
  for (const w of form.split(/\s+/u)) {
    if (!/^\p{Lu}/u.test(w) || isAcronym(w)) continue;
    let stem = normaliseWord(w, lang).replace(/-/g, '');
    if (languageFamily(lang) === 'danish') stem = stem.replace(DANISH_COUNTRY_ENDINGS, '');
    stem = stem.replace(/[aeiouj]+$/, '');
    if (stem.length < MIN_DERIVATION_STEM) return undefined;
    stems.push(stem);
  }
  return stems.length > 0 ? stems : undefined;
}

/** Lower-case adjectives of the same language derived from the entry's forms: `ruski`, `nord-coreeni`. */
export function derivationCues(tally: Tally, entry: GlossaryEntry, context: TypingContext): void {
  for (const [lang, variants] of Object.entries(entry.variants)) {
    const table = cueTable(lang);
    const romanian = languageFamily(lang) === 'romanian';
    const stemSets = variants.map((v) => derivationStems(v.form, lang)).filter((s): s is string[] => s !== undefined);
    if (stemSets.length === 0) continue;
    const prefixes = new Set(stemSets.flatMap((stems) => stems.map((st) => st.slice(0, MIN_DERIVATION_STEM))));
    const seen = new Set<string>();
    for (const { lower, form, count } of [...prefixes].flatMap((p) => context.lowerWords(lang, p))) {
      if (seen.has(lower)) continue;
      seen.add(lower);
      const word = lower.replace(/-/g, '');
      const adjective = table.demonym.test(word) || (romanian && stemSets.some((s) => s.length === 1 && s[0] === word));
      if (!adjective) continue;
      const ending = table.demonym.exec(word)?.[0] ?? '';
      const derived = (stems: string[]): boolean => {
        if (stems.length > 1) return stems.some((s) => word.startsWith(s)) && stems.every((s) => word.includes(s));
        const stem = stems[0]!;
        if (!word.startsWith(stem)) return false;
        // Only a known link between stem and ending: `klim-at-ska` (climate) is not of `Klimo`.
        const link = word.slice(stem.length, word.length - ending.length);
        return link.length <= 0 || table.links.includes(link);
      };
      if (stemSets.some(derived)) {
        tally.add('place', `adjective "${form}"`, lang, count);
      }
    }
  }
}

/**
 * Evidence from the forms themselves: acronyms name organisations, possessives (`Kimovu`)
 * persons, an event word in a multi-word name (`Dana pobjede`, `Victory Day`) an event (`other`),
 * an organisation word inside a multi-word name (`Partidul Republican`) an organisation.
 */
export function formCues(tally: Tally, entry: GlossaryEntry): void {
  const all = Object.entries(entry.variants).flatMap(([lang, vs]) => vs.map((v) => ({ ...v, lang })));
  const lowers = new Set(all.map((v) => latinLower(v.form)));
  for (const v of all) {
    const event = eventWord(v.form, v.lang);
    if (event) tally.add('other', `event word "${event.word.toLowerCase()}"`, v.lang, v.count * EVENT_WEIGHT);
    const organisationWord = v.form.includes(' ') ? v.form.split(/\s+/u).find((w) => matchesCue(latinLower(w), organisationNameWords(v.lang))) : undefined;
    if (organisationWord) tally.add('organisation', `organisation word in the name "${organisationWord}"`, v.lang, v.count * EVENT_WEIGHT);
    if (isAcronym(v.form)) tally.add('organisation', `acronym "${v.form}"`, v.lang, v.count);
    const family = languageFamily(v.lang);
    if (family !== 'south-slavic' && family !== 'macedonian') continue;
    const lower = latinLower(v.form);
    for (const base of lowers) {
      if (base.length >= MIN_DERIVATION_STEM && lower.startsWith(base) && POSSESSIVE.test(lower.slice(base.length))) {
        tally.add('person', `possessive "${v.form}"`, v.lang, v.count);
        break;
      }
    }
  }
}

/** Each mention of a form of the table of names (exonyms.ts, well-known.ts) counts this much for the table's type. */
export const TABLE_WEIGHT = 2;

/**
 * Evidence from polyalign's table of names: its countries, capitals and regions are places
 * (`Kijeva` of Kyiv, `Daleki istok`), its events are `other` (`Dana pobjede`); the table leaves
 * out names that are as often a person's or another thing's, so this counts as much as an event word.
 */
export function tableCues(tally: Tally, entry: GlossaryEntry): void {
  for (const [lang, variants] of Object.entries(entry.variants)) {
    for (const v of variants) {
      const concept = exonymOf(v.form, lang);
      if (concept) tally.add(concept.type ?? 'place', `table of names "${concept.forms.en?.[0] ?? concept.id}"`, lang, v.count * TABLE_WEIGHT);
    }
  }
}

/**
 * Place evidence from the shape of the forms, counted once: one stem written with the country
 * endings of two languages or more (`Јапонија` / `Japoniei`, `Rusija` / `Rusland`; see alt-keys.ts).
 */
export function countryCues(tally: Tally, entry: GlossaryEntry): void {
  const byKey = new Map<string, Array<{ form: string; lang: LangCode; count: number }>>();
  for (const [lang, variants] of Object.entries(entry.variants)) {
    for (const v of variants) {
      if (/\s/u.test(v.form) || isAcronym(v.form)) continue;
      const key = countryKey([normaliseWord(v.form, lang)], lang);
      if (key) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push({ form: v.form, lang, count: v.count });
    }
  }
  // Weak evidence, counted once: a foreign surname in -i also takes -ija (`Mandagi`, `Mandagija`).
  for (const forms of byKey.values()) {
    const langs = [...new Set(forms.map((f) => f.lang))].sort();
    if (langs.length < 2) continue;
    tally.add('place', `country-name endings ${forms.map((f) => `"${f.form}"`).join(', ')}`, langs.join('+'), 1);
  }
}
