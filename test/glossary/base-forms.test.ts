// Whole names and their base forms: Romanian ordinal names keep their article, Macedonian
// adjective-first names and Bosnian/Croatian/Serbian day names get their base form, for names
// the table of names does not know.
import { describe, expect, it } from 'vitest';
import { baseForm } from '../../src/glossary/base-forms.ts';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { buildGlossary } from '../../src/glossary/index.ts';
import type { GlossaryEntry, Segmented } from '../../src/types.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const forms = (lang: string, texts: string[]): string[] => extractCandidates([makeDoc(`${lang}.txt`, lang, texts)]).map((c) => c.form);

function entryWith(docs: Segmented[], form: string): GlossaryEntry | undefined {
  return buildGlossary(docs, []).find((e) => Object.values(e.variants).some((v) => v.some((x) => x.form === form)));
}

describe('Romanian ordinal names', () => {
  it('keep the article of their ordinal, in the short and the long form', () => {
    expect(forms('ro', ['Orașul a fost distrus în cel de-al Treilea Război Balcanic, spun ei.'])).toEqual(['al Treilea Război Balcanic']);
    expect(forms('ro', ['Mulți se tem acum de un al Treilea Război Mondial în lume.'])).toEqual(['al Treilea Război Mondial']);
    expect(forms('ro', ['Constituția celei de-a Doua Republici a fost votată ieri.'])).toEqual(['a Doua Republici']);
  });

  it('leave other lower-case words before a name alone', () => {
    expect(forms('ro', ['Casa a fost a Mariei Popescu, vecina lor.'])).toEqual(['Mariei Popescu']);
    expect(forms('ro', ['El a vorbit cu fiul al Ioanei ieri.'])).toEqual(['Ioanei']);
  });

  it('give the name its content words without the article, and a canonical with it', () => {
    const [war] = extractCandidates([makeDoc('ro.txt', 'ro', ['Orașul a fost distrus în cel de-al Treilea Război Balcanic, spun ei.'])]);
    expect(war!.parts).toEqual(['treil', 'razboi', 'balcanic']);
    const entry = entryWith([makeDoc('ro.txt', 'ro', ['Orașul a fost distrus în cel de-al Treilea Război Balcanic, spun ei.'])], 'al Treilea Război Balcanic');
    expect(entry).toMatchObject({ canonical: 'al Treilea Război Balcanic', type: 'other' });
  });
});

describe('baseForm', () => {
  it('takes the Macedonian definite article off the first word of an adjective-first name', () => {
    expect(baseForm('Втората светска војна', 'mk')).toBe('Втора светска војна');
    expect(baseForm('Студената војна', 'mk')).toBe('Студена војна');
    expect(baseForm('Првата балканска војна', 'mk')).toBe('Прва балканска војна');
    expect(baseForm('Белата куќа', 'mk')).toBe('Бела куќа');
  });

  it('leaves persons, names without a common noun and other languages alone', () => {
    expect(baseForm('Рената Јанковска', 'mk')).toBe('Рената Јанковска');
    expect(baseForm('Обединетото Кралство', 'mk')).toBe('Обединетото Кралство');
    expect(baseForm('Втората', 'mk')).toBe('Втората');
    expect(baseForm('Втората светска војна', 'bg')).toBe('Втората светска војна');
  });

  it('puts the first word of a Bosnian, Croatian or Serbian day name in the nominative', () => {
    expect(baseForm('Dana nezavisnosti', 'bs')).toBe('Dan nezavisnosti');
    expect(baseForm('Danu državnosti', 'hr')).toBe('Dan državnosti');
    expect(baseForm('Danom Republike', 'sr-Latn')).toBe('Danom Republike'); // no common noun after it: may be a person
    expect(baseForm('Dana Scully', 'bs')).toBe('Dana Scully');
    expect(baseForm('Dana državnosti', 'sl')).toBe('Dana državnosti'); // Slovene declines `dan` as `dneva`
  });
});

describe('base forms in the glossary', () => {
  it('gives a Macedonian event its indefinite base form as canonical and preferred term', () => {
    const entry = entryWith([makeDoc('mk.txt', 'mk', ['Градот беше разурнат во Првата балканска војна, велат историчарите.'])], 'Првата балканска војна')!;
    expect(entry).toMatchObject({ canonical: 'Prva balkanska vojna', type: 'other' });
    expect(entry.preferred?.mk).toEqual({ form: 'Прва балканска војна', source: 'rule' });
  });

  it('gives a Bosnian day its nominative as canonical and preferred term', () => {
    const entry = entryWith([makeDoc('bs.txt', 'bs', ['Parada je održana povodom Dana nezavisnosti u glavnom gradu.'])], 'Dana nezavisnosti')!;
    expect(entry).toMatchObject({ canonical: 'Dan nezavisnosti', type: 'other' });
    expect(entry.preferred?.bs).toEqual({ form: 'Dan nezavisnosti', source: 'rule' });
  });
});
