// Chooses the embedder for a run: `auto` takes the transformers model when it is in the
// models folder and falls back to the built-in lexical embedder otherwise.

import { join } from 'node:path';
import { withCache } from '../embed/cache.ts';
import type { Embedder } from '../embed/embedder.ts';
import { createLexicalEmbedder } from '../embed/lexical.ts';
import { createTransformersEmbedder } from '../embed/transformers.ts';
import { listModels, pickAuto } from '../models/list.ts';

export type EmbedderChoice = 'auto' | 'lexical' | 'transformers';
export const EMBEDDER_CHOICES: readonly EmbedderChoice[] = ['auto', 'lexical', 'transformers'];
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
}

export async function chooseEmbedder(request: EmbedderRequest): Promise<{ embedder: Embedder; why: string }> {
  // `models list` marks the model auto uses with the same pickAuto, so the two never disagree.
  const useModel =
    request.choice === 'transformers' || (request.choice === 'auto' && pickAuto(await listModels(request.modelsDir), request.model) !== undefined);
  if (!useModel) {
    const why =
      request.choice === 'lexical'
        ? 'asked for'
        : `no model at ${join(request.modelsDir, request.model)}; \`polyalign models pull ${request.model}\` gets it`;
    return { embedder: createLexicalEmbedder({ corpus: request.corpus }), why };
  }
  const inner = await createTransformersEmbedder({ model: request.model, modelsDir: request.modelsDir });
  const embedder = request.cacheDir ? withCache(inner, request.cacheDir) : inner;
  const why = request.choice === 'auto' ? `found ${join(request.modelsDir, request.model)}` : 'asked for';
  return { embedder, why: inner.warning ? `${why}; warning: ${inner.warning}` : why };
}
