// Small vector helpers shared by the embedders.

/** Scale a vector to unit length in place and return it; a zero vector stays zero. */
export function l2normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0) return v;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return v;
}

/** Dot product, which is the cosine for normalised vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Run `embedBatch` over batches of texts of similar length (less padding), then restore the
 * input order. Ties keep input order, so batches are the same on every run.
 */
export async function batchByLength(
  texts: string[],
  batchSize: number,
  embedBatch: (batch: string[]) => Promise<Float32Array[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<Float32Array[]> {
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
  const out = new Array<Float32Array>(texts.length);
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    const vectors = await embedBatch(indices.map((i) => texts[i]!));
    indices.forEach((index, k) => (out[index] = vectors[k]!));
    onProgress?.(Math.min(start + batchSize, order.length), order.length);
  }
  return out;
}
