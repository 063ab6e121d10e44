// Sentence retrieval P@1: the share of texts whose nearest neighbour (cosine) on the other side
// is their own translation, both directions averaged. How every model choice is measured.

export function precisionAt1(x: Float32Array[], y: Float32Array[]): number {
  const one = (q: Float32Array[], t: Float32Array[]) => {
    let hits = 0;
    for (let i = 0; i < q.length; i++) {
      let best = -1;
      let bestScore = -Infinity;
      for (let j = 0; j < t.length; j++) {
        let s = 0;
        const [a, b] = [q[i]!, t[j]!];
        for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
        if (s > bestScore) [best, bestScore] = [j, s];
      }
      if (best === i) hits++;
    }
    return hits / q.length;
  };
  return (one(x, y) + one(y, x)) / 2;
}

/** Mean P@1 over every pair of `langs`, and each pair's. */
export function retrievalMatrix(vectors: Record<string, Float32Array[]>, langs: string[]): { mean: number; min: number; pairs: Record<string, number> } {
  const pairs: Record<string, number> = {};
  for (let a = 0; a < langs.length; a++) {
    for (let b = a + 1; b < langs.length; b++) pairs[`${langs[a]}-${langs[b]}`] = precisionAt1(vectors[langs[a]!]!, vectors[langs[b]!]!);
  }
  const values = Object.values(pairs);
  return { mean: values.reduce((s, v) => s + v, 0) / values.length, min: Math.min(...values), pairs };
}
