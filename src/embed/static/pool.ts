// A static model's sentence vector: the sum of its tokens' rows, scaled to unit length (a text
// with no token gives the zero vector). The embedder and the training's held-out measurement
// both use this one function, so what is measured is what runs.

export function poolTokens(embeddings: Float32Array, dim: number, ids: ArrayLike<number>): Float32Array {
  return normaliseSum(sumTokens(embeddings, dim, ids));
}

/** The rows of `ids` added into `out` (zeros by default) in order, in float32 as poolTokens adds them. */
export function sumTokens(embeddings: Float32Array, dim: number, ids: ArrayLike<number>, out = new Float32Array(dim)): Float32Array {
  for (let k = 0; k < ids.length; k++) {
    const base = ids[k]! * dim;
    for (let j = 0; j < dim; j++) out[j]! += embeddings[base + j]!;
  }
  return out;
}

/** A sum of rows scaled to unit length, in place or into `out` (a zero sum stays zero). */
export function normaliseSum(sum: Float32Array, out = sum): Float32Array {
  const dim = sum.length;
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += sum[j]! * sum[j]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < dim; j++) out[j] = sum[j]! / norm;
  return out;
}
