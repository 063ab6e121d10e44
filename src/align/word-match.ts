// A word-level likeness of two sentences, as BERTScore measures it: each word of one side is matched
// greedily to the word of the other side whose vector is closest, and the matches are averaged,
// weighted by the word's rarity in the run (idf), one way (precision: how much of A is in B) and the
// other (recall: how much of B is in A). A pooled sentence vector blurs the sentence into one point, so
// two sentences of one story that share its names look alike; the word matches see that "fought
// bravely" has no counterpart in "thanked for the courage". Pure: words and vectors in, numbers out.

/** One sentence as word matching reads it: its words' unit vectors one after another (`dim` each), and their weights. */
export interface WordBag {
  dim: number;
  vectors: Float32Array;
  weights: Float32Array;
}

/**
 * The part of a run's word vectors that the matcher compares: the dimensions up to the last one that at
 * least half of them use. With the default embedder that is the model's part; the lexical channel's
 * hashed features of one word are a few dozen among a thousand, and comparing them cost as much as the
 * model's part and added nothing on the simulated events (bench/pair-scorer.ts, on a version not kept). Vectors that no
 * dimension is common to are compared whole.
 */
export function denseHead(vectors: readonly Float32Array[]): number {
  if (vectors.length === 0) return 0;
  const used = new Uint32Array(vectors[0]!.length);
  for (const v of vectors) for (let t = 0; t < v.length; t++) if (v[t] !== 0) used[t]!++;
  let head = 0;
  used.forEach((n, t) => {
    if (2 * n >= vectors.length) head = t + 1;
  });
  // vectors sparse everywhere (one embedder's hashed features alone) are compared whole
  return head > 0 ? head : used.length;
}

/** The first `dim` dimensions of `vector`, scaled to unit length (zeros stay zeros). */
export function unitHead(vector: Float32Array, dim: number): Float32Array {
  const out = vector.slice(0, dim);
  let norm = 0;
  for (let t = 0; t < dim; t++) norm += out[t]! * out[t]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let t = 0; t < dim; t++) out[t] = out[t]! / norm;
  return out;
}

/** The bag of a sentence's words, given each word's unit vector (`dim` long) and weight. */
export function wordBag(vectors: readonly Float32Array[], weights: readonly number[], dim: number): WordBag {
  const packed = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => packed.set(v, i * dim));
  return { dim, vectors: packed, weights: Float32Array.from(weights) };
}

/** The cosine of word `i` of `a` and word `j` of `b`. */
export function wordDot(a: WordBag, i: number, b: WordBag, j: number): number {
  const d = a.dim;
  const [x, y] = [a.vectors, b.vectors];
  const [ox, oy] = [i * d, j * d];
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    s0 += x[ox + t]! * y[oy + t]!;
    s1 += x[ox + t + 1]! * y[oy + t + 1]!;
    s2 += x[ox + t + 2]! * y[oy + t + 2]!;
    s3 += x[ox + t + 3]! * y[oy + t + 3]!;
  }
  for (; t < d; t++) s0 += x[ox + t]! * y[oy + t]!;
  return s0 + s1 + s2 + s3;
}

/**
 * The words of a text as the matcher reads them: runs of letters and digits, lower-cased, but words of
 * one or two letters (je, da, u, și, în, og, at, на, и: mostly function words, and a third of the
 * matching's work).
 */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 || /\p{N}/u.test(w));
}

/** Inverse sentence frequency of every word of `sentences` (each a list of words): ln((N + 1) / (df + 1)) + 1. */
export function inverseFrequencies(sentences: ReadonlyArray<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const words of sentences) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sentences.length;
  const out = new Map<string, number>();
  for (const [w, d] of df) out.set(w, Math.log((n + 1) / (d + 1)) + 1);
  return out;
}

/**
 * Word matching both ways, from one matrix of word likenesses: how much of `a` finds a counterpart in
 * `b` (precision: the idf-weighted mean of each word's best cosine to a word of `b`), and of `b` in `a`
 * (recall); 0 when either side has no word.
 */
export function wordMatch(a: WordBag, b: WordBag): { precision: number; recall: number; f: number } {
  const [n, m] = [a.weights.length, b.weights.length];
  if (n === 0 || m === 0) return { precision: 0, recall: 0, f: 0 };
  const bestB = new Float32Array(m).fill(-1);
  let precision = 0;
  let totalA = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let j = 0; j < m; j++) {
      const c = wordDot(a, i, b, j);
      if (c > best) best = c;
      if (c > bestB[j]!) bestB[j] = c;
    }
    precision += a.weights[i]! * best;
    totalA += a.weights[i]!;
  }
  let recall = 0;
  let totalB = 0;
  for (let j = 0; j < m; j++) {
    recall += b.weights[j]! * bestB[j]!;
    totalB += b.weights[j]!;
  }
  precision = totalA > 0 ? precision / totalA : 0;
  recall = totalB > 0 ? recall / totalB : 0;
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f };
}
