// Ratio margin (Artetxe & Schwenk 2019): a cosine divided by the mean cosine of both sides' k nearest
// neighbours. A hub sentence, close to everything, gets a high denominator and stops standing out; the
// ratio is scale-free, so one threshold serves a lexical embedder (cosines 0.2–0.6) and LaBSE (0.6–0.9).

import type { AlignDoc } from './input.ts';
import { cosine, duplicateClasses, meanTopK, topKBanded, topKBoth, type TopK } from './similarity.ts';
import type { Band } from './coarse.ts';
import { topKCandidates } from './candidates.ts';

/** Neighbours averaged in the denominator, as in the paper. */
export const DEFAULT_K = 4;
/** Neighbours kept per sentence: more than k, so merged vectors and merges find their candidates among them. */
export const CANDIDATES = 8;
/**
 * Merge rules for mining (ordered.ts has looser ones, since its DP also weighs the in-order alternatives).
 * Each half of a merge must be at least this close to the other side, relative to its own neighbourhood
 * (a margin of 1 is "as close as its average top-k neighbour"). The ratio margin does not punish dilution
 * (a merged text is further from everything, its neighbourhood included), so without this check a true
 * match glued to an unrelated neighbour scores as well as the match alone. On NTREX (comparable, lexical)
 * the looser 0.8 / 0.7 lowered strict F1 from 0.70 to 0.64: most merges it let in were wrong.
 */
export const MERGE_HALF_MIN = 1.0;
/**
 * A merge must reach the better half's margin times this: it replaces a 1:1 link when the merged span scores
 * at least as well as either sentence alone (each half having passed MERGE_HALF_MIN). On NTREX (comparable,
 * lexical, articles 0–61, threshold 1.3) 1.0 and the former 1.02 give strict F1 0.725 and 0.726; 1.02 missed
 * the seeds' Romanian 2:1 (a 6,000-soldier plan and the 1,000 already in Russia, told in one Macedonian
 * sentence: merged 1.653 against 1.638 for the better half).
 */
export const MERGE_GAIN = 1.0;
/** Keeps the ratio finite when a neighbourhood is empty or all zero (zero vectors from empty sentences). */
const MIN_DENOMINATOR = 1e-3;

/**
 * k for a document of `len` sentences. With k = 1 every mutual best pair has margin exactly 1, so k stays
 * at 2 or more; short documents use fewer neighbours so the mean is not the whole document.
 */
export function effectiveK(k: number, len: number): number {
  return Math.min(len, Math.max(2, Math.min(k, Math.ceil(len / 4))));
}

/** `cos / ((rx + ry) / 2)`, with rx, ry the mean top-k cosines of each side. */
export function ratioMargin(cos: number, rx: number, ry: number): number {
  return cos / Math.max(MIN_DENOMINATOR, (rx + ry) / 2);
}

/** Everything the methods need about one pair of documents, from one blocked pass over A × B. */
export interface MarginContext {
  a: AlignDoc;
  b: AlignDoc;
  /** Candidates of B for each sentence of A, and of A for each sentence of B, best first. */
  ab: TopK;
  ba: TopK;
  /** Mean top-k cosine of each sentence, and of each merged pair, towards the other document's sentences. */
  rA: Float32Array;
  rB: Float32Array;
  rMergedA: Float32Array;
  rMergedB: Float32Array;
  /** Sentences with identical vectors share a class (duplicateClasses): copies count once in a neighbourhood. */
  classA: Int32Array;
  classB: Int32Array;
}

/** In a band (where copies are not searched once), candidates kept beyond CANDIDATES for copies of one sentence, at most: a neighbourhood still has distinct sentences. */
export const MAX_EXTRA_CANDIDATES = 32;

/**
 * Which pairs of sentences are compared: every pair (default); only those inside a band (coarse.ts),
 * with neighbourhoods inside it too, the context of long documents in linear time for ordered
 * alignment; or 'candidates' (candidates.ts), for mining long documents.
 */
export type Scope = Band | 'candidates';

export function buildMarginContext(a: AlignDoc, b: AlignDoc, k = DEFAULT_K, scope?: Scope): MarginContext {
  const kA = effectiveK(k, b.n);
  const kB = effectiveK(k, a.n);
  const dupA = duplicateClasses(a.vectors);
  const dupB = duplicateClasses(b.vectors);
  const search = (x: readonly Float32Array[], y: readonly Float32Array[], keep: number) =>
    scope === 'candidates' ? topKCandidates(x, y, keep) : topKBoth(x, y, keep);
  let ab: TopK;
  let ba: TopK;
  if (scope && scope !== 'candidates') {
    // In a band a copy's neighbours are its own: keep enough candidates that the neighbourhood still
    // holds k distinct sentences.
    const extra = Math.min(MAX_EXTRA_CANDIDATES, Math.max(dupA.largest, dupB.largest) - 1);
    ({ ab, ba } = topKBanded(a.vectors, b.vectors, Math.max(k, CANDIDATES) + Math.max(0, extra), scope.lo, scope.hi));
  } else if (dupA.largest > 1 || dupB.largest > 1) {
    // Copies are searched once: each sentence gets the neighbours of its first copy, among the other
    // side's first copies (the copy an equal score lists first anyway), however many copies there are.
    const [repsA, repsB] = [representatives(dupA.of), representatives(dupB.of)];
    const found = search(repsA.map((i) => a.vectors[i]!), repsB.map((j) => b.vectors[j]!), Math.max(k, CANDIDATES));
    ab = expandCopies(found.ab, dupA.of, repsA, repsB);
    ba = expandCopies(found.ba, dupB.of, repsB, repsA);
  } else {
    ({ ab, ba } = search(a.vectors, b.vectors, Math.max(k, CANDIDATES)));
  }
  return {
    a,
    b,
    ab,
    ba,
    // copies of one sentence count once (without copies every sentence is its own class: the plain mean)
    rA: meanTopK(ab, kA, dupB.of),
    rB: meanTopK(ba, kB, dupA.of),
    rMergedA: mergedNeighbourhood(a.merged, ab, b.vectors, kA, dupB.of),
    rMergedB: mergedNeighbourhood(b.merged, ba, a.vectors, kB, dupA.of),
    classA: dupA.of,
    classB: dupB.of,
  };
}

