// Sentence retrieval P@1: the share of texts whose nearest neighbour (cosine) on the other side
// is their own translation, both directions averaged. How every model choice is measured.

/**
 * Share of `queries` whose best target (cosine) is the one of the same index; `docs`, when given,
 * limits each query's targets to those of its own document (`docs[j] === docs[i]`).
 */
export function precisionAt1Forward(queries: readonly Float32Array[], targets: readonly Float32Array[], docs?: readonly string[]): number {
  let hits = 0;
  for (let i = 0; i < queries.length; i++) {
    let best = -1;
    let bestScore = -Infinity;
    const q = queries[i]!;
    for (let j = 0; j < targets.length; j++) {
      if (docs && docs[j] !== docs[i]) continue;
      const t = targets[j]!;
      let s = 0;
      for (let k = 0; k < q.length; k++) s += q[k]! * t[k]!;
      if (s > bestScore) [best, bestScore] = [j, s];
    }
    if (best === i) hits++;
  }
  return hits / queries.length;
}

/** P@1 in both directions, averaged. */
export function precisionAt1(x: readonly Float32Array[], y: readonly Float32Array[], docs?: readonly string[]): number {
  return (precisionAt1Forward(x, y, docs) + precisionAt1Forward(y, x, docs)) / 2;
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
