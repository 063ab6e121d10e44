import { describe, expect, it } from 'vitest';
import { altKeys, compassKey, countryKey, spellingKey } from '../../src/glossary/alt-keys.ts';
import { normaliseWord } from '../../src/glossary/normalise.ts';

const keys = (name: string, lang: string): string[] => name.split(' ').filter((w) => w !== 'de').map((w) => normaliseWord(w, lang));

describe('compassKey', () => {
  it('gives one key to every spelling of North Korea, two words or one, in any order', () => {
    const north = ['Sjeverne Koreje/bs', 'Severna Koreja/sl', 'Coreea de Nord/ro', 'Северна Кореја/mk', 'Nordkorea/da'].map((s) => {
      const [name, lang] = s.split('/') as [string, string];
      return compassKey(keys(name, lang));
    });
    expect(new Set(north)).toEqual(new Set(['N:kor']));
    expect(compassKey(keys('Coreei de Sud', 'ro'))).toBe('S:kor');
    expect(compassKey(keys('Sydkorea', 'da'))).toBe('S:kor');
  });

  it('leaves names without a compass word, and short compound rests, alone', () => {
    expect(compassKey(keys('Vladimir Putin', 'bs'))).toBeUndefined();
    expect(compassKey(keys('Østrig', 'da'))).toBeUndefined();
    expect(compassKey(keys('Nordirland', 'da'))).toBe('N:irland');
  });
});

describe('countryKey', () => {
  it('meets country names across their endings', () => {
    const russia = [['Rusija', 'bs'], ['Rusiei', 'ro'], ['Русија', 'mk'], ['Rusland', 'da']].map(([w, l]) => countryKey([normaliseWord(w!, l!)], l!));
    expect(new Set(russia)).toEqual(new Set(['C:rus']));
    expect(countryKey([normaliseWord('Japonske', 'sl')], 'sl')).toBe(countryKey([normaliseWord('Јапонија', 'mk')], 'mk'));
    expect(countryKey([normaliseWord('Italien', 'da')], 'da')).toBe(countryKey([normaliseWord('Italija', 'hr')], 'hr'));
  });

  it('needs a country ending and a long enough stem', () => {
    expect(countryKey([normaliseWord('Kursk', 'sl')], 'sl')).toBeUndefined();
    expect(countryKey([normaliseWord('Putin', 'ro')], 'ro')).toBeUndefined();
    expect(countryKey([normaliseWord('Island', 'da')], 'da')).toBeUndefined();
    expect(countryKey(['sjevern', 'korej'], 'bs')).toBeUndefined();
  });

  it('altKeys lists what applies', () => {
    expect(altKeys('Severna Koreja', keys('Severna Koreja', 'sl'), 'sl')).toEqual(['N:kor', 'X:north-korea']);
    expect(altKeys('Rusland', keys('Rusland', 'da'), 'da')).toEqual(['C:rus', 'S:rusland', 'X:russia']);
    expect(altKeys('Phenianul', keys('Phenianul', 'ro'), 'ro')).toEqual(['S:fenianul', 'X:pyongyang']);
    expect(altKeys('Kim', keys('Kim', 'bs'), 'bs')).toEqual([]);
  });
});

describe('spellingKey', () => {
  it('meets names as written where case endings were stripped two ways', () => {
    expect(spellingKey('China', keys('China', 'ro'), 'ro')).toBe('S:kina');
    expect(spellingKey('Kinas', keys('Kinas', 'da'), 'da')).toBe('S:kina');
    expect(spellingKey('Putinom', keys('Putinom', 'bs'), 'bs')).toBe('S:putinom');
  });

  it('reads `ch` before e/i as k in Romanian only', () => {
    expect(spellingKey('Chelsea', keys('Chelsea', 'da'), 'da')).not.toBe(spellingKey('Kelsea', keys('Kelsea', 'da'), 'da'));
    expect(spellingKey('Chelsea', keys('Chelsea', 'ro'), 'ro')).toBe(spellingKey('Kelsea', keys('Kelsea', 'da'), 'da'));
  });

  it('leaves short words, acronyms and multi-word names alone', () => {
    expect(spellingKey('Kim', keys('Kim', 'bs'), 'bs')).toBeUndefined();
    expect(spellingKey('KCNA', ['KCNA'], 'mk')).toBeUndefined();
    expect(spellingKey('Severna Koreja', keys('Severna Koreja', 'sl'), 'sl')).toBeUndefined();
  });
});
