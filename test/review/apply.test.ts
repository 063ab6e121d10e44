import { describe, expect, it } from 'vitest';
import type { AlignDoc } from '../../src/align/index.ts';
import { applyGlossaryDecisions } from '../../src/review/apply-glossary.ts';
import { applyLinkDecisions } from '../../src/review/apply-links.ts';
import { annotateKinds, kindOf } from '../../src/align/kind.ts';
import type { EntryDecision, LinkDecision } from '../../src/review/decision.ts';
import { spanFinder } from '../../src/review/find-span.ts';
import { spanScorer, type SpanScorer } from '../../src/review/score-span.ts';
import type { GlossaryEntry, Link, PairAlignment, Segmented, Span } from '../../src/types.ts';

function doc(id: string, sentences: string[]): Segmented {
  let at = 0;
  const sents = sentences.map((text, index) => {
    const s = { doc: id, index, start: at, end: at + text.length, text };
    at += text.length + 1;
    return s;
  });
  const text = sentences.join(' ');
  return {
    doc: { id, path: id, text, sha256: '', bytes: text.length, meta: {}, body: [{ start: 0, end: text.length }], removed: [] },
    lang: { code: 'bs', script: 'Latn', source: 'override', franc: 'bos', confidence: 1 },
    sentences: sents,
  };
}

const A = doc('a.txt', ['Kim je stigao.', 'Putin je rekao\nda je sve u redu.', 'Parada je bila velika.', 'Kraj.']);
const B = doc('b.txt', ['Kim ankom.', 'Putin sagde, at alt var fint.', 'Paraden var stor.', 'Slut.']);
const C = doc('c.txt', ['Kim a sosit.', 'Sfârșit.']);
const DOCS = [A, B, C];

const sp = (d: string, first: number, last = first): Span => ({ doc: d, first, last });
const lk = (src: Span, tgt: Span, margin: number): Link => ({ src, tgt, score: margin / 4, margin, method: 'mining', status: 'auto' });
// A fixed scorer: the decisions logic under test must take its numbers for links it adds.
const scorer: SpanScorer = (s, t) => ({ score: 0.01 * (s.first + 1), margin: 0.1 * (t.first + 1) });

function pairs(): PairAlignment[] {
  return [
    { src: 'a.txt', tgt: 'b.txt', method: 'mining', reason: '', links: [lk(sp('a.txt', 0), sp('b.txt', 0), 2), lk(sp('a.txt', 2), sp('b.txt', 2), 1.5)], below: [lk(sp('a.txt', 1), sp('b.txt', 1), 1.1)], rejected: [] },
    { src: 'a.txt', tgt: 'c.txt', method: 'mining', reason: '', links: [], below: [], rejected: [] },
    { src: 'b.txt', tgt: 'c.txt', method: 'mining', reason: '', links: [], below: [], rejected: [] },
  ];
}

function decision(status: LinkDecision['status'], src: [string, string], tgt: [string, string], sent?: string): LinkDecision {
  return { kind: 'link', status, src: { doc: src[0], text: src[1], ...(sent ? { sent } : {}) }, tgt: { doc: tgt[0], text: tgt[1] }, source: 'r.csv', at: '' };
}

describe('spanFinder', () => {
  const find = spanFinder(DOCS);
  it('finds one sentence or consecutive sentences by their whitespace-normalised text', () => {
    expect(find({ doc: 'a.txt', text: 'Putin je rekao da je sve u redu.' })).toEqual(sp('a.txt', 1));
    expect(find({ doc: 'a.txt', text: 'Parada je bila velika. Kraj.' })).toEqual(sp('a.txt', 2, 3));
    expect(find({ doc: 'a.txt', text: 'Parada je bila' })).toBeUndefined();
    expect(find({ doc: 'x.txt', text: 'Kraj.' })).toBeUndefined();
  });
  it('prefers the index the file gave when a text occurs twice', () => {
    const twice = spanFinder([doc('d.txt', ['Da.', 'Ne.', 'Da.'])]);
    expect(twice({ doc: 'd.txt', text: 'Da.' })).toEqual(sp('d.txt', 0));
    expect(twice({ doc: 'd.txt', text: 'Da.', sent: '2' })).toEqual(sp('d.txt', 2));
  });
});

