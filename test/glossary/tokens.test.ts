import { describe, expect, it } from 'vitest';
import { quotedSpans, tokenise } from '../../src/glossary/tokens.ts';

function inner(text: string): string[] {
  return quotedSpans(text).map((q) => text.slice(q.start, q.end));
}

describe('quotedSpans', () => {
  it('pairs the quotation marks of every seed language', () => {
    expect(inner('državnog весник „Родонг Синмун“ претежно')).toEqual(['Родонг Синмун']);
    expect(inner('i Kinas “Victory Day”-militærparade i Beijing.')).toEqual(['Victory Day']);
    expect(inner('»Rusija in Severna Koreja skupaj v boju proti sodobnemu neonacizmu«')).toEqual([
      'Rusija in Severna Koreja skupaj v boju proti sodobnemu neonacizmu',
    ]);
    expect(inner('su se "hrabri" sjevernokorejski vojnici')).toEqual(['hrabri']);
    expect(inner('Putin: ‘Modige’ nordkoreanske soldater')).toEqual(['Modige']);
  });

  it('leaves apostrophes inside words alone', () => {
    expect(inner("Martin O'Neill said")).toEqual([]);
  });
});

describe('tokenise', () => {
  it('keeps hyphenated names as one word', () => {
    expect(tokenise('lidera Kim Jong-una.').map((t) => t.text)).toEqual(['lidera', 'Kim', 'Jong-una']);
    expect(tokenise('i Ruslands Kursk-region mod').map((t) => t.text)).toEqual(['i', 'Ruslands', 'Kursk-region', 'mod']);
  });

  it('marks words capitalised by position', () => {
    const tokens = tokenise('Kasnije je Pjongjang rasporedio hiljade vojnika.');
    expect(tokens.filter((t) => t.initial).map((t) => t.text)).toEqual(['Kasnije']);
    const quoted = tokenise('dodajući: "Veoma mi je drago", objavila je agencija');
    expect(quoted.find((t) => t.text === 'Veoma')!.initial).toBe(true);
    expect(quoted.find((t) => t.text === 'objavila')!.initial).toBe(false);
    const glued = tokenise('агенција КЦНА.Ким и Путин');
    expect(glued.find((t) => t.text === 'Ким')!.initial).toBe(true);
    expect(tokenise('„La inițiativa dumneavoastră')[0]!.initial).toBe(true);
  });

  it('joins words separated by blanks only', () => {
    const tokens = tokenise('Kim, Putin in Xi Jinping');
    expect(tokens.map((t) => t.joinsNext)).toEqual([false, true, true, true, false]);
  });

  it('flags capitals and acronyms', () => {
    const [kcna, bbc, kim, word] = tokenise('КЦНА BBC-ja Kim kim');
    expect(kcna!.acronym && kcna!.capitalised).toBe(true);
    expect(bbc!.acronym).toBe(true);
    expect(kim!.acronym).toBe(false);
    expect(kim!.capitalised).toBe(true);
    expect(word!.capitalised).toBe(false);
  });
});
