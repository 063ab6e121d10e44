// `polyalign models train` (`npm run train-model`): builds polyalign's static model from the
// training folder and writes it, with its model card, into the shipped model's folder. The
// folder is replaced whole, only once everything is written.

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHIPPED_MODEL, SHIPPED_MODEL_DIR } from '../embed/static.ts';
import { CARD_FILE, CONFIG_FILE, shortHash, TOKENIZER_FILE, WEIGHTS_FILE, weightsFile } from '../embed/static/model-files.ts';
import type { StaticConfig } from '../embed/static/model-files.ts';
import { createTokenizer } from '../embed/static/tokenizer.ts';
import { PolyalignError } from '../errors.ts';
import { buildStaticModel, DEFAULT_BUILD, HELD_OUT_LANGS } from '../train/build.ts';
import type { BuildOptions } from '../train/build.ts';
import { modelCard } from '../train/card.ts';
import { encodeIds } from '../train/contrastive.ts';
import { DEFAULT_HELD_OUT, loadTrainingData, SOURCE_NAMES, SOURCES } from '../train/data.ts';
import { chooseWeight } from '../train/weight.ts';
import { installFreeDict } from '../train/freedict.ts';
import { readSafetensors } from '../embed/static/safetensors.ts';

export const MODEL_VERSION = '2.0.0';

export interface TrainCommandOptions {
  data: string;
  out?: string;
  /** FreeDict's dictd files to train on (train/freedict.ts); none read when not given. */
  freedict?: string;
  /** Overrides of the build settings (tests train a tiny model). */
  build?: Partial<Omit<BuildOptions, 'log'>>;
  log?: (line: string) => void;
}

export interface TrainCommandResult {
  dir: string;
  hash: string;
  weight: number;
  seconds: number;
  heldOut: { model: number; lexical: number; combined: number };
}

export async function trainModelCommand(options: TrainCommandOptions): Promise<TrainCommandResult> {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const out = options.out ?? SHIPPED_MODEL_DIR;
  const base = { ...DEFAULT_BUILD, ...options.build };
  const build = options.freedict ? { ...base, data: { ...base.data, freedictDir: options.freedict } } : base;
  if (options.freedict) installFreeDict(options.freedict, log);
  const data = loadTrainingData(options.data, build.data);
  log(`training data: ${SOURCES.map((s) => `${data.train[s].length} ${SOURCE_NAMES[s]} pairs`).join(', ')}`);
  const built = buildStaticModel(options.data, { ...build, log }, data);

  // Measure what ships: the int8 weights, read back.
  const heldOutLines = build.data.heldOutLines ?? DEFAULT_HELD_OUT;
  const training = { ...build.train, vocabulary: build.vocabulary, mix: build.mix, spellingInit: build.spellingInit ?? false, heldOutLines, floresLines: build.data.floresLines ?? null, limit: build.data.limit ?? null, ...(build.data.bridgePerPair !== undefined ? { bridgePerPair: build.data.bridgePerPair } : {}), freedict: data.freedict.map((d) => `${d.name} ${d.edition}`) };
  const metadata = { format: 'pt', polyalign: MODEL_VERSION };
  const bytes = weightsFile(built.weights.embeddings, built.weights.vocabSize, built.weights.dim, metadata);
  const shipped = { ...built.weights, embeddings: readSafetensors(bytes).tensors.embeddings!.data };
  const tokenizer = createTokenizer(built.tokenizer);
  const vectors: Record<string, Float32Array[]> = {};
  for (const lang of HELD_OUT_LANGS) vectors[lang] = data.heldOut[lang]!.map((t) => encodeIds(shipped, Int32Array.from(tokenizer.encode(t))));
  const choice = await chooseWeight(data.heldOut, vectors, HELD_OUT_LANGS);
  log(`combination weight ${choice.weight}: ${choice.grid.map((g) => `${g.weight} → ${(g.mean * 100).toFixed(1)}`).join(', ')}`);

  const config: StaticConfig = {
    model_type: 'model2vec',
    architectures: ['StaticModel'],
    normalize: true,
    hidden_dim: built.weights.dim,
    seq_length: 1_000_000,
    tokenizer_name: 'polyalign-wordpiece',
    polyalign: { name: SHIPPED_MODEL, version: MODEL_VERSION, weight: choice.weight, training },
  };
  const hash = shortHash(bytes);
  const card = modelCard({ config, counts: built.counts, leftOut: data.leftOut, freedict: data.freedict, heldOut: choice.pairs, weights: choice.grid, sizeBytes: bytes.length, hash });

  const partial = `${out.replace(/\/$/, '')}.partial`;
  try {
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    await writeFile(join(partial, WEIGHTS_FILE), bytes);
    await writeFile(join(partial, TOKENIZER_FILE), `${JSON.stringify(built.tokenizer)}\n`);
    await writeFile(join(partial, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
    await writeFile(join(partial, CARD_FILE), card);
    await mkdir(dirname(out), { recursive: true });
    await rm(out, { recursive: true, force: true });
    await rename(partial, out);
  } catch (cause) {
    throw new PolyalignError('output.unwritable', `cannot write the model: ${(cause as Error).message}`, { path: out, cause });
  }
  const mean = (k: 'model' | 'lexical' | 'combined') => Object.values(choice.pairs).reduce((s, v) => s + v[k], 0) / Object.keys(choice.pairs).length;
  return { dir: out, hash, weight: choice.weight, seconds: (performance.now() - t0) / 1000, heldOut: { model: mean('model'), lexical: mean('lexical'), combined: mean('combined') } };
}
