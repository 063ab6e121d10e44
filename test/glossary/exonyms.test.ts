import { describe, expect, it } from 'vitest';
import { EXONYMS, exonymIndex, exonymKey } from '../../src/glossary/exonyms.ts';
import { buildGlossary } from '../../src/glossary/index.ts';
import { normaliseWord } from '../../src/glossary/normalise.ts';
import type { GlossaryEntry } from '../../src/types.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

// The word keys a candidate carries: capitalised words normalised, lower-case joiners left out.
const parts = (form: string, lang: string): string[] => form.split(' ').filter((w) => /^\p{Lu}/u.test(w)).map((w) => normaliseWord(w, lang));
const key = (form: string, lang: string): string | undefined => exonymKey(form, parts(form, lang), lang);
const keysOf = (spec: string[]): Set<string | undefined> =>
  new Set(
    spec.map((s) => {
      const [form, lang] = s.split('/') as [string, string];
      return key(form, lang);
    }),
  );

describe('exonymKey', () => {
  it('gives one key to each concept across languages, scripts and case endings', () => {
    expect(keysOf(['Phenian/ro', 'Phenianul/ro', 'Pjongjang/bs', 'Pjongjangom/sl', 'Пјонгјанг/mk', 'Pyongyang/da'])).toEqual(new Set(['X:pyongyang']));
    expect(keysOf(['Kitajskem/sl', 'Kitajska/sl', 'Kina/hr', 'Kine/bs', 'Кина/sr-Cyrl', 'Кина/mk', 'China/ro', 'Kinas/da', 'China/en'])).toEqual(new Set(['X:china']));
    expect(keysOf(['Pekingu/bs', 'Peking/sl', 'Пекинг/mk', 'Beijing/ro', 'Beijing/da'])).toEqual(new Set(['X:beijing']));
    expect(keysOf(['Moskvom/bs', 'Moskvo/sl', 'Москва/mk', 'Moscovei/ro', 'Moskva/da', 'Moscow/en'])).toEqual(new Set(['X:moscow']));
    expect(keysOf(['Japoniei/ro', 'Japonske/sl', 'Јапонија/mk', 'Japanu/hr', 'Japan/da'])).toEqual(new Set(['X:japan']));
    expect(keysOf(['Ruslands/da', 'Rusiei/ro', 'Rusiji/sl', 'Русија/mk', 'Russia/en'])).toEqual(new Set(['X:russia']));
    expect(keysOf(['Beču/hr', 'Dunaju/sl', 'Wien/da', 'Vienei/ro', 'Виена/mk'])).toEqual(new Set(['X:vienna']));
    expect(keysOf(['Njemačkoj/bs', 'Nemačke/sr-Latn', 'Немачкој/sr-Cyrl', 'Nemčiji/sl', 'Tysklands/da', 'Germaniei/ro'])).toEqual(new Set(['X:germany']));
  });

  it('joins multi-word names as wholes, joiners and inner case included', () => {
    expect(keysOf(['Republicii Populare Democrate Coreene/ro', 'Republica Populară Democrată Coreeană/ro', 'Coreea de Nord/ro', 'Sjeverne Koreje/bs'])).toEqual(new Set(['X:north-korea']));
    expect(keysOf(['Ujedinjenog Kraljevstva/hr', 'Regatul Unit/ro', 'United Kingdom/en'])).toEqual(new Set(['X:united-kingdom']));
    expect(key('Koreje', 'bs')).toBeUndefined();
    expect(key('Saudijske Arabije', 'hr')).toBe('X:saudi-arabia');
  });

  it('leaves persons, lower-case words and other languages’ look-alikes alone', () => {
    // `Kina` the given name: a full name is not the country.
    expect(key('Kina Grannis', 'bs')).toBeUndefined();
    // Lower-case common words never match, even where the key would.
    expect(exonymKey('kina', ['kin'], 'bs')).toBeUndefined();
    expect(exonymKey('Sjedinjene države', ['sjedinjen', 'drzav'], 'hr')).toBeUndefined();
    // Danish `Rom` is Rome; Croatian `Romi` are the Roma, and forms only match in their own language family.
    expect(key('Rom', 'da')).toBe('X:rome');
    expect(key('Romi', 'hr')).toBeUndefined();
    expect(key('Rom', 'hr')).toBeUndefined();
    // Romanian `Moldova` alone is also a Romanian region; only the republic's name is listed.
    expect(key('Moldova', 'ro')).toBeUndefined();
    expect(key('Republicii Moldova', 'ro')).toBe('X:moldova');
    expect(key('Vladimir Putin', 'bs')).toBeUndefined();
  });
});

