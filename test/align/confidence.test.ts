import { describe, expect, it } from 'vitest';
import { annotateConfidence, CONFIDENCE_MODELS, DEVIATION_CAP, confidenceModelFor, headlineCeiling, linkFeatures, logistic, similarityCeiling, witnessCounts } from '../../src/align/confidence.ts';
import { annotateKinds } from '../../src/align/kind.ts';
import type { Link, PairAlignment, Span } from '../../src/types.ts';

const span = (doc: string, first: number, last = first): Span => ({ doc, first, last });
const link = (src: Span, tgt: Span, margin: number, method: Link['method'] = 'mining'): Link => ({ src, tgt, score: 0.4, margin, method, status: 'auto' });
const pair = (src: string, tgt: string, links: Link[], below: Link[] = []): PairAlignment => ({ src, tgt, method: 'mining', reason: '', links, below, rejected: [] });

describe('link confidence', () => {
  it('counts as witnesses the third documents where both spans are linked to one span', () => {
    const ab = link(span('A', 0), span('B', 0), 1.3);
    const pairs = [
      pair('A', 'B', [ab]),
      pair('A', 'C', [link(span('A', 0), span('C', 4), 1.5)]),
      pair('B', 'C', [link(span('B', 0), span('C', 4), 1.5)]),
      // D: both spans linked into D, but to different spans of it, so D does not confirm
      pair('A', 'D', [link(span('A', 0), span('D', 1), 1.5)]),
      pair('B', 'D', [link(span('B', 0), span('D', 2), 1.5)]),
    ];
    expect(witnessCounts(pairs)(ab)).toBe(1);
  });

  it('rises with the margin and with witnesses, and is a probability', () => {
    const model = confidenceModelFor('static+lexical');
    const at = (margin: number, witnesses: number, method: Link['method'] = 'mining') =>
      logistic(model[method], linkFeatures(link(span('A', 0), span('B', 0), margin, method), witnesses, 7));
    for (const method of ['ordered', 'mining'] as const) {
      expect(at(1.6, 0, method)).toBeGreaterThan(at(1.2, 0, method));
      expect(at(1.2, 2, method)).toBeGreaterThan(at(1.2, 0, method));
      for (const m of [0.5, 1, 1.5, 3]) expect(at(m, 1, method)).toBeGreaterThan(0), expect(at(m, 1, method)).toBeLessThan(1);
    }
    // an ordered merge (two sentences on one side) is right less often than a 1:1 link of the same
    // margin; a mined merge is told by its length deviation instead (its own weight fits a tenth of the ordered one)
    const merged = logistic(model.ordered, linkFeatures(link(span('A', 0, 1), span('B', 0), 1.4, 'ordered'), 0, 7));
    expect(merged).toBeLessThan(at(1.4, 0, 'ordered'));
  });

  it('falls as the sides\' lengths part further than a translation\'s would (a clause lost or added)', () => {
    const evidence = (lengthDeviation: number): NonNullable<Link['evidence']> => ({ coverage: [0.2, 0.2], relative: [0, 0], lengthRatio: 0.1, lengthDeviation, unmatchedNumbers: [[], []], headline: false });
    for (const kind of ['static+lexical', 'lexical']) {
      const model = confidenceModelFor(kind);
      for (const method of ['ordered', 'mining'] as const) {
        const at = (deviation: number) => logistic(model[method], linkFeatures({ ...link(span('A', 0), span('B', 0), 1.5, method), evidence: evidence(deviation) }, 1, 7));
        expect(at(0.5)).toBeGreaterThan(at(1.5));
        expect(at(1.5)).toBeGreaterThan(at(2.5));
        // read up to the cap
        expect(at(DEVIATION_CAP + 5)).toBeCloseTo(at(DEVIATION_CAP), 9);
      }
    }
  });

  it('gives a headline facing a sentence no chance of being equivalent, however alike the two are', () => {
    const evidence = (headline: boolean): NonNullable<Link['evidence']> => ({ coverage: [0.3, 0.3], relative: [0.05, 0.05], lengthRatio: 0.05, lengthDeviation: 0.2, unmatchedNumbers: [[], []], headline });
    for (const method of ['ordered', 'mining'] as const) {
      const sentence = { ...link(span('A', 0), span('B', 0), 2, method), evidence: evidence(false) };
      const headline = { ...link(span('A', 1), span('B', 1), 2, method), evidence: evidence(true) };
      const pairs = [pair('A', 'B', [sentence, headline])];
      annotateConfidence(pairs, 2, confidenceModelFor('static+lexical'));
      expect(sentence.confidence).toBeGreaterThan(0.9);
      expect(headline.confidence).toBe(0);
      expect(headlineCeiling(headline)).toBe(0);
      expect(headlineCeiling({})).toBe(1);
    }
  });

  it('is set on every link of the run, candidates included, and the embedder kind picks the weights', () => {
    const pairs = [pair('A', 'B', [link(span('A', 0), span('B', 0), 1.5)], [link(span('A', 1), span('B', 2), 1.1)])];
    annotateConfidence(pairs, 2, confidenceModelFor('lexical'));
    for (const l of [...pairs[0]!.links, ...pairs[0]!.below]) expect(l.confidence).toBeGreaterThan(0);
    expect(pairs[0]!.links[0]!.confidence).toBeGreaterThan(pairs[0]!.below[0]!.confidence!);
    expect(confidenceModelFor('transformers')).toBe(CONFIDENCE_MODELS.lexical);
  });

  it('falls with the absolute similarity: a link unlike anything is not believed, however it stands out', () => {
    const model = confidenceModelFor('static+lexical');
    const ramp = model.similarity!;
    expect(similarityCeiling(ramp.lo - 0.05, ramp)).toBe(0);
    expect(similarityCeiling(ramp.hi, ramp)).toBe(1);
    expect(similarityCeiling((ramp.lo + ramp.hi) / 2, ramp)).toBeCloseTo(0.5, 6);
    // score 0.026 with a margin that would read as High (a Japanese article among the seeds)
    const far = { ...link(span('A', 0), span('J', 0), 2.5), score: 0.026 };
    const near = link(span('A', 1), span('J', 1), 2.5);
    const pairs = [pair('A', 'J', [far, near])];
    annotateConfidence(pairs, 2, model);
    expect(far.confidence).toBe(0);
    expect(near.confidence).toBeGreaterThan(0.9);
    annotateKinds(pairs);
    expect([far.kind, near.kind]).toEqual(['related', 'equivalent']);
    // a document in a language outside the tuned set: related, so no translation memory takes it by default
    annotateKinds(pairs, new Set(['J']));
    expect([far.kind, near.kind]).toEqual(['related', 'related']);
  });
});
