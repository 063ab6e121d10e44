// polyalign's own multilingual model: a static sentence encoder (token vectors of a shared
// WordPiece vocabulary over script-neutral text, summed and normalised), trained by
// `npm run train-model` (src/train/) and shipped in models/polyalign/. Loading is reading three
// files; embedding is a table lookup per token, so no model runtime is involved.

import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Embedder } from './embedder.ts';
import { readStaticModel } from './static/model-files.ts';
import type { StaticModelFiles } from './static/model-files.ts';
import { joinFinder } from './joined.ts';
import { normaliseSum, sumTokens } from './static/pool.ts';
import { createTokenizer } from './static/tokenizer.ts';

export const SHIPPED_MODEL = 'polyalign/static-v2';
/** The shipped model's folder, found from this file so that it does not depend on `--models-dir` or the working folder. */
export const SHIPPED_MODEL_DIR = fileURLToPath(new URL(`../../models/${SHIPPED_MODEL}/`, import.meta.url));

export interface StaticEmbedder extends Embedder {
  readonly model: StaticModelFiles;
}

/** One tokenizer per model read: building its vocabulary map costs more than embedding a small event. */
const tokenizers = new WeakMap<StaticModelFiles, ReturnType<typeof createTokenizer>>();

function tokenizerOf(model: StaticModelFiles): ReturnType<typeof createTokenizer> {
  let tokenizer = tokenizers.get(model);
  if (!tokenizer) {
    tokenizer = createTokenizer(model.tokenizer);
    tokenizers.set(model, tokenizer);
  }
  return tokenizer;
}

export function staticEmbedderFrom(model: StaticModelFiles): StaticEmbedder {
  const tokenizer = tokenizerOf(model);
  const { dim, embeddings } = model;
  let texts = 0;
  let seconds = 0;
  const name = model.config.polyalign?.name ?? 'static';
  return {
    id: `${name}-${model.config.polyalign?.version ?? '0'}-${model.hash.slice(0, 8)}`,
    kind: 'static',
    dim,
    model,
    async embed(input: string[]): Promise<Float32Array[]> {
      const t0 = performance.now();
      // A text that is two others joined by a space (a run's pair of neighbours) has their tokens, in
      // order: the normaliser and the pre-tokenizer never join across a space. Its sum goes on from the
      // first one's, so it adds the same rows in the same order as reading it would. It is made right
      // after its first half, so no sum is kept longer than that.
      const findJoined = joinFinder(input);
      const halves = input.map((text) => findJoined(text));
      const pairsOf = new Map<number, number[]>();
      halves.forEach((split, i) => {
        if (!split || halves[split[0]] || halves[split[1]]) return;
        const list = pairsOf.get(split[0]);
        if (list) list.push(i);
        else pairsOf.set(split[0], [i]);
      });
      const ids = new Map<number, number[]>();
      const idsOf = (i: number): number[] => {
        let found = ids.get(i);
        if (!found) ids.set(i, (found = tokenizer.encode(input[i]!)));
        return found;
      };
      const out: Float32Array[] = new Array(input.length);
      input.forEach((_, i) => {
        const split = halves[i];
        if (split && !halves[split[0]] && !halves[split[1]]) return; // made with its first half
        const sum = sumTokens(embeddings, dim, idsOf(i));
        for (const pair of pairsOf.get(i) ?? []) out[pair] = normaliseSum(sumTokens(embeddings, dim, idsOf(halves[pair]![1]), Float32Array.from(sum)));
        out[i] = normaliseSum(sum);
      });
      texts += input.length;
      seconds += (performance.now() - t0) / 1000;
      return out;
    },
    describe: () => ({ model: name, version: model.config.polyalign?.version, sha256: model.hash, vocabulary: model.vocabSize, texts, seconds: Number(seconds.toFixed(3)) }),
  };
}

/**
 * Models read in this thread, by folder and the weights file's size and time: a batch worker runs
 * many events and reads the model once; a model rewritten in place (training) is read again.
 */
const loaded = new Map<string, Promise<StaticModelFiles>>();

async function readOnce(dir: string): Promise<StaticModelFiles> {
  const info = await stat(join(dir, 'model.safetensors')).catch(() => undefined);
  if (!info) return readStaticModel(dir); // readStaticModel names what is missing
  const key = `${resolve(dir)}\u0000${info.size}\u0000${info.mtimeMs}`;
  let model = loaded.get(key);
  if (!model) {
    model = readStaticModel(dir);
    loaded.set(key, model);
    model.catch(() => loaded.delete(key));
  }
  return model;
}

export async function createStaticEmbedder(dir: string = SHIPPED_MODEL_DIR): Promise<StaticEmbedder> {
  return staticEmbedderFrom(await readOnce(dir));
}
