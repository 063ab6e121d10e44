// Danish and Norwegian compounds of a name and a common noun are mentions of the name, not forms
// of it; real hyphenated names and South Slavic inflections after a hyphen stay whole.
import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { splitToken } from '../../src/glossary/compounds.ts';
import { buildGlossary } from '../../src/glossary/index.ts';
import { tokenise } from '../../src/glossary/tokens.ts';
import type { GlossaryEntry } from '../../src/types.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const pieces = (word: string, lang: string): string[] => splitToken(tokenise(word)[0]!, lang).map((t) => t.text);
const forms = (lang: string, texts: string[]): string[] => extractCandidates([makeDoc(`${lang}.txt`, lang, texts)]).map((c) => c.form);

describe('splitToken', () => {
  it('splits a Danish or Norwegian name from the common noun after its hyphen, definite or not', () => {
    expect(pieces('Kherson-regionen', 'da')).toEqual(['Kherson', 'regionen']);
    expect(pieces('Kherson-region', 'da')).toEqual(['Kherson', 'region']);
    expect(pieces('Gaza-krigen', 'da')).toEqual(['Gaza', 'krigen']);
    expect(pieces('Gaza-krig', 'da')).toEqual(['Gaza', 'krig']); // a one-syllable noun of the list
    expect(pieces('EU-landene', 'nb')).toEqual(['EU', 'landene']);
    expect(pieces('Bosnien-Hercegovina-sagen', 'da')).toEqual(['Bosnien-Hercegovina', 'sagen']);
  });

  it('leaves hyphenated names, Korean given names and other languages alone', () => {
    for (const name of ['Jong-un', 'Yo-jong', 'Jae-in', 'Seong-kweun', 'Saudi-Arabien', 'Østrig-Ungarn', 'Rimski-Korsakov', 'Bosnien-Hercegovina']) {
      expect(pieces(name, 'da'), name).toEqual([name]);
    }
    // South Slavic writes case endings after a hyphen: `Jong-una`, `BBC-ja`, `Kursk-regiona` is no compound.
    expect(pieces('Jong-una', 'bs')).toEqual(['Jong-una']);
    expect(pieces('Kursk-regiona', 'hr')).toEqual(['Kursk-regiona']);
    expect(pieces('Austro-Ugarska', 'hr')).toEqual(['Austro-Ugarska']);
  });
});

describe('compounds in the glossary', () => {
  it('finds the name inside a compound as a mention, with its own span', () => {
    const doc = makeDoc('da.txt', 'da', ['Soldaterne kæmpede i går i Kherson-regionen og i Gaza-krigen.']);
    const candidates = extractCandidates([doc]);
    expect(candidates.map((c) => c.form)).toEqual(['Kherson', 'Gaza']);
    const kherson = candidates[0]!;
    expect(doc.doc.text.slice(kherson.start, kherson.end)).toBe('Kherson');
  });

  it('keeps real hyphenated names whole in Danish', () => {
    expect(forms('da', ['I går mødtes Kim Jong-un og Moon Jae-in efter en lang rejse med en stor delegation fra både Saudi-Arabien og Bosnien-Hercegovina.'])).toEqual([
      'Kim Jong-un',
      'Moon Jae-in',
      'Saudi-Arabien',
      'Bosnien-Hercegovina',
    ]);
    expect(forms('da', ['Orkestret spillede i aftes noget musik af Rimski-Korsakov, som blev skrevet i det gamle Østrig-Ungarn.'])).toEqual(['Rimski-Korsakov', 'Østrig-Ungarn']);
  });

  it('lists the name as the language writes it, never the compound, and types it a place from the compound', () => {
    const docs = [
      makeDoc('da.txt', 'da', ['Tropperne rykkede i går ind i Kherson-regionen fra nord.', 'Senere sagde hæren, at Kherson-region er under kontrol.']),
      makeDoc('hr.txt', 'hr', ['Vojnici su jučer ušli u Herson iz smjera sjevera.']),
    ];
    const entries = buildGlossary(docs, []);
    const all = entries.flatMap((e: GlossaryEntry) => Object.values(e.variants).flatMap((v) => v.map((x) => x.form)));
    expect(all.filter((f) => f.includes('-'))).toEqual([]);
    const kherson = entries.find((e) => e.variants.da?.some((v) => v.form === 'Kherson'))!;
    expect(kherson.variants.da).toEqual([{ form: 'Kherson', count: 2 }]);
    expect(kherson.mentions.filter((m) => m.lang === 'da')).toHaveLength(2);
    expect(kherson.type).toBe('place');
    expect(kherson.preferred?.da?.form).toBe('Kherson');
  });
});
