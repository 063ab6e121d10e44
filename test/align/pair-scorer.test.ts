import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMarginContext } from '../../src/align/margin.ts';
import { alignPair } from '../../src/align/pair.ts';
import { candidatePairs, PAIR_FEATURES, relinkPair, rescorePair, selectPairs, SCORER_CANDIDATES, type ScoredPair } from '../../src/align/pair-scorer.ts';
import { wordBag } from '../../src/align/word-match.ts';
import { PAIR_SCORER_FILE, readPairScorer } from '../../src/embed/static/model-files.ts';
import { SHIPPED_MODEL_DIR } from '../../src/embed/static.ts';
import type { Link, PairAlignment } from '../../src/types.ts';
import { LEXICAL, report, source, World } from './synthetic.ts';

const scored = (i: number, j: number, p: number): ScoredPair => ({ i, j, cosine: 0.5, margin: 1.1, x: [], p });
const link = (i: number, j: number, margin = 1.5, lastI = i): Link => ({
  src: { doc: 'a', first: i, last: lastI },
  tgt: { doc: 'b', first: j, last: j },
  score: 0.6,
  margin,
  method: 'mining',
  status: 'auto',
});

describe('selectPairs', () => {
  it('takes pairs by probability, highest first, one per sentence, down to the threshold', () => {
    const pairs = [scored(0, 0, 0.9), scored(0, 1, 0.95), scored(1, 1, 0.8), scored(1, 2, 0.6), scored(2, 3, 0.3)];
    expect(selectPairs(pairs, 0.5).map((p) => [p.i, p.j])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('leaves the sentences it is told are taken', () => {
    expect(selectPairs([scored(0, 0, 0.9), scored(1, 1, 0.8)], 0.5, new Set([0])).map((p) => [p.i, p.j])).toEqual([[1, 1]]);
  });
});

describe('relinkPair', () => {
  // the model reads one feature: x[1] is the probability's log-odds
  const model = { weights: [0, 1], accept: 0.5 };
  const x = (logOdds: number) => [1, logOdds];
  const pair: PairAlignment = { src: 'a', tgt: 'b', method: 'mining', reason: '', links: [link(0, 0), link(2, 3, 1.4, 3)], below: [link(4, 4, 1.1), link(5, 6, 1.0)], rejected: [] };

  it('keeps every link margin mining accepted and adds the accepted pairs on free sentences', () => {
    const candidates: ScoredPair[] = [
      { i: 0, j: 0, cosine: 0.8, margin: 1.5, x: x(4), p: 0 }, // margin mining's link, read too
      { i: 0, j: 1, cosine: 0.7, margin: 1.3, x: x(3), p: 0 }, // sentence 0 is linked already
      { i: 4, j: 4, cosine: 0.5, margin: 1.1, x: x(2), p: 0 }, // a candidate below, now linked
      { i: 5, j: 6, cosine: 0.4, margin: 1.0, x: x(-2), p: 0 }, // stays below
      { i: 1, j: 2, cosine: 0.45, margin: 1.05, x: x(1), p: 0 }, // none of margin mining's: linked
    ];
    const out = relinkPair(pair, candidates, model);
    expect(out.links.map((l) => [l.src.first, l.src.last, l.tgt.first, l.addedByScorer === true])).toEqual([
      [0, 0, 0, false],
      [1, 1, 2, true],
      [2, 3, 3, false],
      [4, 4, 4, true],
    ]);
    // every 1:1 link the scorer read carries its probability, kept ones too; a merge has none
    expect(out.links.map((l) => l.pairScore !== undefined)).toEqual([true, true, false, true]);
    expect(out.below[0]!.pairScore).toBeCloseTo(1 / (1 + Math.exp(2)));
    expect(out.links.find((l) => l.src.first === 4)!.pairScore).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(out.below.map((l) => [l.src.first, l.tgt.first])).toEqual([[5, 6]]);
  });

  it('adds nothing when no candidate reaches the threshold', () => {
    const out = relinkPair(pair, [{ i: 1, j: 2, cosine: 0.4, margin: 1, x: x(-1), p: 0 }], model);
    expect(out.links).toEqual(pair.links);
    expect(out.below).toEqual(pair.below);
  });
});

describe('candidatePairs and rescorePair on a comparable pair', () => {
  const world = new World(256, 5, LEXICAL);
  const src = source(world, 30);
  const rep = report(world, src, { keep: 0.6, extra: 0.2 });
  const [a, b] = [world.doc('a', src), world.doc('b', rep)];
  // every sentence's words: its own vector as one word, so word matching reads as the cosine
  const bags = (doc: typeof a) => doc.vectors.map((v) => wordBag([v], [1], v.length));
  const lengths = (doc: typeof a) => doc.vectors.map(() => 100);

  it('reads the top candidates of each sentence both ways, each pair once, with a feature each', () => {
    const ctx = buildMarginContext(a, b);
    const pairs = candidatePairs(ctx, bags(a), bags(b), lengths(a), lengths(b));
    const keys = pairs.map((p) => `${p.i}:${p.j}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pairs.length).toBeGreaterThanOrEqual(a.n * SCORER_CANDIDATES);
    expect(pairs.length).toBeLessThanOrEqual((a.n + b.n) * SCORER_CANDIDATES);
    for (const p of pairs) expect(p.x).toHaveLength(PAIR_FEATURES.length);
    // the mutual best match by margin of each fact is flagged
    const mutual = pairs.filter((p) => p.x[PAIR_FEATURES.indexOf('mutual best by margin')] === 1);
    expect(mutual.length).toBeGreaterThan(0);
  });

  it('adds to margin mining and never takes away; an ordered pair is left as it is', () => {
    const mined = alignPair(a, b, { mode: 'mining' });
    const generous = rescorePair(mined, a, b, { a: bags(a), b: bags(b) }, { a: lengths(a), b: lengths(b) }, { weights: [5, ...new Array(PAIR_FEATURES.length - 1).fill(0)], accept: 0.5 });
    for (const l of mined.links) expect(generous.links).toContainEqual({ ...l, ...(l.src.first === l.src.last && l.tgt.first === l.tgt.last ? { pairScore: expect.any(Number) } : {}) });
    expect(generous.links.length).toBeGreaterThan(mined.links.length);
    const used = generous.links.flatMap((l) => [`a${l.src.first}`, `b${l.tgt.first}`]);
    expect(new Set(used).size).toBe(used.length);
    const strict = rescorePair(mined, a, b, { a: bags(a), b: bags(b) }, { a: lengths(a), b: lengths(b) }, { weights: [-5, ...new Array(PAIR_FEATURES.length - 1).fill(0)], accept: 0.5 });
    expect(strict.links.map((l) => [l.src, l.tgt])).toEqual(mined.links.map((l) => [l.src, l.tgt]));
    const ordered = { ...mined, method: 'ordered' as const };
    expect(rescorePair(ordered, a, b, { a: bags(a), b: bags(b) }, { a: lengths(a), b: lengths(b) }, { weights: [5], accept: 0.5 })).toBe(ordered);
  });
});

describe('the pair scorer beside a model', () => {
  it('is read from the shipped model, one weight per feature', async () => {
    const scorer = await readPairScorer(SHIPPED_MODEL_DIR);
    expect(scorer?.weights).toHaveLength(PAIR_FEATURES.length);
    expect(JSON.parse(readFileSync(join(SHIPPED_MODEL_DIR, PAIR_SCORER_FILE), 'utf8')).features).toEqual([...PAIR_FEATURES]);
  });

  it('is optional, and a broken one is refused naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyalign-scorer-'));
    expect(await readPairScorer(dir)).toBeUndefined();
    writeFileSync(join(dir, PAIR_SCORER_FILE), JSON.stringify({ weights: [1, 'x'], accept: 0.5 }));
    await expect(readPairScorer(dir)).rejects.toThrow(/pair-scorer\.json: expected "weights", a list of numbers/);
    writeFileSync(join(dir, PAIR_SCORER_FILE), JSON.stringify({ weights: [1, 2], accept: 2 }));
    await expect(readPairScorer(dir)).rejects.toThrow(/expected "accept", a probability/);
  });
});
