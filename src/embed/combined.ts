// The default embedder: polyalign's static model beside the lexical channel. The two unit
// vectors are joined, scaled by √w and √(1−w), so that the cosine of two joined vectors is
// w·(the model's cosine) + (1−w)·(the lexical cosine): the model knows which words translate
// which, the lexical channel sees the names, numbers and cognates that the model never met.
// w is the model's own (config.json `polyalign.weight`), chosen on held-out FLORES lines.

import type { Embedder } from './embedder.ts';
import type { PairScorerModel } from '../types.ts';

/** One text's joined vector: √w·x then √(1−w)·y. */
export function joinVectors(x: Float32Array, y: Float32Array, weight: number): Float32Array {
  const [a, b] = [Math.sqrt(weight), Math.sqrt(1 - weight)];
  const out = new Float32Array(x.length + y.length);
  for (let j = 0; j < x.length; j++) out[j] = x[j]! * a;
  for (let j = 0; j < y.length; j++) out[x.length + j] = y[j]! * b;
  return out;
}

export function combineEmbedders(model: Embedder, lexical: Embedder, weight: number, label?: string, pairScorer?: PairScorerModel): Embedder {
  if (!(weight >= 0 && weight <= 1)) throw new Error(`Expected a weight between 0 and 1, not ${weight}`);
  const dim = model.dim + lexical.dim;
  return {
    id: `${model.id}+${lexical.id}@${weight}`,
    kind: 'static+lexical',
    dim,
    ...(label ? { label } : {}),
    ...(pairScorer ? { pairScorer } : {}),
    async embed(texts: string[]): Promise<Float32Array[]> {
      const [x, y] = await Promise.all([model.embed(texts), lexical.embed(texts)]);
      return x.map((v, i) => joinVectors(v, y[i]!, weight));
    },
    describe: () => ({ weight, model: { id: model.id, ...model.describe?.() }, lexical: { id: lexical.id, ...lexical.describe?.() } }),
  };
}
