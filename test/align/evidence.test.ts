import { describe, expect, it } from 'vitest';
import { assessLinks } from '../../src/align/assess.ts';
import { lengthDeviation } from '../../src/align/length.ts';
import { foldWindows, isHeadline, linkEvidence, NO_WINDOW, numbersOf, unmatchedNumbers, windowsOf, type EvidenceDoc } from '../../src/align/evidence.ts';
import { EQUIVALENT_FROM, kindOf, numbersDisagree } from '../../src/align/kind.ts';
import type { Link, LinkEvidence, PairAlignment } from '../../src/types.ts';

const unit = (...xs: number[]) => {
  const v = Float32Array.from(xs);
  const n = Math.hypot(...xs);
  return v.map((x) => x / n);
};

describe('link evidence', () => {
  it('reads a figure whatever its separators, and weekdays in every script', () => {
    expect(numbersOf('oko 2.000 vojnika, 2,000 ili 2 000; u 15.00 ili 15:00').map((n) => n.key)).toEqual(['2000', '2000', '2000', '15', '15']);
    // a score, a time, a fraction: two figures each, whatever joins them; leading zeros do not count
    expect(numbersOf('10:6, 10-6, 2&1').map((n) => n.key)).toEqual(['10', '6', '10', '6', '2', '1']);
    expect(numbersOf('u 09:30, ob 9.30; 1,5 ili 1.5').map((n) => n.key)).toEqual(['9', '30', '9', '30', '1', '5', '1', '5']);
    expect(numbersOf('poraz od 1:0').map((n) => n.key)).toEqual(['1', '0']);
    expect(numbersOf('u srijedu, во среда, onsdag').map((n) => n.key)).toEqual(['weekday:2', 'weekday:2', 'weekday:2']);
    // the ordinal is not the weekday it resembles
    expect(numbersOf('četvrti sastanak, четврти состанок')).toEqual([]);
    expect(numbersOf('во четврток').map((n) => n.key)).toEqual(['weekday:3']);
  });

  it('finds the figures each side lacks, once per missing occurrence', () => {
    expect(unmatchedNumbers('izgubio oko 2.000 vojnika', 'au murit 2,000 de soldați')).toEqual([[], []]);
    expect(unmatchedNumbers('izgubio oko 2.000 vojnika', 'încă 6.000 de soldați')).toEqual([['2.000'], ['6.000']]);
    expect(unmatchedNumbers('2 i 2', '2')).toEqual([['2'], []]);
    // the same quantity in other words: a score's separator, a decade, a unit the translator converted
    expect(unmatchedNumbers('prednost od 10:6', 'en føring på 10-6')).toEqual([[], []]);
    expect(unmatchedNumbers('na Yaleu 1980-ih', "på Yale i 80'erne")).toEqual([[], []]);
    expect(unmatchedNumbers('oko 130 milja obale', 'oko 210 km obale')).toEqual([[], []]);
    expect(unmatchedNumbers('1 do 4 inča kiše', '25 do 100 mm kiše')).toEqual([[], []]);
    expect(unmatchedNumbers('doseći 80 stepeni', 'ajunge la 27 de grade')).toEqual([[], []]);
    // without a unit named, a ratio near a conversion factor is a disagreement (2 against 5 soldiers)
    expect(unmatchedNumbers('ubijena su 2 vojnika', 'au murit 5 soldați')).toEqual([['2'], ['5']]);
    expect(unmatchedNumbers('oko 130 vojnika', 'oko 210 vojnika')).toEqual([['130'], ['210']]);
    // nor where both sides keep the same unit: 2 against 5 pounds is no conversion
    expect(unmatchedNumbers('kazna od 2 funte', 'o amendă de 5 lire')).toEqual([['2'], ['5']]);
    expect(unmatchedNumbers('130 milja', '210 milja')).toEqual([['130'], ['210']]);
    // a figure or a day the other side says in words; those words are no figures of their own
    expect(unmatchedNumbers('ubijena su 4 vojnika', 'au murit patru soldați')).toEqual([[], []]);
    expect(unmatchedNumbers('Glasači će u nedjelju glasati', 'Vælgerne stemmer søndag')).toEqual([[], []]);
    expect(unmatchedNumbers('u subotnjoj objavi', 'i et opslag lørdag')).toEqual([[], []]);
    expect(unmatchedNumbers('prošle nedjelje', 'sidste uge')).toEqual([[], []]);
    expect(unmatchedNumbers('u nedjelju', 'lørdag')).toEqual([[], ['lørdag']]);
    // a year is no decade of another century
    expect(unmatchedNumbers('u 1980.', 'în 81')).toEqual([['1980'], ['81']]);
  });

  it('reads a sentence in overlapping windows, a short one in halves, none for two words', () => {
    expect(windowsOf('a b c d e f g h i j')).toEqual(['a b c d e f', 'd e f g h i', 'e f g h i j']);
    expect(windowsOf('Ovo je njihov četvrti bilateralni sastanak.')).toEqual(['Ovo je njihov', 'je njihov četvrti', 'njihov četvrti bilateralni', 'četvrti bilateralni sastanak.']);
    expect(windowsOf('Kratko ovo')).toEqual([]);
  });

  it('tells a headline (no sentence punctuation, a line break after it) from a sentence', () => {
    const text = 'Putin: hrabri vojnici\nPutin je rekao da su "hrabri".\nKraj';
    expect(isHeadline({ text: 'Putin: hrabri vojnici', end: 21 }, text)).toBe(true);
    expect(isHeadline({ text: 'Putin je rekao da su "hrabri".', end: 52 }, text)).toBe(false);
    expect(isHeadline({ text: 'Kraj', end: text.length }, text)).toBe(true);
  });

  it('finds the window the other side does not say, and a headline facing a sentence', () => {
    // side a: two windows, one close to b's sentence 0, one that is what b's sentence 1 says
    const windows = [unit(1, 0, 0), unit(0, 0, 1)];
    const b = [unit(1, 0.1, 0), unit(0, 0, 1)];
    const a: EvidenceDoc = { texts: ['one two three four five six seven eight nine ten'], headline: [false] };
    const bDoc: EvidenceDoc = { texts: ['Un doi trei', 'alt'], headline: [true, false] };
    const link: Link = { src: { doc: 'a', first: 0, last: 0 }, tgt: { doc: 'b', first: 0, last: 0 }, score: 0.9, margin: 1.5, method: 'mining', status: 'auto' };
    const side = foldWindows(NO_WINDOW, windows, b[0]!, b, link.tgt);
    expect(side[0]).toBeCloseTo(0, 5); // the window (0, 0, 1) is not in b's sentence
    expect(side[1]).toBeCloseTo(-1, 5); // and it is what b's other sentence says
    const e = linkEvidence(link, a, bDoc, [side, NO_WINDOW]);
    expect(e.coverage[0]).toBeCloseTo(0, 5);
    expect(e.coverage[1]).toBe(0.9); // b has no window: its own cosine
    expect(e.relative[1]).toBe(0);
    expect(e.headline).toBe(true);
    expect(e.lengthRatio).toBeCloseTo(Math.log(a.texts[0]!.length / bDoc.texts[0]!.length), 5);
    expect(e.lengthDeviation).toBeCloseTo(lengthDeviation(a.texts[0]!.length, bDoc.texts[0]!.length), 9);
    // the documents' languages take their ratio out
    const ro = linkEvidence(link, { ...a, lang: 'hr' }, { ...bDoc, lang: 'ro' }, [side, NO_WINDOW]);
    expect(ro.lengthDeviation).toBeCloseTo(lengthDeviation(a.texts[0]!.length, bDoc.texts[0]!.length, 'hr', 'ro'), 9);
    expect(ro.lengthDeviation).not.toBeCloseTo(e.lengthDeviation, 3);
  });

  it('gives the same evidence whatever the batches the windows are embedded in', async () => {
    const texts = ['Putin je rekao da su vojnici Sjeverne Koreje bili hrabri u borbi.', 'Kim je otputovao u Peking vozom preko granice.'];
    const other = ['Putin a spus că soldații nord-coreeni au fost curajoși în luptă.', 'Kim a călătorit la Beijing cu trenul peste graniță.'];
    // a toy embedder: letter counts, normalised
    const embed = async (ts: string[]) => ts.map((t) => unit(...Array.from('aeiounrstk', (c) => 1 + t.split(c).length - 1)));
    const vectors = async (ts: string[]) => ({ vectors: await embed(ts), merged: await embed([`${ts[0]} ${ts[1]}`]) });
    const docs = [
      { id: 'bs', texts, headline: [false, false] },
      { id: 'ro', texts: other, headline: [false, false] },
    ];
    const av = new Map([
      ['bs', { id: 'bs', n: 2, ...(await vectors(texts)) }],
      ['ro', { id: 'ro', n: 2, ...(await vectors(other)) }],
    ]);
    const make = (): PairAlignment[] => [
      {
        src: 'bs',
        tgt: 'ro',
        method: 'mining',
        reason: '',
        links: [{ src: { doc: 'bs', first: 0, last: 0 }, tgt: { doc: 'ro', first: 0, last: 1 }, score: 0.8, margin: 1.4, method: 'mining', status: 'auto' }],
        below: [{ src: { doc: 'bs', first: 1, last: 1 }, tgt: { doc: 'ro', first: 1, last: 1 }, score: 0.7, margin: 1.1, method: 'mining', status: 'auto' }],
        rejected: [],
      },
    ];
    const [one, many] = [make(), make()];
    await assessLinks(docs, one, av, embed);
    await assessLinks(docs, many, av, embed, 1);
    expect(many[0]!.links[0]!.evidence).toEqual(one[0]!.links[0]!.evidence);
    expect(many[0]!.below[0]!.evidence).toEqual(one[0]!.below[0]!.evidence);
    expect(one[0]!.links[0]!.evidence!.coverage[0]).toBeLessThanOrEqual(0.8);
  });
});