describe('applyLinkDecisions', () => {
  it('moves a rejected link out of the accepted ones, status rejected, scores kept', () => {
    const r = applyLinkDecisions(pairs(), DOCS, [decision('rejected', ['b.txt', 'Kim ankom.'], ['a.txt', 'Kim je stigao.'])], scorer);
    const ab = r.pairs[0]!;
    expect(ab.links.map((l) => l.src.first)).toEqual([2]);
    expect(ab.rejected).toEqual([{ ...lk(sp('a.txt', 0), sp('b.txt', 0), 2), status: 'rejected' }]);
    expect(r.applied).toEqual({ confirmed: 0, rejected: 1, added: 0, raised: 0, above: 0, kindRelated: 0, kindEquivalent: 0 });
  });

  it('accepts a confirmed candidate from below the threshold, and adds a link the aligner never proposed, scored', () => {
    const r = applyLinkDecisions(
      pairs(),
      DOCS,
      [
        decision('confirmed', ['a.txt', 'Putin je rekao da je sve u redu.'], ['b.txt', 'Putin sagde, at alt var fint.']),
        decision('confirmed', ['c.txt', 'Kim a sosit.'], ['a.txt', 'Kim je stigao.']),
        decision('confirmed', ['a.txt', 'Parada je bila velika.'], ['b.txt', 'Paraden var stor.']),
      ],
      scorer,
    );
    const [ab, ac] = r.pairs;
    expect(ab!.below).toEqual([]);
    expect(ab!.links.map((l) => [l.src.first, l.status, l.margin])).toEqual([
      [0, 'auto', 2],
      [1, 'confirmed', 1.1],
      [2, 'confirmed', 1.5],
    ]);
    // oriented as the pair is (a.txt → c.txt), numbers from the scorer
    expect(ac!.links).toEqual([{ src: sp('a.txt', 0), tgt: sp('c.txt', 0), score: 0.01, margin: 0.1, method: 'mining', status: 'confirmed' }]);
    expect(r.applied).toEqual({ confirmed: 3, rejected: 0, added: 1, raised: 1, above: 1, kindRelated: 0, kindEquivalent: 0 });
    // the input is left as it was
    expect(pairs()[0]!.below).toHaveLength(1);
  });

  it('reports a decision whose document or sentence this run does not have as orphaned', () => {
    const r = applyLinkDecisions(
      pairs(),
      DOCS,
      [decision('rejected', ['a.txt', 'Kim je stigao u Peking.'], ['b.txt', 'Kim ankom.']), decision('confirmed', ['z.txt', 'Kraj.'], ['b.txt', 'Slut.'])],
      scorer,
    );
    expect(r.orphaned).toHaveLength(2);
    expect(r.orphaned[0]).toMatch(/\(rejected\): no sentence of a\.txt reads like that in this run/);
    expect(r.orphaned[1]).toMatch(/\(confirmed\): document z\.txt is not in this run/);
    expect(r.pairs[0]!.links).toHaveLength(2);
  });
});

describe('a link kind a reviewer set', () => {
  const related = (src: [string, string], tgt: [string, string]): LinkDecision => ({ ...decision('confirmed', src, tgt), linkKind: 'related' });

  it('keeps the link as confirmed and related, as the reviewer set it, and counts it', () => {
    const r = applyLinkDecisions(
      pairs(),
      DOCS,
      [
        related(['a.txt', 'Kim je stigao.'], ['b.txt', 'Kim ankom.']), // accepted by the aligner
        related(['a.txt', 'Putin je rekao da je sve u redu.'], ['b.txt', 'Putin sagde, at alt var fint.']), // from below the threshold
        { ...decision('confirmed', ['a.txt', 'Parada je bila velika.'], ['b.txt', 'Paraden var stor.']), linkKind: 'equivalent' },
      ],
      scorer,
    );
    const ab = r.pairs[0]!;
    expect(ab.links.map((l) => [l.src.first, l.status, l.kind, l.kindBy])).toEqual([
      [0, 'confirmed', 'related', 'reviewer'],
      [1, 'confirmed', 'related', 'reviewer'],
      [2, 'confirmed', undefined, undefined],
    ]);
    expect(r.applied).toEqual({ confirmed: 3, rejected: 0, added: 0, raised: 1, above: 2, kindRelated: 2, kindEquivalent: 1 });
    // the kinds the run then gives: the reviewer's related stays, whatever the confidence; a confirmed link is equivalent
    for (const l of ab.links) l.confidence = 0.99;
    annotateKinds(r.pairs);
    expect(ab.links.map((l) => l.kind)).toEqual(['related', 'related', 'equivalent']);
    expect(kindOf({ ...ab.links[0]!, confidence: 0.99 })).toBe('related');
  });
});

