// A static model's sentence vector: the sum of its tokens' rows, scaled to unit length (a text
// with no token gives the zero vector). The embedder and the training's held-out measurement
// both use this one function, so what is measured is what runs.

export function poolTokens(embeddings: Float32Array, dim: number, ids: ArrayLike<number>): Float32Array {
  const out = new Float32Array(dim);
  for (let k = 0; k < ids.length; k++) {
    const base = ids[k]! * dim;
    for (let j = 0; j < dim; j++) out[j]! += embeddings[base + j]!;
  }
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += out[j]! * out[j]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < dim; j++) out[j]! /= norm;
  return out;
}
