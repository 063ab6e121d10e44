// Sentence-length prior for the ordered DP (Gale & Church 1993): a translation is about as long as its
// source, up to the language pair's overall ratio. It is the evidence hunalign leans on, and it holds
// when the vectors say little (Serbian–Danish with the lexical embedder meets only on names and numbers).

import type { MarginContext, SpanRef } from './margin.ts';

/**
 * Variance per character of `ly − c·lx` between a sentence and its translation. Gale & Church measured
 * 6.8 on English–French/German; gold 1:1 pairs of NTREX (bench/ntrex.ts, ordered condition) give 6.4–11.9
 * across the 21 pairs, mean 9, with Romanian the widest.
 */
export const LENGTH_VARIANCE = 9;
/** The same statistic between a sentence and its translation's neighbour: what a wrong bead looks like. */
export const LENGTH_RANDOM_VARIANCE = 70;
/**
 * The log-likelihood ratio is floored here: gold pairs have a heavy tail (p99 of |δ| is 11, where a
 * Gaussian of variance 9 would put 7.7), from loose translations, and one of those must not cost a
 * bead more than the vectors can pay back.
 */
export const LENGTH_FLOOR = -3;

/** Gives a bead's length evidence, in nats (positive: lengths fit a translation better than chance). */
export type LengthScore = (x: SpanRef, y: SpanRef) => number;

/**
 * The length evidence for a pair of documents, or undefined when either lacks sentence lengths (or has
 * none that count). Lengths are normalised by the documents' total length ratio `c`, so Romanian, about
 * 10% longer than Bosnian, is not read as padding.
 */
export function lengthScore(ctx: MarginContext, variance = LENGTH_VARIANCE, floor = LENGTH_FLOOR): LengthScore | undefined {
  const la = ctx.a.lengths;
  const lb = ctx.b.lengths;
  if (!la || !lb || la.length !== ctx.a.n || lb.length !== ctx.b.n) return undefined;
  const ta = la.reduce((s, x) => s + x, 0);
  const tb = lb.reduce((s, x) => s + x, 0);
  if (!(ta > 0 && tb > 0)) return undefined;
  const c = tb / ta;
  const constant = 0.5 * Math.log(LENGTH_RANDOM_VARIANCE / variance);
  const slope = 0.5 * (1 / variance - 1 / LENGTH_RANDOM_VARIANCE);
  const len = (l: readonly number[], s: SpanRef) => (s.len === 1 ? l[s.first]! : l[s.first]! + l[s.first + 1]!);
  return (x, y) => {
    const lx = c * len(la, x);
    const ly = len(lb, y);
    const delta2 = (ly - lx) ** 2 / Math.max(1, (lx + ly) / 2);
    return Math.max(floor, constant - slope * delta2);
  };
}

/**
 * How much longer a language's text runs than the mean of the tuned languages, as ln(characters):
 * Romanian says in 1.10 characters what Croatian says in 1. Printed by `node --import tsx
 * bench/length-offsets.ts` from the FLORES dev lines the model learned from (the same 897 sentences in
 * every language; never the held-out lines, NTREX or the seeds). A language not listed reads as 0.
 */
export const LANGUAGE_LENGTH: Readonly<Record<string, number>> = { bs: -0.017, hr: -0.038, sr: -0.033, sl: -0.025, ro: 0.092, mk: 0.016, da: 0.004, en: -0.027 };

/** A language's LANGUAGE_LENGTH by its primary subtag (`sr-Cyrl` is `sr`), 0 when unknown or not given. */
export function languageLength(code: string | undefined): number {
  return code ? (LANGUAGE_LENGTH[code.split('-')[0]!.toLowerCase()] ?? 0) : 0;
}

/**
 * A link's length deviation: Gale & Church's |δ|, how many standard deviations the characters of one
 * side lie from what a translation of the other would have, once the two languages' overall ratio is
 * taken out. It grows with the square root of the length, where a plain ratio does not: 20 characters
 * missing from a 40-character sentence are a lost clause, from a 400-character one a looser wording.
 */
export function lengthDeviation(a: number, b: number, langA?: string, langB?: string, variance = LENGTH_VARIANCE): number {
  const expected = a * Math.exp(languageLength(langB) - languageLength(langA));
  return Math.abs(b - expected) / Math.sqrt(variance * Math.max(1, (expected + b) / 2));
}