describe('spanScorer', () => {
  const unit = (...xs: number[]) => {
    const n = Math.hypot(...xs);
    return Float32Array.from(xs.map((x) => x / n));
  };
  const alignDoc = (id: string, vs: Float32Array[]): AlignDoc => ({
    id,
    n: vs.length,
    vectors: vs,
    merged: vs.slice(1).map((v, i) => unit(...v.map((x, k) => x + vs[i]![k]!))),
  });
  const a = alignDoc('a.txt', [unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1), unit(1, 1, 0)]);
  const b = alignDoc('b.txt', [unit(1, 0.1, 0), unit(0, 1, 0.1), unit(0.1, 0, 1), unit(1, 1, 1)]);
  const score = spanScorer([a, b]);

  it('gives the cosine of one sentence to one sentence and a margin above 1 for a clear match', () => {
    const s = score(sp('a.txt', 0), sp('b.txt', 0));
    expect(s.score).toBeCloseTo(1 / Math.hypot(1, 0.1), 5);
    expect(s.margin).toBeGreaterThan(1);
    expect(score(sp('a.txt', 0), sp('b.txt', 1)).score).toBeCloseTo(0, 5);
  });

  it('scores a span of three sentences by its mean vector', () => {
    const s = score(sp('a.txt', 0, 2), sp('b.txt', 3));
    expect(s.score).toBeCloseTo(1, 1);
    expect(Number.isFinite(s.margin)).toBe(true);
  });
});

describe('applyGlossaryDecisions', () => {
  const entry = (id: string, canonical: string, forms: Record<string, string[]>): GlossaryEntry => ({
    id,
    type: 'person',
    canonical,
    variants: Object.fromEntries(Object.entries(forms).map(([l, fs]) => [l, fs.map((form) => ({ form, count: 1 }))])),
    mentions: [],
    docs: ['a.txt'],
    example: { doc: 'a.txt', sent: 0, text: 'Kim je stigao.' },
  });
  const entries = [entry('e0001', 'Kim Jong-un', { bs: ['Kim', 'Kimom'], mk: ['Ким'] }), entry('e0002', 'Dana', { bs: ['Dana'] }), entry('e0003', 'Peking', { bs: ['Peking'] })];
  const d = (status: EntryDecision['status'], variants: string[], canonical: string, source = 'g.csv'): EntryDecision => ({ kind: 'entry', status, variants, canonical, source, at: '' });

  it('rejects an entry, keeps one under the reviewer’s canonical form, and finds an entry that gained a variant since', () => {
    const r = applyGlossaryDecisions(entries, [d('keep', ['Kim', 'Ким'], 'Kim Jong Un'), d('reject', ['Dana'], 'Dana')]);
    expect(r.glossary.map((e) => [e.id, e.canonical, e.status])).toEqual([
      ['e0001', 'Kim Jong Un', 'keep'],
      ['e0003', 'Peking', undefined],
    ]);
    expect(r.rejected.map((e) => [e.id, e.status])).toEqual([['e0002', 'reject']]);
    expect(r.applied).toEqual({ kept: 1, rejectedEntries: 1, canonical: 1, retyped: 0 });
    expect(r.orphaned).toEqual([]);
    // the kept entry has gained `Kimom` since the decision: the report says so
    expect(r.conflicts).toEqual([expect.stringMatching(/^e0001: the decision on glossary entry "Kim Jong Un" .*\(keep\) was applied to an entry that has gained forms since: Kimom;/)]);
  });

  it('does not attach a decision on a one-form entry to a later entry that merged many forms around it', () => {
    const merged = entry('e0004', 'China', { en: ['China'], da: ['Kina', 'Kinas'], sl: ['Kitajskem'] });
    const r = applyGlossaryDecisions([merged], [d('keep', ['Kina'], 'Kina'), d('reject', ['Kina'], 'Kina', 'h.csv')]);
    expect(r.glossary.map((e) => [e.id, e.canonical, e.status])).toEqual([['e0004', 'China', undefined]]);
    expect(r.rejected).toEqual([]);
    expect(r.orphaned).toHaveLength(2);
    // half of both: {Kina} still names {Kina, Kinas}, and the report says it gained a form
    const small = entry('e0005', 'Kina', { da: ['Kina', 'Kinas'] });
    const s = applyGlossaryDecisions([small], [d('reject', ['Kina'], 'Kina')]);
    expect(s.rejected.map((e) => e.id)).toEqual(['e0005']);
    expect(s.conflicts).toEqual([expect.stringMatching(/^e0005: .*gained forms since: Kinas;/)]);
  });

  it('leaves a decision that shares less than half its forms with every entry orphaned', () => {
    const r = applyGlossaryDecisions(entries, [d('reject', ['Pjongjang', 'Pyongyang', 'Peking'], 'Pyongyang')]);
    expect(r.orphaned).toHaveLength(1);
    expect(r.glossary).toHaveLength(3);
  });

  it('reports two rows of one file that name the same entry differently, and applies the later one', () => {
    const r = applyGlossaryDecisions(entries, [d('keep', ['Kim', 'Kimom'], 'Kim'), d('reject', ['Kim', 'Ким'], 'Kim')]);
    const twice = r.conflicts.filter((c) => c.includes('two decisions'));
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatch(/^e0001: two decisions from g\.csv name this entry/);
    expect(r.rejected.map((e) => e.id)).toEqual(['e0001']);
  });
});