/** The first copy of every class of `of` (duplicateClasses), in order. */
function representatives(of: Int32Array): number[] {
  const out: number[] = [];
  of.forEach((c, i) => {
    if (c === i) out.push(i);
  });
  return out;
}

/**
 * Neighbour lists found for first copies only (`top`, rows and indices by position among them), for
 * every sentence: row r is its first copy's row, with indices turned back into sentence numbers.
 */
function expandCopies(top: TopK, of: Int32Array, rowReps: readonly number[], colReps: readonly number[]): TopK {
  const position = new Map(rowReps.map((r, p) => [r, p]));
  const k = top.k;
  const index = new Int32Array(of.length * k);
  const score = new Float32Array(of.length * k);
  for (let r = 0; r < of.length; r++) {
    const from = position.get(of[r]!)! * k;
    for (let c = 0; c < k; c++) {
      const j = top.index[from + c]!;
      index[r * k + c] = j < 0 ? -1 : colReps[j]!;
      score[r * k + c] = top.score[from + c]!;
    }
  }
  return { rows: of.length, k, index, score };
}

/**
 * Mean top-k cosine of each merged vector, searched only among the candidates of its two halves. A merged
 * text is close to what either half is close to, so its true neighbours are almost always there; this
 * costs n·2·CANDIDATES dot products instead of another full n×m pass. The estimate can only be lower
 * than the exact value, never higher.
 */
function mergedNeighbourhood(merged: readonly Float32Array[], halves: TopK, other: readonly Float32Array[], k: number, classOf: Int32Array): Float32Array {
  const out = new Float32Array(merged.length);
  const seen = new Set<number>();
  const scores: number[] = [];
  for (let i = 0; i < merged.length; i++) {
    seen.clear();
    scores.length = 0;
    for (const row of [i, i + 1]) {
      for (let c = 0; c < halves.k; c++) {
        const j = halves.index[row * halves.k + c]!;
        if (j < 0 || seen.has(classOf[j]!)) continue;
        seen.add(classOf[j]!);
        scores.push(cosine(merged[i]!, other[j]!));
      }
    }
    scores.sort((x, y) => y - x);
    const use = Math.min(k, scores.length);
    let s = 0;
    for (let c = 0; c < use; c++) s += scores[c]!;
    out[i] = use > 0 ? s / use : 0;
  }
  return out;
}

/** Whether a merged span may stand for its two halves, given the three margins against one sentence. */
export function mergeAllowed(merged: number, left: number, right: number, halfMin = MERGE_HALF_MIN, gain = MERGE_GAIN): boolean {
  return Math.min(left, right) >= halfMin && merged >= Math.max(left, right) * gain;
}

/** A span of one or two sentences, by its first sentence and length. */
export interface SpanRef {
  first: number;
  len: 1 | 2;
}

/** A candidate link between a span of A and a span of B, before it becomes a `Link`. */
export interface Bead {
  x: SpanRef;
  y: SpanRef;
  score: number;
  margin: number;
}

/**
 * Visits the candidates of sentence `r` of `side` (ctx.ab for a, ctx.ba for b), best cosine first,
 * each copy of one sentence once (copies score alike: the first is kept), with its cosine and margin.
 */
export function eachCandidate(ctx: MarginContext, side: 'a' | 'b', r: number, visit: (other: number, score: number, margin: number) => void): void {
  const top = side === 'a' ? ctx.ab : ctx.ba;
  const classOf = side === 'a' ? ctx.classB : ctx.classA;
  const seen = new Set<number>();
  for (let c = 0; c < top.k; c++) {
    const o = top.index[r * top.k + c]!;
    if (o < 0) break;
    if (seen.has(classOf[o]!)) continue;
    seen.add(classOf[o]!);
    const s = side === 'a' ? spanScore(ctx, { first: r, len: 1 }, { first: o, len: 1 }) : spanScore(ctx, { first: o, len: 1 }, { first: r, len: 1 });
    visit(o, s.score, s.margin);
  }
}

/** Cosine and margin of a span of A against a span of B (at most one side of two sentences). */
export function spanScore(ctx: MarginContext, x: SpanRef, y: SpanRef): { score: number; margin: number } {
  const vx = x.len === 1 ? ctx.a.vectors[x.first]! : ctx.a.merged[x.first]!;
  const vy = y.len === 1 ? ctx.b.vectors[y.first]! : ctx.b.merged[y.first]!;
  const rx = x.len === 1 ? ctx.rA[x.first]! : ctx.rMergedA[x.first]!;
  const ry = y.len === 1 ? ctx.rB[y.first]! : ctx.rMergedB[y.first]!;
  const score = cosine(vx, vy);
  return { score, margin: ratioMargin(score, rx, ry) };
}
