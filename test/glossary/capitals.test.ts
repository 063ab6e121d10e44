import { describe, expect, it } from 'vitest';
import { capitalEvidence, dropWeakWords } from '../../src/glossary/capitals.ts';
import { analyse, capitalisedRuns, keyMemo } from '../../src/glossary/runs.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const JOINERS = new Set(['de']);

/** The pieces left of every run of every sentence, after dropping unconfirmed capitals. */
function kept(lang: string, sentences: string[]): string[][] {
  const doc = makeDoc('x.txt', lang, sentences);
  const keyOf = keyMemo();
  const contexts = doc.sentences.map((s) => analyse(0, doc, s, 0.7, keyOf));
  const runs = contexts.map((c) => capitalisedRuns(c, new Set(), JOINERS));
  const evidence = capitalEvidence(contexts, runs);
  return contexts.map((c, k) => runs[k]!.flatMap((r) => dropWeakWords(c, r, evidence, JOINERS)).map((p) => p.map((i) => c.tokens[i]!.text).join(' ')));
}

describe('dropWeakWords', () => {
  it('drops a sentence-initial word never capitalised elsewhere, keeps a confirmed one', () => {
    expect(kept('bs', ['Kasnije je Pjongjang rasporedio vojnike.', 'Pjongjang je izgubio vojnike.', 'Tada je Pjongjang šutio.'])).toEqual([
      ['Pjongjang'],
      ['Pjongjang'],
      ['Pjongjang'],
    ]);
  });

  it('confirms by key, so an inflected form at the start counts', () => {
    expect(kept('sl', ['Putinu je predlagal sodelovanje.', 'Kim se je zahvalil Putinu.'])[0]).toEqual(['Putinu']);
    expect(kept('sl', ['Putinu je predlagal sodelovanje.', 'Kim se je zahvalil Putinom.'])[0]).toEqual(['Putinu']);
  });

  it('does not let a word that is mostly lower case be confirmed', () => {
    expect(kept('da', ['Det var godt.', 'Han gik til Det Hvide Hus.', 'Det er sandt.', 'Ja, det er det.'])[0]).toEqual([]);
  });

  it('leaves a title out of the name it stands before, at the start of a sentence or capitalised mid-sentence', () => {
    expect(kept('hr', ['Predsjednik Donald Trump započinje kampanju.', 'Američki Predsjednik Donald Trump se u srijedu osvrnuo na plaćeni dodatak novina.', 'Kampanju vodi Trump.'])).toEqual([
      ['Donald Trump'],
      ['Donald Trump'],
      ['Trump'],
    ]);
    // Before a single word a title-like word may be the name's own (`Premier League`).
    expect(kept('hr', ['Momčad od ove sezone igra u engleskoj ligi koja se zove Premier League.'])[0]).toEqual(['Premier League']);
  });

  it('keeps an acronym before a full name apart from it, and with a single word', () => {
    expect(kept('sr-Latn', ['Državni sekretar SAD Majk Pompeo je u srijedu doputovao u posjetu.'])[0]).toEqual(['SAD', 'Majk Pompeo']);
    expect(kept('da', ['Det oplyser kanalen, som hedder BBC News, i en udtalelse.'])[0]).toEqual(['BBC News']);
  });

  it('cuts the opening word of a quotation from the name after it', () => {
    expect(kept('mk', ['„Другарот Ким Џонг Ун и претседателот разговараа.“', 'Лидерот Ким Џонг Ун изјави.'])[0]).toEqual(['Ким Џонг Ун']);
  });

  it('keeps acronyms at the start of a sentence, but not in an all-capitals line', () => {
    expect(kept('da', ['KCNA meddelte det.', 'KRIG'])).toEqual([['KCNA'], []]);
  });
});
