import { describe, expect, it } from 'vitest';
import { spelledNumbers, spelledValue } from '../../src/align/number-words.ts';
import { unmatchedNumbers } from '../../src/align/evidence.ts';
import { neutral } from '../../src/embed/lexical-features.ts';
import { NUMBERS } from '../../src/embed/lexical-lexicon.ts';

describe('numbers spelled in words', () => {
  it('reads cardinals, teens, tens and hundreds in every tuned language and script', () => {
    const value = (word: string) => spelledValue(neutral(word.toLowerCase()));
    expect(['sto', 'сто', 'hundrede', 'sută'].map(value)).toEqual([100, 100, 100, 100]);
    expect(['Osamnaest', 'osemnajst', 'осумнаесет', 'optsprezece', 'atten', 'eighteen'].map(value)).toEqual([18, 18, 18, 18, 18, 18]);
    expect(['četrdeset', 'štirideset', 'четириесет', 'patruzeci', 'fyrre', 'forty'].map(value)).toEqual([40, 40, 40, 40, 40, 40]);
    expect(['dvjesto', 'двесте', 'tristo'].map(value)).toEqual([200, 200, 300]);
  });

  it('reads ordinals, one-word compounds and compound adjectives', () => {
    const value = (word: string) => spelledValue(neutral(word.toLowerCase()));
    expect(['devetnaestog', 'četvrti', 'четврти', 'tretji', 'fjerde', 'douăsprezecea', 'doisprezecelea'].map(value)).toEqual([19, 4, 4, 3, 4, 12, 12]);
    expect(['petindvajset', 'toogfyrre', 'femoghalvtreds'].map(value)).toEqual([25, 42, 55]);
    expect(['dvadesetogodišnjeg', 'četrdesetdvogodišnji', 'petogodišnji', 'stogodišnji', 'дваесетгодишен'].map(value)).toEqual([20, 42, 5, 100, 20]);
  });

  it('reads every number word the embedder\'s lexicon reads, as the same number', () => {
    // the figure rules used the lexicon before they had words of their own: none of its forms may be lost
    for (const [value, pattern] of NUMBERS) {
      const forms = /^\^\(([a-z|]+)\)\$$/.exec(pattern.source)![1]!.split('|');
      for (const form of forms) expect(spelledValue(form), form).toBe(Number(value));
    }
  });

  it('sums and multiplies a run of number words, and keeps each word\'s own value', () => {
    expect(spelledNumbers('dvadeset i pet')).toEqual(['20', '25', '5']);
    expect(spelledNumbers('douăzeci și cinci de ani')).toEqual(['20', '25', '5']);
    expect(spelledNumbers('dvije stotine vojnika')).toEqual(['2', '200', '100']);
  });

  it('leaves out the words that mean something else: weekdays, articles, "what", "other", "new"', () => {
    for (const text of ['u četvrtak', 'во четврток', 'što je rekao', 'Што рече', 'drugi put', 'en mand og et hus', 'o casă nouă', 'un om']) expect(spelledNumbers(text), text).toEqual([]);
  });

  it('lets a figure face its words on the other side, and keeps the weekday trap a trap', () => {
    expect(unmatchedNumbers('sto posto siguran', '100 posto siguran')).toEqual([[], []]);
    expect(unmatchedNumbers('dokaz mnijenja iz devetnaestog vijeka', 'dokaz razmišljanja 19. stoljeća')).toEqual([[], []]);
    expect(unmatchedNumbers('dvadesetogodišnjeg košarkaša', '20-godišnjeg košarkaša')).toEqual([[], []]);
    expect(unmatchedNumbers('Osamnaest država', '18 stater')).toEqual([[], []]);
    // a figure the other side does not say stays unmatched
    expect(unmatchedNumbers('sto posto siguran', '99 posto siguran')).toEqual([[], ['99']]);
    // četvrti (fourth) is no figure of its own, and no Thursday
    expect(unmatchedNumbers('Ovo je njihov četvrti bilateralni sastanak.', 'Местото останува нејасно во четврток.')).toEqual([[], ['четврток']]);
  });
});
