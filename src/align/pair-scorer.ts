// The pair scorer, for mining (comparable reports, in any order): which sentence pairs to link, decided
// by a small learned model over more than the pooled cosine. Mining by margin alone links only mutual
// best matches that stand out of their neighbourhoods; between independent reports the true partner is
// often the second or third candidate by cosine, since one story's sentences share its names. For the
// top few candidates of each sentence (both ways) the scorer reads:
//   cosine, ln(margin)           the pooled vectors' likeness, absolute and against the neighbourhood;
//   word match F and min(P, R)   idf-weighted greedy matching of the two sentences' words (word-match.ts);
//   gaps                         how far the pair stands above each sentence's best other candidate, by
//                                cosine and by word match (negative where another candidate is better);
//   mutual best                  whether it is the mutual best match by margin (what margin mining links);
//   length ratio                 |ln(characters of one / the other)|.
// A logistic regression turns them into the probability that the pair is a translation unit. The scorer
// adds to margin mining: the links mining accepted stay (its 1:2 and 2:1 merges among them), and
// candidate pairs on the sentences they leave free are taken greedily by probability, one link per
// sentence, from the model's acceptance threshold. (Letting the scorer decide every 1:1 link instead
// gained precision on the simulated events but lost links that margin mining had right.) The weights
// are fitted by `node --import tsx bench/pair-scorer.ts --write` on simulated comparable events of
// training data (the held-back FLORES lines), never on NTREX or the seeds, and ship with the model they
// were fitted for (pair-scorer.json beside it, read with it: embed/static/model-files.ts).

import type { AlignDoc } from './input.ts';
import { buildMarginContext, DEFAULT_K, eachCandidate, type MarginContext } from './margin.ts';
import { wordMatch, type WordBag } from './word-match.ts';
import { logistic } from './confidence.ts';
import type { Link, PairAlignment, PairScorerModel, Span } from '../types.ts';

export type { PairScorerModel } from '../types.ts';
import { byPosition } from './link-order.ts';

/** Candidates of each sentence, by cosine, that the scorer reads (both ways). */
export const SCORER_CANDIDATES = 3;

/** The words of one document's sentences, for the scorer. */
export type DocWords = readonly WordBag[];

/** One candidate pair of sentences, its features and, once scored, its probability. */
export interface ScoredPair {
  i: number;
  j: number;
  cosine: number;
  margin: number;
  x: number[];
  p: number;
}

/** The names of the features, in the order of the weights (bias first). */
export const PAIR_FEATURES = [
  'bias',
  'cosine',
  'ln margin',
  'word F',
  'word min(P,R)',
  'cosine gap (lower side)',
  'cosine gap (higher side)',
  'word gap (lower side)',
  'word gap (higher side)',
  'mutual best by margin',
  'length ratio',
] as const;

/**
 * The candidate pairs of two documents with their features (probabilities 0 until scored): the top
 * SCORER_CANDIDATES of each sentence both ways, each pair once, in order of (i, j).
 */
export function candidatePairs(ctx: MarginContext, wordsA: DocWords, wordsB: DocWords, lengthsA: readonly number[], lengthsB: readonly number[]): ScoredPair[] {
  // each side's candidates, by cosine, with their margins
  const lists = (side: 'a' | 'b', n: number) =>
    Array.from({ length: n }, (_, r) => {
      const out: Array<{ o: number; score: number; margin: number }> = [];
      eachCandidate(ctx, side, r, (o, score, margin) => {
        if (out.length < SCORER_CANDIDATES) out.push({ o, score, margin });
      });
      return out;
    });
  const fromA = lists('a', ctx.a.n);
  const fromB = lists('b', ctx.b.n);
  const bestMarginA = fromA.map((l) => l.reduce((m, c) => (c.margin > m.margin ? c : m), { o: -1, score: 0, margin: -Infinity }).o);
  const bestMarginB = fromB.map((l) => l.reduce((m, c) => (c.margin > m.margin ? c : m), { o: -1, score: 0, margin: -Infinity }).o);
  const keys = new Map<string, { i: number; j: number; cosine: number; margin: number }>();
  fromA.forEach((l, i) => l.forEach((c) => keys.set(`${i}:${c.o}`, { i, j: c.o, cosine: c.score, margin: c.margin })));
  fromB.forEach((l, j) => l.forEach((c) => keys.set(`${c.o}:${j}`, { i: c.o, j, cosine: c.score, margin: c.margin })));
  const words = new Map<string, { precision: number; recall: number; f: number }>();
  const match = (i: number, j: number) => {
    const key = `${i}:${j}`;
    let m = words.get(key);
    if (!m) words.set(key, (m = wordMatch(wordsA[i]!, wordsB[j]!)));
    return m;
  };
  // the best other candidate of a sentence, by cosine and by word match
  const bestOther = (list: ReadonlyArray<{ o: number; score: number }>, skip: number, word: (o: number) => number) => {
    let cos = -Infinity;
    let w = -Infinity;
    for (const c of list) {
      if (c.o === skip) continue;
      cos = Math.max(cos, c.score);
      w = Math.max(w, word(c.o));
    }
    return { cos: cos === -Infinity ? 0 : cos, w: w === -Infinity ? 0 : w };
  };
  const out: ScoredPair[] = [];
  for (const { i, j, cosine, margin } of [...keys.values()].sort((p, q) => p.i - q.i || p.j - q.j)) {
    const m = match(i, j);
    const otherA = bestOther(fromA[i]!, j, (o) => match(i, o).f);
    const otherB = bestOther(fromB[j]!, i, (o) => match(o, j).f);
    const [cosA, cosB] = [cosine - otherA.cos, cosine - otherB.cos];
    const [wA, wB] = [m.f - otherA.w, m.f - otherB.w];
    const mutual = bestMarginA[i] === j && bestMarginB[j] === i ? 1 : 0;
    const length = Math.min(2, Math.abs(Math.log(Math.max(1, lengthsA[i]!) / Math.max(1, lengthsB[j]!))));
    const x = [1, cosine, Math.log(Math.max(margin, 1e-3)), m.f, Math.min(m.precision, m.recall), Math.min(cosA, cosB), Math.max(cosA, cosB), Math.min(wA, wB), Math.max(wA, wB), mutual, length];
    out.push({ i, j, cosine, margin, x, p: 0 });
  }
  return out;
}

