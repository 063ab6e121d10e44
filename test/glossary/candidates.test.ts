import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import type { Candidate } from '../../src/glossary/candidates.ts';
import { makeDoc, seedDocs } from '../fixtures/glossary/docs.ts';

const seeds = seedDocs();
const all = extractCandidates(seeds);

function formsOf(prefix: string, candidates: Candidate[] = all): string[] {
  return candidates.filter((c) => c.doc.startsWith(prefix)).map((c) => c.form);
}

describe('extractCandidates on the seeds', () => {
  it('drops sentence-initial words that are never capitalised elsewhere', () => {
    for (const word of ['Kasnije', 'Ovo', 'Ranije', 'Prema', 'Napomenuo']) expect(formsOf('000')).not.toContain(word);
    for (const word of ['Dette', 'Udtalelsen', 'Tidligere', 'Efterfølgende', 'KRIG']) expect(formsOf('004')).not.toContain(word);
    expect(formsOf('002')).not.toContain('Președintele');
    expect(formsOf('003')).not.toContain('Аналитичарите');
  });

  it('keeps a sentence-initial name that stands capitalised elsewhere', () => {
    const initialPutin = all.find((c) => c.doc.startsWith('000') && c.sent === 1 && c.form === 'Putin');
    expect(initialPutin?.initial).toBe(true);
    expect(all.some((c) => c.doc.startsWith('004') && c.form === 'Ruslands' && c.initial)).toBe(true);
  });

  it('finds multi-word names and their inflected forms', () => {
    expect(formsOf('000')).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong-una', 'Kimom', 'Kimovu', 'RIA Novosti', 'Sjeverne Koreje']));
    expect(formsOf('002')).toEqual(expect.arrayContaining(['Kim Jong Un', 'Coreea de Nord', 'Coreei de Sud', 'Lee Seong-kweun', 'Phenianul']));
    expect(formsOf('003')).toEqual(expect.arrayContaining(['Ким Џонг Ун', 'Владимир Путин', 'Си Џинпинг']));
    expect(formsOf('004')).toEqual(expect.arrayContaining(['Diaoyutai State Guesthouse', 'Kursk', 'Kims']));
    // A compound of a name and a common noun is no form of the name: its name is the mention.
    expect(formsOf('004')).not.toContain('Kursk-regionen');
    expect(formsOf('004')).not.toContain('Ukraine-krigen');
    expect(formsOf('002')).toContain('al Doilea Război Mondial');
    expect(formsOf('002')).not.toContain('Doilea Război Mondial');
  });

  it('types acronyms and quoted titles', () => {
    const kcna = all.filter((c) => c.form === 'КЦНА' || c.form === 'KCNA');
    expect(kcna.length).toBe(4);
    expect(kcna.every((c) => c.kind === 'acronym' && c.key === 'KCNA')).toBe(true);
    expect(all.find((c) => c.form === 'Родонг Синмун')?.kind).toBe('title');
    expect(all.find((c) => c.form === 'Victory Day')?.kind).toBe('title');
    expect(formsOf('003')).not.toContain('Синмун');
  });

  it('drops the word that opens a quotation but keeps the name after it', () => {
    const sentence = all.filter((c) => c.doc.startsWith('003') && c.form.includes('Џонг'));
    expect(sentence.map((c) => c.form)).toEqual(['Ким Џонг Ун', 'Ким Џонг Ун']);
    expect(formsOf('003')).not.toContain('Другарот Ким Џонг Ун');
  });

  it('splits runs that glue two names', () => {
    const glued = all.filter((c) => c.doc.startsWith('001') && c.sent === seeds[1]!.sentences.findIndex((s) => s.text.includes('Putin Kima')));
    expect(glued.map((c) => c.form)).toEqual(['Putin', 'Kima', 'Rusijo', 'AFP']);
    expect(formsOf('004')).not.toContain('Putin Kim');
  });

  it('skips polite pronouns capitalised by grammar', () => {
    expect(formsOf('004')).not.toContain('Deres');
    expect(formsOf('004')).not.toContain('Dem');
  });

  it('points offsets at the form in the document text', () => {
    for (const c of all) {
      const doc = seeds.find((d) => d.doc.id === c.doc)!;
      expect(doc.doc.text.slice(c.start, c.end)).toBe(c.form);
    }
  });
});

describe('extractCandidates on small documents', () => {
  it('ignores title-case headline capitals unless the word is a name elsewhere', () => {
    const doc = makeDoc('h.txt', 'en', [
      'Putin Meets Kim In Beijing For Talks About The Future',
      'Then Putin met Kim in the city.',
    ]);
    const forms = extractCandidates([doc]).map((c) => c.form);
    expect(forms).toEqual(['Putin', 'Kim', 'Putin', 'Kim']);
  });

  it('keeps a word that is usually lower case out, even if capitalised once elsewhere', () => {
    const doc = makeDoc('s.txt', 'bs', ['Samo je došao.', 'Rekao je Sam da dolazi.', 'Bio je samo jednom.', 'To je samo to.']);
    const forms = extractCandidates([doc]).map((c) => c.form);
    expect(forms).toEqual(['Sam']);
  });

  it('accepts a sentence-initial run that stands whole elsewhere', () => {
    const doc = makeDoc('k.txt', 'sl', ['Severna Koreja je poslala vojake.', 'Kim redko zapušča Severno Korejo.']);
    const forms = extractCandidates([doc]).map((c) => c.form);
    // `Kim` opens its sentence and stands nowhere else: not enough to call it a name.
    expect(forms).toEqual(['Severna Koreja', 'Severno Korejo']);
  });
});
