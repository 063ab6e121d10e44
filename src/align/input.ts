// What the aligner takes: vectors per document, never text, a model or an embedder.

import { PolyalignError } from '../errors.ts';

export interface AlignDoc {
  /** Document id, as in `Document.id`. */
  id: string;
  /** Number of sentences. */
  n: number;
  /** `n` L2-normalised sentence vectors. */
  vectors: Float32Array[];
  /** `n - 1` L2-normalised vectors of sentence `i` and `i + 1` embedded as one text (by the caller). */
  merged: Float32Array[];
  /**
   * Optional: `n` sentence lengths in characters. With them the ordered DP adds a Gale–Church length
   * prior (length.ts), which carries the alignment where the vectors are weak.
   */
  lengths?: number[];
}

/** How far a vector's squared norm may stray from 1 (float32 rounding, embedders that normalise in float32). */
const NORM_TOLERANCE = 1e-2;

/**
 * Checks the shape of a document's vectors and returns their dimension (0 for an empty document).
 * A zero vector is accepted (an embedder may have nothing to say about an empty sentence); any other
 * vector must be unit length, because every score downstream is a dot product read as a cosine.
 */
export function validateAlignDoc(doc: AlignDoc): number {
  const where = { path: doc.id };
  if (!Number.isInteger(doc.n) || doc.n < 0) {
    throw new PolyalignError('internal', `Expected a sentence count, not ${doc.n}`, where);
  }
  if (doc.vectors.length !== doc.n) {
    throw new PolyalignError('internal', `Expected ${doc.n} sentence vectors, not ${doc.vectors.length}`, where);
  }
  const mergedWanted = Math.max(0, doc.n - 1);
  if (doc.merged.length !== mergedWanted) {
    throw new PolyalignError('internal', `Expected ${mergedWanted} merged vectors, not ${doc.merged.length}`, where);
  }
  if (doc.lengths !== undefined) {
    if (doc.lengths.length !== doc.n) {
      throw new PolyalignError('internal', `Expected ${doc.n} sentence lengths, not ${doc.lengths.length}`, where);
    }
    const bad = doc.lengths.findIndex((l) => !Number.isFinite(l) || l < 0);
    if (bad >= 0) throw new PolyalignError('internal', `Expected a length in characters for sentence ${bad}, not ${doc.lengths[bad]}`, where);
  }
  if (doc.n === 0) return 0;
  const dim = doc.vectors[0]!.length;
  const check = (v: Float32Array, what: string): void => {
    if (v.length !== dim) {
      throw new PolyalignError('internal', `Expected ${what} of dimension ${dim}, not ${v.length}`, where);
    }
    let sq = 0;
    for (let t = 0; t < v.length; t++) sq += v[t]! * v[t]!;
    if (!Number.isFinite(sq) || (sq > 0 && Math.abs(sq - 1) > NORM_TOLERANCE)) {
      throw new PolyalignError('internal', `Expected ${what} to be L2-normalised, not of norm ${Math.sqrt(sq).toFixed(4)}`, where);
    }
  };
  doc.vectors.forEach((v, i) => check(v, `sentence vector ${i}`));
  doc.merged.forEach((v, i) => check(v, `merged vector ${i}`));
  return dim;
}

/** Checks two documents and that they share a dimension; returns it (0 when either is empty). */
export function validatePair(a: AlignDoc, b: AlignDoc): number {
  const da = validateAlignDoc(a);
  const db = validateAlignDoc(b);
  if (da > 0 && db > 0 && da !== db) {
    throw new PolyalignError('internal', `Expected vectors of one dimension, not ${da} (${a.id}) and ${db} (${b.id})`);
  }
  return da > 0 && db > 0 ? da : 0;
}