/** Candidate pairs taken greedily by probability, highest first, one per sentence, from `accept`. */
export function selectPairs(pairs: readonly ScoredPair[], accept: number, usedA = new Set<number>(), usedB = new Set<number>()): ScoredPair[] {
  const order = [...pairs].sort((p, q) => q.p - p.p || p.i - q.i || p.j - q.j);
  const out: ScoredPair[] = [];
  for (const pair of order) {
    if (pair.p < accept) break;
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    out.push(pair);
  }
  return out;
}

const sentencesOf = (s: Span) => Array.from({ length: s.last - s.first + 1 }, (_, k) => s.first + k);

/**
 * A mining pair's links with the scorer's: margin mining's accepted links stay, and the candidate pairs
 * the scorer accepts are added, best first, on the sentences those links leave free. Every candidate
 * pair that stays out is left out; the links margin mining had below its threshold stay candidates
 * (`below`), but for those the scorer linked. Every 1:1 link and candidate the scorer read carries its
 * probability (`pairScore`, a feature of the confidence). A pair of another method is returned as it is.
 */
export function rescorePair(
  pair: PairAlignment,
  a: AlignDoc,
  b: AlignDoc,
  words: { a: DocWords; b: DocWords },
  lengths: { a: readonly number[]; b: readonly number[] },
  model: PairScorerModel,
  k = DEFAULT_K,
): PairAlignment {
  if (pair.method !== 'mining') return pair;
  return relinkPair(pair, candidatePairs(buildMarginContext(a, b, k), words.a, words.b, lengths.a, lengths.b), model);
}

/** rescorePair on the candidate pairs already found (candidatePairs), scored here by `model`. */
export function relinkPair(pair: PairAlignment, scored: ScoredPair[], model: PairScorerModel): PairAlignment {
  for (const s of scored) s.p = logistic(model.weights, s.x);
  const probability = new Map(scored.map((s) => [`${s.i}:${s.j}`, s.p]));
  const withP = (l: Link): Link => {
    const p = l.src.first === l.src.last && l.tgt.first === l.tgt.last ? probability.get(`${l.src.first}:${l.tgt.first}`) : undefined;
    return p !== undefined ? { ...l, pairScore: p } : l;
  };
  const usedA = new Set(pair.links.flatMap((l) => sentencesOf(l.src)));
  const usedB = new Set(pair.links.flatMap((l) => sentencesOf(l.tgt)));
  const added = selectPairs(scored, model.accept, usedA, usedB).map(
    (c): Link => ({ src: { doc: pair.src, first: c.i, last: c.i }, tgt: { doc: pair.tgt, first: c.j, last: c.j }, score: c.cosine, margin: c.margin, method: 'mining', status: 'auto', pairScore: c.p, addedByScorer: true }),
  );
  const taken = new Set(added.map((l) => `${l.src.first}:${l.tgt.first}`));
  const below = pair.below.filter((l) => !(l.src.first === l.src.last && l.tgt.first === l.tgt.last && taken.has(`${l.src.first}:${l.tgt.first}`)));
  return { ...pair, links: [...pair.links.map(withP), ...added].sort(byPosition), below: below.map(withP) };
}
