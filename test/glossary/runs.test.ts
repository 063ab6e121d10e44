import { describe, expect, it } from 'vitest';
import { analyse, capitalisedRuns, keyMemo, pieceKey, titlePieces } from '../../src/glossary/runs.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const JOINERS = new Set(['de', 'al', 'van']);

function context(lang: string, text: string) {
  const doc = makeDoc('x.txt', lang, [text]);
  return analyse(0, doc, doc.sentences[0]!, 0.7, keyMemo());
}

function runs(lang: string, text: string): string[] {
  const c = context(lang, text);
  const titles = titlePieces(c, JOINERS, 6);
  return capitalisedRuns(c, titles.used, JOINERS).map((r) => r.map((i) => c.tokens[i]!.text).join(' '));
}

describe('capitalisedRuns', () => {
  it('joins capitalised words and single joiners, and stops at punctuation', () => {
    expect(runs('ro', 'Coreea de Nord a trimis soldați, a declarat Lee Seong-kweun.')).toEqual(['Coreea de Nord', 'Lee Seong-kweun']);
    expect(runs('sl', 'Prvič so se srečali Kim, Putin in Xi Jinping.')).toEqual(['Prvič', 'Kim', 'Putin', 'Xi Jinping']);
  });

  it('skips polite pronouns and one-letter words', () => {
    expect(runs('da', '“På Deres initiativ deltog Deres specialstyrker”, sagde Putin.')).toEqual(['På', 'Putin']);
    expect(runs('bs', 'U Beogradu je bio.')).toEqual(['Beogradu']);
  });

  it('leaves the words of a quoted title out of the runs', () => {
    expect(runs('mk', 'изданието на весникот „Родонг Синмун“ ја објави посетата на Ким.')).toEqual(['Ким']);
  });
});

describe('titlePieces', () => {
  it('takes short capitalised quotations only', () => {
    const c = context('da', 'i Kinas “Victory Day”-militærparade, med “hele det nordkoreanske folk”.');
    const titles = titlePieces(c, JOINERS, 6).pieces.map((p) => p.tokens.map((i) => c.tokens[i]!.text).join(' '));
    expect(titles).toEqual(['Victory Day']);
  });
});

describe('analyse', () => {
  it('tells title-case and all-capitals headlines from sentences', () => {
    expect(context('en', 'Putin Meets Kim In Beijing For Talks').headline).toBe(true);
    expect(context('da', 'KRIG').headline).toBe(true);
    expect(context('bs', 'Putin je rekao da su veze između Rusije i Sjeverne Koreje dobre.').headline).toBe(false);
  });

  it('keys capitalised words only', () => {
    const c = context('bs', 'Razgovor s Putinom trajao je dugo.');
    expect(c.keys).toEqual(['razgovor', '', 'putin', '', '', '']);
    expect(pieceKey(c, [2])).toBe('putin');
  });
});
