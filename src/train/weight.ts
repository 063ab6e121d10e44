// How much of the combined embedder's cosine comes from the model: chosen on the held-out FLORES
// lines, as the weight with the best mean P@1 over the language pairs (the lowest pair breaks ties).

import { joinVectors } from '../embed/combined.ts';
import { createLexicalEmbedder } from '../embed/lexical.ts';
import { precisionAt1 } from './retrieval.ts';

export const WEIGHT_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

export interface WeightChoice {
  weight: number;
  grid: Array<{ weight: number; mean: number; min: number }>;
  /** Per pair at the chosen weight: the model alone, the lexical channel alone, combined. */
  pairs: Record<string, { model: number; lexical: number; combined: number }>;
}

function join(a: Float32Array[], b: Float32Array[], w: number): Float32Array[] {
  return a.map((v, i) => joinVectors(v, b[i]!, w));
}

/** `model[lang]` the model's vectors of `texts[lang]`; the lexical channel is built per pair, its IDF over both sides, as in a run. */
export async function chooseWeight(texts: Record<string, string[]>, model: Record<string, Float32Array[]>, langs: string[], grid = WEIGHT_GRID): Promise<WeightChoice> {
  const pairs: Array<{ key: string; a: string; b: string; lexA: Float32Array[]; lexB: Float32Array[] }> = [];
  for (let i = 0; i < langs.length; i++) {
    for (let j = i + 1; j < langs.length; j++) {
      const [a, b] = [langs[i]!, langs[j]!];
      const lexical = createLexicalEmbedder({ corpus: [...texts[a]!, ...texts[b]!] });
      pairs.push({ key: `${a}-${b}`, a, b, lexA: await lexical.embed(texts[a]!), lexB: await lexical.embed(texts[b]!) });
    }
  }
  const score = (w: number) => pairs.map((p) => precisionAt1(join(model[p.a]!, p.lexA, w), join(model[p.b]!, p.lexB, w)));
  const results = grid.map((weight) => {
    const s = score(weight);
    return { weight, mean: s.reduce((x, y) => x + y, 0) / s.length, min: Math.min(...s) };
  });
  const best = results.reduce((a, b) => (b.mean > a.mean + 1e-9 || (Math.abs(b.mean - a.mean) <= 1e-9 && b.min > a.min) ? b : a));
  const combined = score(best.weight);
  const out: WeightChoice['pairs'] = {};
  pairs.forEach((p, k) => {
    out[p.key] = { model: precisionAt1(model[p.a]!, model[p.b]!), lexical: precisionAt1(p.lexA, p.lexB), combined: combined[k]! };
  });
  return { weight: best.weight, grid: results, pairs: out };
}
