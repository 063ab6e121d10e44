import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { buildEntries, chooseCanonical } from '../../src/glossary/entries.ts';
import type { FormStats } from '../../src/glossary/entries.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

function stats(form: string, count: number, lang = 'bs', words = 1, loss = 0, skeleton = form.toLowerCase()): FormStats {
  const undeclined = lang === 'da' || lang === 'en';
  return { form, lang, count, words, head: form, loss, ownBase: loss <= 0.5 * words, skeleton, langs: 1, undeclined };
}

describe('chooseCanonical', () => {
  it('prefers a full name in Latin script, however rare', () => {
    const c = chooseCanonical([stats('Putin', 20), stats('Путин', 7, 'mk'), stats('Vladimir Putin', 3, 'da', 2, 0, 'vladimirputin'), stats('Владимир Путин', 4, 'mk', 2, 0, 'vladimirputin')]);
    expect(c.canonical).toBe('Vladimir Putin');
  });

  it('pools spellings and takes the nominative-looking form', () => {
    const c = chooseCanonical([stats('Moskvom', 1, 'bs', 1, 2, 'moskv'), stats('Moskvo', 1, 'sl', 1, 1, 'moskv'), stats('Moskva', 1, 'da', 1, 0, 'moskva')]);
    expect(c.canonical).toBe('Moskva');
  });

  it('breaks ties by the number of languages that write the form', () => {
    const c = chooseCanonical([
      stats('Kim Jong Un', 2, 'ro', 3, 0, 'kimjongun'),
      stats('Kim Jong-un', 1, 'sl', 2, 0, 'kimjongun'),
      stats('Kim Jong-un', 1, 'da', 2, 0, 'kimjongun'),
    ]);
    expect(c.canonical).toBe('Kim Jong-un');
  });

  it('prefers the form of a language that does not decline names when all else is equal', () => {
    const c = chooseCanonical([stats('Pjongjang', 3, 'bs', 1, 0, 'pjongjang'), stats('Pyongyang', 3, 'da', 1, 0, 'pjongjang')]);
    expect(c.canonical).toBe('Pyongyang');
  });

  it('names a Danish compound by its name, not its head noun', () => {
    const ukraine = { ...stats('Ukraine-krigen', 5, 'da', 1, 0, 'ukraine'), head: 'Ukraine' };
    expect(chooseCanonical([ukraine, stats('Ukrajini', 4, 'bs', 1, 1, 'ukrain'), stats('Ucraina', 1, 'ro', 1, 0.5, 'ukraina')]).canonical).toBe('Ukraine');
  });

  it('falls back to a Cyrillic form that is its own base when every Latin form is inflected', () => {
    const c = chooseCanonical([stats('Japonske', 1, 'sl', 1, 1, 'japonsk'), stats('Japoniei', 1, 'ro', 1, 2, 'japoni'), stats('Јапонија', 1, 'mk', 1, 0.5, 'japoni')]);
    expect(c.canonical).toBe('Japonija');
    const inflected = chooseCanonical([stats('Japonske', 1, 'sl', 1, 1, 'japonsk'), stats('Japoniei', 1, 'ro', 1, 2, 'japoni')]);
    expect(inflected.canonical).toBe('Japonske');
  });

  it('transliterates an entity seen only in Cyrillic', () => {
    expect(chooseCanonical([stats('Родонг Синмун', 1, 'mk', 2)]).canonical).toBe('Rodong Sinmun');
  });
});

describe('buildEntries', () => {
  const docs = [
    makeDoc('b.txt', 'da', ['Putin mødte Kim i Beijing.', 'Senere talte Putin med pressen.']),
    makeDoc('a.txt', 'bs', ['Razgovor s Putinom trajao je dugo.', 'Putin je rekao da je Kim stigao.', 'Kasnije je otišao.']),
  ];
  const candidates = extractCandidates(docs);
  const byKey = new Map<string, number[]>();
  candidates.forEach((c, i) => byKey.set(c.key, [...(byKey.get(c.key) ?? []), i]));
  const entries = buildEntries(docs, candidates, [...byKey.values()]);

  it('numbers entries by documents, then mentions, then canonical form', () => {
    expect(entries.map((e) => [e.id, e.canonical])).toEqual([
      ['e0001', 'Putin'],
      ['e0002', 'Kim'],
      ['e0003', 'Beijing'],
    ]);
  });

  it('lists variants per language, most frequent first, and sorted documents', () => {
    const putin = entries[0]!;
    expect(putin.variants).toEqual({ bs: [{ form: 'Putin', count: 1 }, { form: 'Putinom', count: 1 }], da: [{ form: 'Putin', count: 2 }] });
    expect(putin.docs).toEqual(['a.txt', 'b.txt']);
    expect(putin.mentions.map((m) => m.doc)).toEqual(['a.txt', 'a.txt', 'b.txt', 'b.txt']);
  });

  it('gives the first mention’s sentence as example', () => {
    expect(entries[0]!.example).toEqual({ doc: 'a.txt', sent: 0, text: 'Razgovor s Putinom trajao je dugo.' });
  });

  it('drops a lone sentence-initial word', () => {
    const lone = makeDoc('c.txt', 'bs', ['Samo Putin zna.', 'Putin je rekao.']);
    const c = extractCandidates([lone]);
    const initial = c.findIndex((x) => x.initial);
    expect(initial).toBeGreaterThanOrEqual(0);
    expect(buildEntries([lone], c, [[initial]])).toEqual([]);
  });

  it('names an entry by the Danish name inside a compound, or a genitive when the bare name occurs too', () => {
    const da = makeDoc('d.txt', 'da', [
      'Det var første gang i Ruslands historie, sagde han i går.',
      'Han rejste senere til Rusland med sin familie.',
      'Soldater deltog i Ukraine-krigen og i Ukraine-krigens sidste år.',
      'Hjælpen kom fra Røde Kors i løbet af natten.',
    ]);
    const c = extractCandidates([da]);
    const byKey = new Map<string, number[]>();
    c.forEach((x, i) => byKey.set(x.key, [...(byKey.get(x.key) ?? []), i]));
    const entries = buildEntries([da], c, [...byKey.values()]);
    const canonicals = entries.map((e) => e.canonical);
    // Russia and Ukraine are in the table of place names: the canonical form is their English name
    expect(canonicals).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'Røde Kors']));
    expect(canonicals).not.toContain('Ruslands');
    const preferred = Object.fromEntries(entries.map((e) => [e.canonical, e.preferred?.da?.form]));
    expect(preferred).toMatchObject({ Russia: 'Rusland', Ukraine: 'Ukraine', 'Røde Kors': 'Røde Kors' });
  });
});
