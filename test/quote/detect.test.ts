// Quote detection: marks of every style, nesting, apostrophes, quotes over several sentences,
// reported speech in each language, speakers (after the quote, before it, a colon, an inflected or
// Cyrillic name, a pronoun), and the fixture event of test/fixtures/quotes against its gold.

import { describe, expect, it } from 'vitest';
import { directQuotes, reportedClause } from '../../src/quote/index.ts';
import { fixtureRun, scoreGroups, scoreQuotes } from '../helpers/quote-gold.ts';

const quotesIn = (text: string) => directQuotes(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));

describe('direct quotes', () => {
  it('are found in the marks each language uses', () => {
    expect(quotesIn('Rekao je: „Idemo dalje“ i otišao.')).toEqual(['Idemo dalje']);
    expect(quotesIn('A spus: „Mergem mai departe” și a plecat.')).toEqual(['Mergem mai departe']);
    expect(quotesIn('Je dejal: »Gremo naprej« in odšel.')).toEqual(['Gremo naprej']);
    expect(quotesIn('Han sagde: “Vi går videre” og gik.')).toEqual(['Vi går videre']);
    expect(quotesIn('Mi-a spus: «Fără voi nu reușeam», apoi a plecat.')).toEqual(['Fără voi nu reușeam']);
    expect(quotesIn("He said 'we go on' and left.")).toEqual(['we go on']);
    expect(quotesIn('Рече: „Одиме понатаму“ и си замина.')).toEqual(['Одиме понатаму']);
    expect(quotesIn('Putin: ‘Modige’ soldater')).toEqual(['Modige']);
  });

  it('hold their inner quotes, run over sentences, and leave apostrophes and unclosed marks alone', () => {
    expect(quotesIn('Dodao je: „Rekla mi je: ‚Bez vas ne bi išlo‘, i to me raduje.“')).toEqual(['Rekla mi je: ‚Bez vas ne bi išlo‘, i to me raduje.']);
    expect(quotesIn('„Ovo je važan dan. Ljudi čekaju dvadeset godina“, kazao je.')).toEqual(['Ovo je važan dan. Ljudi čekaju dvadeset godina']);
    expect(quotesIn("Kim’s visit and Putin's words, the “Victory Day”-parade.")).toEqual(['Victory Day']);
    expect(quotesIn('„Ovo ostaje otvoreno bez kraja')).toEqual([]);
  });
});

describe('reported speech', () => {
  const clause = (text: string, lang: string) => {
    const r = reportedClause(text, 0, text.length, lang);
    return r ? text.slice(r.clause.start, r.clause.end) : undefined;
  };
  it('is a speech verb and its complementiser, in each language, up to the end of the sentence', () => {
    expect(clause('Ministar je izjavio da će most biti gotov do ljeta.', 'bs')).toBe('će most biti gotov do ljeta');
    expect(clause('Minister je dejal, da bo most nared do poletja.', 'sl')).toBe('bo most nared do poletja');
    expect(clause('Ministrul a declarat luni că podul va fi gata până în vară.', 'ro')).toBe('podul va fi gata până în vară');
    expect(clause('Министерот изјави дека мостот ќе биде готов до летото.', 'mk')).toBe('мостот ќе биде готов до летото');
    expect(clause('Ministeren sagde mandag, at broen er klar til sommer.', 'da')).toBe('broen er klar til sommer');
    // a second speaker's clause is not part of the first one's
    expect(clause('Ким изјави дека земјата ќе помогне на секој начин, а Путин ги нарече врските специјални.', 'mk')).toBe('земјата ќе помогне на секој начин');
    // no speech verb, or too little reported
    expect(clause('Most je gotov da bi ljudi prešli rijeku brže.', 'bs')).toBeUndefined();
    expect(clause('Rekao je da hoće.', 'bs')).toBeUndefined();
  });
});

describe('the fixture event (five languages, test/fixtures/quotes)', () => {
  it('finds the direct quotes, the reported speech and their speakers above the targets, and groups them across the languages', async () => {
    const result = await fixtureRun();
    const scores = scoreQuotes(result.quotes!.flatMap((g) => g.members));
    expect(scores.direct.precision, scores.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(scores.direct.recall, scores.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(scores.reported.recall, scores.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
    expect(scores.speaker.accuracy, scores.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    // the quotes of one speaker, Cyrillic and inflected names resolved to one glossary entry
    const kovac = result.quotes!.flatMap((g) => g.members).filter((q) => q.speaker?.canonical === 'Ana Kovač');
    expect(new Set(kovac.map((q) => q.lang))).toEqual(new Set(['hr', 'sl', 'ro', 'mk', 'da']));
    expect(new Set(kovac.map((q) => q.speaker!.entry)).size).toBe(1);
    // groups: never two quotes of different gold quotes together, most of each quote's occurrences together
    const groups = scoreGroups(result.quotes!);
    expect(groups.precision).toBeGreaterThanOrEqual(0.95);
    expect(groups.recall).toBeGreaterThanOrEqual(0.7);
    for (const g of result.quotes!) {
      expect(new Set(g.members.map((q) => q.doc)).size).toBe(g.members.length);
      expect(new Set(g.members.map((q) => q.speaker?.entry).filter(Boolean)).size).toBeLessThanOrEqual(1);
    }
  });
});