describe('link kind', () => {
  const evidence = (over: Partial<LinkEvidence> = {}): LinkEvidence => ({ coverage: [0.5, 0.5], relative: [0.1, 0.1], lengthRatio: 0, lengthDeviation: 0, unmatchedNumbers: [[], []], headline: false, ...over });
  const link = (confidence: number, e: LinkEvidence): Link => ({ src: { doc: 'a', first: 0, last: 0 }, tgt: { doc: 'b', first: 0, last: 0 }, score: 0.5, margin: 1.4, confidence, evidence: e, method: 'mining', status: 'auto' });

  it('is equivalent from the confidence EQUIVALENT_FROM on, when no guard says otherwise', () => {
    expect(kindOf(link(EQUIVALENT_FROM, evidence()))).toBe('equivalent');
    expect(kindOf(link(EQUIVALENT_FROM - 0.01, evidence()))).toBe('related');
  });

  it('is related when figures disagree or a headline faces a sentence, whatever the confidence', () => {
    const disagree = evidence({ unmatchedNumbers: [['2.000'], ['6.000']] });
    expect(numbersDisagree(disagree)).toBe(true);
    expect(kindOf(link(0.99, disagree))).toBe('related');
    expect(kindOf(link(0.99, evidence({ headline: true })))).toBe('related');
    // a figure on one side only may be spelled out on the other: no guard
    expect(kindOf(link(0.99, evidence({ unmatchedNumbers: [['100'], []] })))).toBe('equivalent');
  });
});

describe('a confirmed link', () => {
  it('is equivalent whatever its evidence: confirming is what the confidence estimates', () => {
    const e: LinkEvidence = { coverage: [0, 0], relative: [-1, -1], lengthRatio: 1, lengthDeviation: 4, unmatchedNumbers: [['1'], ['2']], headline: true };
    const l: Link = { src: { doc: 'a', first: 0, last: 0 }, tgt: { doc: 'b', first: 0, last: 0 }, score: 0.1, margin: 1, confidence: 0.01, evidence: e, method: 'mining', status: 'confirmed' };
    expect(kindOf(l)).toBe('equivalent');
    expect(kindOf({ ...l, status: 'auto' })).toBe('related');
  });
});