describe('the exonym table', () => {
  it('holds 60 to 120 concepts, each with forms in three languages or more', () => {
    expect(EXONYMS.length).toBeGreaterThanOrEqual(60);
    expect(EXONYMS.length).toBeLessThanOrEqual(120);
    for (const { id, forms } of EXONYMS) {
      expect(id, id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(Object.keys(forms).length, id).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(EXONYMS.map((e) => e.id)).size).toBe(EXONYMS.length);
  });

  it('has capitalised forms whose keys belong to one concept only', () => {
    for (const { id, forms } of EXONYMS) {
      for (const [lang, list] of Object.entries(forms)) {
        for (const form of list) {
          expect(form, `${id} ${lang}`).toMatch(/^\p{Lu}/u);
          expect(key(form, lang), `${form} (${lang})`).toBe(`X:${id}`);
        }
      }
    }
    expect(exonymIndex().size).toBeGreaterThan(EXONYMS.length * 5);
  });
});

describe('exonyms in the glossary', () => {
  // No aligned groups: nothing but the table can join names with no shared spelling.
  const docs = [
    makeDoc('ro', 'ro', ['Liderul venit de la Phenian a spus ieri că a vizitat China de mai multe ori.', 'Phenianul a trimis soldați în regiunea de frontieră.']),
    makeDoc('sl', 'sl', ['Voditelj je včeraj v Pjongjangu govoril o odnosih s Kitajsko.', 'Srečanje na Kitajskem je bilo zanj prvo v zgodovini.']),
    makeDoc('sr', 'sr-Cyrl', ['Лидер из Пјонгјанга отпутовао је прошле недеље возом у Кину.']),
    makeDoc('bs', 'bs', ['Poznata pjevačica Kina Grannis nastupila je sinoć u gradu.', 'Ona je rekla da Kina Grannis voli ovaj grad.']),
    makeDoc('da', 'da', ['Det var en lang rejse for ham.', 'Lederen rejste i går videre fra Pyongyang til Kina med toget over bjergene.', 'Han mødte også Kinas præsident på en lang rejse.']),
  ];
  const entries = buildGlossary(docs, []);
  const entryWith = (form: string): GlossaryEntry | undefined => entries.find((e) => Object.values(e.variants).some((v) => v.some((x) => x.form === form)));
  const forms = (e: GlossaryEntry | undefined): string[] => Object.values(e?.variants ?? {}).flatMap((v) => v.map((x) => x.form)).sort();

  it('puts every language variant of a place in one entry', () => {
    expect(forms(entryWith('Phenian'))).toEqual(['Phenian', 'Phenianul', 'Pjongjangu', 'Pyongyang', 'Пјонгјанга']);
    expect(forms(entryWith('Kitajskem'))).toEqual(['China', 'Kina', 'Kinas', 'Kitajskem', 'Kitajsko', 'Кину']);
    expect(entryWith('Kitajskem')?.type).toBe('place');
  });

  it('keeps a person named Kina apart from China', () => {
    const person = entryWith('Kina Grannis');
    expect(person).toBeDefined();
    expect(person).not.toBe(entryWith('Kitajskem'));
    expect(forms(person)).toEqual(['Kina Grannis']);
  });
});
