import { describe, expect, it } from 'vitest';
import { isHeadline, linkEvidence, numbersOf, unmatchedNumbers, windowsOf, type EvidenceDoc } from '../../src/align/evidence.ts';
import { EQUIVALENT_FROM, kindOf, numbersDisagree } from '../../src/align/kind.ts';
import type { Link, LinkEvidence } from '../../src/types.ts';

const unit = (...xs: number[]) => {
  const v = Float32Array.from(xs);
  const n = Math.hypot(...xs);
  return v.map((x) => x / n);
};

describe('link evidence', () => {
  it('reads a figure whatever its separators, and weekdays in every script', () => {
    expect(numbersOf('oko 2.000 vojnika, 2,000 ili 2 000; u 15.00 ili 15:00').map((n) => n.key)).toEqual(['2000', '2000', '2000', '1500', '1500']);
    expect(numbersOf('u srijedu, во среда, onsdag').map((n) => n.key)).toEqual(['weekday:2', 'weekday:2', 'weekday:2']);
    // the ordinal is not the weekday it resembles
    expect(numbersOf('četvrti sastanak, четврти состанок')).toEqual([]);
    expect(numbersOf('во четврток').map((n) => n.key)).toEqual(['weekday:3']);
  });

  it('finds the figures each side lacks, once per missing occurrence', () => {
    expect(unmatchedNumbers('izgubio oko 2.000 vojnika', 'au murit 2,000 de soldați')).toEqual([[], []]);
    expect(unmatchedNumbers('izgubio oko 2.000 vojnika', 'încă 6.000 de soldați')).toEqual([['2.000'], ['6.000']]);
    expect(unmatchedNumbers('2 i 2', '2')).toEqual([['2'], []]);
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
    // side a: two windows, one close to b, one far from it
    const a: EvidenceDoc = { texts: ['one two three four five six seven eight nine ten'], headline: [false], windows: [[unit(1, 0, 0), unit(0, 0, 1)]], vectors: [unit(1, 0, 0.3)] };
    const b: EvidenceDoc = { texts: ['Un doi trei', 'alt'], headline: [true, false], windows: [[], []], vectors: [unit(1, 0.1, 0), unit(0, 0, 1)] };
    const link: Link = { src: { doc: 'a', first: 0, last: 0 }, tgt: { doc: 'b', first: 0, last: 0 }, score: 0.9, margin: 1.5, method: 'mining', status: 'auto' };
    const e = linkEvidence(link, a, b, (s) => (s.doc === 'a' ? a.vectors[s.first]! : b.vectors[s.first]!));
    expect(e.coverage[0]).toBeCloseTo(0, 5); // the window (0, 0, 1) is not in b's sentence
    expect(e.coverage[1]).toBe(0.9); // b has no window: its own cosine
    expect(e.relative[0]).toBeCloseTo(-1, 5); // and it is what b's other sentence says
    expect(e.headline).toBe(true);
    expect(e.lengthRatio).toBeCloseTo(Math.log(a.texts[0]!.length / b.texts[0]!.length), 5);
  });
});

describe('link kind', () => {
  const evidence = (over: Partial<LinkEvidence> = {}): LinkEvidence => ({ coverage: [0.5, 0.5], relative: [0.1, 0.1], lengthRatio: 0, unmatchedNumbers: [[], []], headline: false, ...over });
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
    const e: LinkEvidence = { coverage: [0, 0], relative: [-1, -1], lengthRatio: 1, unmatchedNumbers: [['1'], ['2']], headline: true };
    const l: Link = { src: { doc: 'a', first: 0, last: 0 }, tgt: { doc: 'b', first: 0, last: 0 }, score: 0.1, margin: 1, confidence: 0.01, evidence: e, method: 'mining', status: 'confirmed' };
    expect(kindOf(l)).toBe('equivalent');
    expect(kindOf({ ...l, status: 'auto' })).toBe('related');
  });
});
