// Chooses the embedder for a run. `auto` takes a pulled transformers model (LaBSE) when it is
// complete in the models folder, else polyalign's own static model joined with the lexical
// channel (`polyalign`, shipped in models/polyalign/), else the lexical embedder alone.

import { join } from 'node:path';
import { withCache } from '../embed/cache.ts';
import { combineEmbedders } from '../embed/combined.ts';
import type { Embedder } from '../embed/embedder.ts';
import { createLexicalEmbedder } from '../embed/lexical.ts';
import { createStaticEmbedder, SHIPPED_MODEL, SHIPPED_MODEL_DIR } from '../embed/static.ts';
import { createTransformersEmbedder } from '../embed/transformers.ts';
import { readPairScorer } from '../embed/static/model-files.ts';
import { PolyalignError } from '../errors.ts';
import { listModels, pickAuto } from '../models/list.ts';

export type EmbedderChoice = 'auto' | 'polyalign' | 'lexical' | 'transformers';
export const EMBEDDER_CHOICES: readonly EmbedderChoice[] = ['auto', 'polyalign', 'lexical', 'transformers'];
export const DEFAULT_MODEL = 'Xenova/LaBSE';
export const DEFAULT_MODELS_DIR = 'models';
export const DEFAULT_CACHE_DIR = join('.cache', 'polyalign');

export interface EmbedderRequest {
  choice: EmbedderChoice;
  model: string;
  modelsDir: string;
  /** All sentences of the run: the lexical embedder's IDF statistics. */
  corpus: string[];
  cacheDir?: string;
  /** The static model's folder (default: the shipped one). */
  staticDir?: string;
}

async function polyalignEmbedder(request: EmbedderRequest): Promise<Embedder> {
  const dir = request.staticDir ?? SHIPPED_MODEL_DIR;
  const model = await createStaticEmbedder(dir);
  const scorer = await readPairScorer(dir);
  const { name, version, weight } = model.model.config.polyalign;
  const label = `${name} ${version} (sha256 ${model.model.hash}) with the lexical channel, weight ${weight}${scorer ? `, and its pair scorer (links from ${scorer.accept})` : ''}`;
  return combineEmbedders(model, createLexicalEmbedder({ corpus: request.corpus }), weight, label, scorer);
}

export async function chooseEmbedder(request: EmbedderRequest): Promise<{ embedder: Embedder; why: string }> {
  const { choice } = request;
  if (choice === 'lexical') return { embedder: createLexicalEmbedder({ corpus: request.corpus }), why: 'asked for' };
  // `models list` marks the model auto uses with the same pickAuto, so the two never disagree.
  const pulled = choice === 'auto' && pickAuto(await listModels(request.modelsDir), request.model) !== undefined;
  if (choice === 'polyalign' || (choice === 'auto' && !pulled)) {
    try {
      const embedder = await polyalignEmbedder(request);
      const why = choice === 'auto' ? `no ${join(request.modelsDir, request.model)}, so polyalign's own model; \`polyalign models pull ${request.model}\` gets it` : 'asked for';
      return { embedder, why };
    } catch (error) {
      if (choice === 'polyalign' || !(error instanceof PolyalignError) || error.code !== 'model.missing') throw error;
      const why = `no ${request.model} in ${request.modelsDir} and no ${SHIPPED_MODEL} model; \`npm run train-model\` rebuilds it`;
      return { embedder: createLexicalEmbedder({ corpus: request.corpus }), why };
    }
  }
  const inner = await createTransformersEmbedder({ model: request.model, modelsDir: request.modelsDir });
  const embedder = request.cacheDir ? withCache(inner, request.cacheDir) : inner;
  const why = choice === 'auto' ? `found ${join(request.modelsDir, request.model)}` : 'asked for';
  return { embedder, why: inner.warning ? `${why}; warning: ${inner.warning}` : why };
}
