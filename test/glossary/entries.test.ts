import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { buildEntries, chooseCanonical } from '../../src/glossary/entries.ts';
import type { FormStats } from '../../src/glossary/entries.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

function stats(form: string, count: number, lang = 'bs', words = 1, loss = 0, skeleton = form.toLowerCase()): FormStats {
  return { form, lang, count, type: 'name', words, loss, skeleton, langs: 1 };
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
});
