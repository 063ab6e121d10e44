// Cosine and margin of a link the aligner did not propose (a reviewer added it by hand, or a decision
// names spans the aligner grouped differently), so that every row of alignments.csv carries a score.

import { buildMarginContext, ratioMargin, spanScore, type AlignDoc, type MarginContext } from '../align/index.ts';
import type { Span } from '../types.ts';

export type SpanScorer = (src: Span, tgt: Span) => { score: number; margin: number };

export function spanScorer(vectors: readonly AlignDoc[]): SpanScorer {
  const byId = new Map(vectors.map((v) => [v.id, v]));
  const contexts = new Map<string, MarginContext>();
  return (src, tgt) => {
    const a = byId.get(src.doc);
    const b = byId.get(tgt.doc);
    if (!a || !b) return { score: 0, margin: 0 };
    const key = `${a.id}\u0000${b.id}`;
    let ctx = contexts.get(key);
    if (!ctx) contexts.set(key, (ctx = buildMarginContext(a, b)));
    const lenA = src.last - src.first + 1;
    const lenB = tgt.last - tgt.first + 1;
    if (lenA <= 2 && lenB <= 2) {
      return spanScore(ctx, { first: src.first, len: lenA as 1 | 2 }, { first: tgt.first, len: lenB as 1 | 2 });
    }
    // Longer spans: the mean of their sentence vectors, against the mean of their neighbourhoods.
    const va = meanVector(a.vectors.slice(src.first, src.last + 1));
    const vb = meanVector(b.vectors.slice(tgt.first, tgt.last + 1));
    let score = 0;
    for (let i = 0; i < va.length; i++) score += va[i]! * vb[i]!;
    const mean = (r: Float32Array, s: Span) => r.slice(s.first, s.last + 1).reduce((x, y) => x + y, 0) / (s.last - s.first + 1);
    return { score, margin: ratioMargin(score, mean(ctx.rA, src), mean(ctx.rB, tgt)) };
  };
}

function meanVector(vs: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(vs[0]?.length ?? 0);
  for (const v of vs) for (let i = 0; i < v.length; i++) out[i]! += v[i]!;
  const norm = Math.hypot(...out);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}
