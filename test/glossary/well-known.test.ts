// The table of well-known regions and events (well-known.ts), matched like the exonyms: whole
// names in each language's base and inflected forms, English names, types and base forms.
import { describe, expect, it } from 'vitest';
import { exonymKey, KNOWN_NAMES } from '../../src/glossary/exonyms.ts';
import { buildGlossary } from '../../src/glossary/index.ts';
import { EVENTS, REGIONS } from '../../src/glossary/well-known.ts';
import type { GlossaryEntry, Segmented } from '../../src/types.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const key = (spec: string): string | undefined => {
  const [form, lang] = spec.split('/') as [string, string];
  return exonymKey(form, form.split(' '), lang);
};
const keys = (specs: string[]): Set<string | undefined> => new Set(specs.map(key));

function glossary(docs: Segmented[]): { entries: GlossaryEntry[]; entryWith: (form: string) => GlossaryEntry | undefined } {
  const entries = buildGlossary(docs, []);
  return { entries, entryWith: (form) => entries.find((e) => Object.values(e.variants).some((v) => v.some((x) => x.form === form))) };
}

describe('the table of regions and events', () => {
  it('has one concept per id, each with a type and forms in four languages or more, that lead back to it', () => {
    const ids = KNOWN_NAMES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const concept of [...REGIONS, ...EVENTS]) {
      expect(concept.type, concept.id).toBe(REGIONS.includes(concept) ? 'place' : 'other');
      expect(Object.keys(concept.forms).length, concept.id).toBeGreaterThanOrEqual(4);
      expect(concept.forms.en?.length, concept.id).toBeGreaterThan(0);
      for (const [lang, forms] of Object.entries(concept.forms)) {
        for (const form of forms) expect(key(`${form}/${lang}`), `${form} (${lang})`).toBe(`X:${concept.id}`);
      }
    }
  });

  it('meets the Far East in every language, inflected or not, lower-case words and all', () => {
    expect(keys(['Daleki istok/bs', 'Dalekom istoku/hr', 'Dalekog istoka/sr-Latn', 'Daljnem vzhodu/sl', 'Orientul Îndepărtat/ro', 'Orientului Îndepărtat/ro', 'Далечниот Исток/mk', 'Fjernøsten/da', 'Fjernøstens/da', 'Far East/en'])).toEqual(
      new Set(['X:far-east']),
    );
    expect(keys(['Bliski istok/hr', 'Bliskom istoku/bs', 'Orientul Mijlociu/ro', 'Блискиот Исток/mk', 'Mellemøsten/da'])).toEqual(new Set(['X:middle-east']));
  });

  it('meets the wars and Victory Day, declined inside', () => {
    expect(keys(['Drugi svjetski rat/hr', 'Drugog svjetskog rata/bs', 'Drugom svetskom ratu/sr-Latn', 'al Doilea Război Mondial/ro', 'Втората светска војна/mk', 'Втора светска војна/mk', 'Second World War/en'])).toEqual(
      new Set(['X:world-war-ii']),
    );
    expect(keys(['Prvog svjetskog rata/hr', 'Primul Război Mondial/ro', 'Primului Război Mondial/ro', 'Првата светска војна/mk'])).toEqual(new Set(['X:world-war-i']));
    expect(keys(['Hladnog rata/hr', 'Hladni rat/bs', 'Războiului Rece/ro', 'Студената војна/mk'])).toEqual(new Set(['X:cold-war']));
    expect(keys(['Dana pobjede/bs', 'Danu pobjede/hr', 'Dan pobede/sr-Latn', 'Ziua Victoriei/ro', 'Zilei Victoriei/ro'])).toEqual(new Set(['X:victory-day']));
  });

  it('matches an English name of several words in any language, one English word only in English', () => {
    expect(key('Victory Day/da')).toBe('X:victory-day');
    expect(key('Cold War/bs')).toBe('X:cold-war');
    expect(key('Kyiv/en')).toBe('X:kyiv');
    expect(key('Japan/ro')).toBeUndefined(); // Romanian is `Japonia`; the English word is not looked up outside English
  });

  it('needs the capitals the table writes, and the words it has', () => {
    expect(key('daleki istok/bs')).toBeUndefined();
    expect(key('Hladni/bs')).toBeUndefined();
    expect(key('Daleki istok Rusije/bs')).toBeUndefined();
    expect(key('Doilea Război Mondial/ro')).toBeUndefined(); // the fragment is not the name
    expect(key('Daleki Istok/bs')).toBe('X:far-east'); // a capital the table does not write does no harm
  });
});

