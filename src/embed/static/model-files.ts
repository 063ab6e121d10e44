// The folder of a static model, in model2vec's layout so that other tools load it too:
//   model.safetensors   one tensor `embeddings` (vocabulary × dim, I8 with one scale): row i is token i's vector
//   tokenizer.json      a Hugging Face WordPiece tokenizer with polyalign's normaliser
//   config.json         model2vec's keys (`normalize`, `hidden_dim`) and polyalign's own (`polyalign`)
//   README.md           the model card
//   pair-scorer.json    optional: the pair scorer fitted for the model joined with the lexical channel
// A text's vector is the sum of its tokens' rows (the mean, which model2vec takes, points the
// same way), scaled to unit length.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolyalignError } from '../../errors.ts';
import { readSafetensors, writeSafetensors } from './safetensors.ts';
import type { Dtype } from './safetensors.ts';
import type { TokenizerJson } from './tokenizer.ts';
import type { PairScorerModel } from '../../types.ts';

export const WEIGHTS_FILE = 'model.safetensors';
export const TOKENIZER_FILE = 'tokenizer.json';
export const CONFIG_FILE = 'config.json';
export const CARD_FILE = 'README.md';
/** The pair scorer fitted for the model joined with the lexical channel (align/pair-scorer.ts); optional. */
export const PAIR_SCORER_FILE = 'pair-scorer.json';
export const STATIC_MODEL_FILES = [CONFIG_FILE, TOKENIZER_FILE, WEIGHTS_FILE] as const;

export interface StaticConfig {
  model_type: 'model2vec';
  architectures: ['StaticModel'];
  normalize: true;
  hidden_dim: number;
  seq_length: number;
  tokenizer_name: string;
  polyalign: {
    name: string;
    version: string;
    /** Share of the combined embedder's cosine that comes from this model (the rest is the lexical channel's). */
    weight: number;
    /** How it was trained, for run.json and the model card. */
    training: Record<string, unknown>;
  };
}

export interface StaticModelFiles {
  config: StaticConfig;
  tokenizer: TokenizerJson;
  vocabSize: number;
  dim: number;
  embeddings: Float32Array;
  /** sha256 of model.safetensors, first 16 hex digits: which weights ran. */
  hash: string;
}

export function weightsFile(embeddings: Float32Array, vocabSize: number, dim: number, metadata: Record<string, string>, dtype: Dtype = 'I8'): Buffer {
  return writeSafetensors({ embeddings: { dtype, shape: [vocabSize, dim], data: embeddings } }, metadata);
}

export function shortHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

async function readOrFail(dir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, name));
  } catch (cause) {
    throw new PolyalignError('model.missing', `the static model has no ${name} (expected ${STATIC_MODEL_FILES.join(', ')})`, { path: dir, cause });
  }
}

export async function readStaticModel(dir: string): Promise<StaticModelFiles> {
  const [configBytes, tokenizerBytes, weightBytes] = await Promise.all(STATIC_MODEL_FILES.map((f) => readOrFail(dir, f)));
  try {
    const config = JSON.parse(configBytes!.toString('utf8')) as StaticConfig;
    const tokenizer = JSON.parse(tokenizerBytes!.toString('utf8')) as TokenizerJson;
    const { tensors } = readSafetensors(weightBytes!);
    const t = tensors.embeddings;
    if (!t || t.shape.length !== 2) throw new Error('expected a 2-dimensional tensor named embeddings');
    const [vocabSize, dim] = t.shape as [number, number];
    const pieces = Object.keys(tokenizer.model?.vocab ?? {}).length;
    if (pieces !== vocabSize) throw new Error(`expected one row per token (${pieces}), not ${vocabSize}`);
    return { config, tokenizer, vocabSize, dim, embeddings: t.data, hash: shortHash(weightBytes!) };
  } catch (cause) {
    throw new PolyalignError('model.load', `cannot read the static model: ${(cause as Error).message}`, { path: dir, cause });
  }
}

/**
 * The pair scorer kept beside a model (PAIR_SCORER_FILE), or undefined when the folder has none (the
 * model then mines by margin alone). A file that is there but not a scorer stops the run.
 */
export async function readPairScorer(dir: string): Promise<PairScorerModel | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, PAIR_SCORER_FILE));
  } catch {
    return undefined;
  }
  try {
    const json = JSON.parse(bytes.toString('utf8')) as { weights?: unknown; accept?: unknown };
    const { weights, accept } = json;
    if (!Array.isArray(weights) || weights.length === 0 || !weights.every((w) => typeof w === 'number' && Number.isFinite(w))) throw new Error('expected "weights", a list of numbers');
    if (typeof accept !== 'number' || !(accept > 0 && accept < 1)) throw new Error('expected "accept", a probability between 0 and 1');
    return { weights: weights as number[], accept };
  } catch (cause) {
    throw new PolyalignError('model.load', `cannot read ${PAIR_SCORER_FILE}: ${(cause as Error).message}`, { path: join(dir, PAIR_SCORER_FILE), cause });
  }
}
