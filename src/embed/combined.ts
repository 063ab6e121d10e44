// The default embedder: polyalign's static model beside the lexical channel. The two unit
// vectors are joined, scaled by √w and √(1−w), so that the cosine of two joined vectors is
// w·(the model's cosine) + (1−w)·(the lexical cosine): the model knows which words translate
// which, the lexical channel sees the names, numbers and cognates that the model never met.
// w is the model's own (config.json `polyalign.weight`), chosen on held-out FLORES lines.

import type { Embedder } from './embedder.ts';

export function combineEmbedders(model: Embedder, lexical: Embedder, weight: number, label?: string): Embedder {
  if (!(weight >= 0 && weight <= 1)) throw new Error(`Expected a weight between 0 and 1, not ${weight}`);
  const [a, b] = [Math.sqrt(weight), Math.sqrt(1 - weight)];
  const dim = model.dim + lexical.dim;
  return {
    id: `${model.id}+${lexical.id}@${weight}`,
    kind: 'static+lexical',
    dim,
    ...(label ? { label } : {}),
    async embed(texts: string[]): Promise<Float32Array[]> {
      const [x, y] = await Promise.all([model.embed(texts), lexical.embed(texts)]);
      return x.map((v, i) => {
        const out = new Float32Array(dim);
        const w = y[i]!;
        for (let j = 0; j < v.length; j++) out[j] = v[j]! * a;
        for (let j = 0; j < w.length; j++) out[model.dim + j] = w[j]! * b;
        return out;
      });
    },
    describe: () => ({ weight, model: { id: model.id, ...model.describe?.() }, lexical: { id: lexical.id, ...lexical.describe?.() } }),
  };
}