describe('regions and events in the glossary', () => {
  it('joins a region across languages without any alignment, types it a place and names it in English', () => {
    const { entryWith } = glossary([
      makeDoc('bs.txt', 'bs', ['Kim je kasnije otputovao na Daleki istok Rusije vozom.', 'Grad na Dalekom istoku je bio pun vojnika.']),
      makeDoc('ro.txt', 'ro', ['Liderul a mers apoi cu trenul în Orientul Îndepărtat al Rusiei.']),
      makeDoc('mk.txt', 'mk', ['Лидерот потоа отпатува со воз на Далечниот Исток на Русија.']),
    ]);
    const far = entryWith('Daleki istok')!;
    expect(entryWith('Orientul Îndepărtat')).toBe(far);
    expect(entryWith('Далечниот Исток')).toBe(far);
    expect(far).toMatchObject({ canonical: 'Far East', canonicalLang: 'en', type: 'place' });
    expect(far.preferred?.bs).toEqual({ form: 'Daleki istok', source: 'table' });
    expect(far.preferred?.mk).toEqual({ form: 'Далечен Исток', source: 'table' });
  });

  it('joins an event across languages and scripts, types it other and prefers each language’s base form', () => {
    const { entryWith } = glossary([
      makeDoc('hr.txt', 'hr', ['Grad je teško stradao u Drugom svjetskom ratu, kažu povjesničari.']),
      makeDoc('ro.txt', 'ro', ['Orașul a suferit mult în timpul celui de-al Doilea Război Mondial, spun istoricii.']),
      makeDoc('mk.txt', 'mk', ['Градот многу страдаше во Втората светска војна, велат историчарите.']),
    ]);
    const war = entryWith('Drugom svjetskom ratu')!;
    expect(entryWith('al Doilea Război Mondial')).toBe(war);
    expect(entryWith('Втората светска војна')).toBe(war);
    expect(war).toMatchObject({ canonical: 'World War II', canonicalLang: 'en', type: 'other' });
    expect(war.preferred?.hr).toEqual({ form: 'Drugi svjetski rat', source: 'table' });
    expect(war.preferred?.ro).toEqual({ form: 'al Doilea Război Mondial', source: 'table' });
    expect(war.preferred?.mk).toEqual({ form: 'Втора светска војна', source: 'table' });
  });

  it('gives a day its nominative and a quoted English name its entry', () => {
    const { entryWith } = glossary([
      makeDoc('bs.txt', 'bs', ['Parada je održana povodom Dana pobjede u glavnom gradu.']),
      makeDoc('da.txt', 'da', ['Paraden blev holdt i anledning af “Victory Day” i hovedstaden.']),
    ]);
    const day = entryWith('Dana pobjede')!;
    expect(entryWith('Victory Day')).toBe(day);
    expect(day).toMatchObject({ canonical: 'Victory Day', type: 'other' });
    expect(day.preferred?.bs).toEqual({ form: 'Dan pobjede', source: 'table' });
  });

  it('types the capitals of the table as places whatever stands around them', () => {
    const { entryWith } = glossary([
      makeDoc('bs.txt', 'bs', ['Prema tim podacima, vojska je izgubila oko 2.000 vojnika u borbi protiv Kijeva.']),
      makeDoc('da.txt', 'da', ['Ifølge de samme tal har hæren mistet omkring 2.000 soldater i kampene mod Kiev.']),
    ]);
    expect(entryWith('Kijeva')).toMatchObject({ canonical: 'Kyiv', type: 'place' });
    expect(entryWith('Kiev')).toMatchObject({ canonical: 'Kyiv', type: 'place' });
  });
});
