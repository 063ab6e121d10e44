// Neural sentence embeddings from a local transformers.js model folder, fully offline.
// The package is imported lazily so that `import` of this module loads nothing (Bertalign's
// mistake to avoid); the model is loaded once, when the embedder is created.

import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { batchByLength, l2normalise } from './vectors.ts';

export type Pooling = 'cls' | 'mean';

export interface TransformersEmbedderOptions {
  /** Model id, a folder under `modelsDir`: `Xenova/LaBSE`. */
  model: string;
  modelsDir: string;
  /** Overrides the pooling named by the folder's `1_Pooling/config.json`. */
  pooling?: Pooling;
  batchSize?: number;
  /** `onnx/model_quantized.onnx` (true) or `onnx/model.onnx` (false); default: the quantized file when present. */
  quantized?: boolean;
  /** ONNX Runtime intra-op threads; default: its own choice. */
  threads?: number;
  /** Called after each batch with the number of texts embedded so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface TransformersEmbedder extends Embedder {
  readonly kind: 'transformers';
  readonly model: string;
  readonly dir: string;
  readonly pooling: Pooling;
  /** Where the pooling came from. */
  readonly poolingSource: 'option' | 'config' | 'default';
  readonly dtype: 'fp32' | 'q8';
  /** True when CLS pooling goes through the model's own `pooler_output` (dense + tanh), see below. */
  readonly usesPooler: boolean;
  dispose(): Promise<void>;
}

export const DEFAULT_BATCH_SIZE = 16;
/** sentence-transformers' own default when a folder has no pooling config. */
export const DEFAULT_POOLING: Pooling = 'mean';
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const ONNX_FILES = { q8: 'onnx/model_quantized.onnx', fp32: 'onnx/model.onnx' } as const;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function missing(model: string, dir: string, what: string): PolyalignError {
  return new PolyalignError(
    'model.missing',
    `${what}. Download it with \`polyalign models pull ${model} --host <mirror>\`, or copy the model folder there by hand (see models/README.md).`,
    { path: dir },
  );
}

async function chooseDtype(model: string, dir: string, quantized: boolean | undefined): Promise<'fp32' | 'q8'> {
  const has = { q8: await exists(join(dir, ONNX_FILES.q8)), fp32: await exists(join(dir, ONNX_FILES.fp32)) };
  const wanted = quantized === undefined ? (has.q8 ? 'q8' : 'fp32') : quantized ? 'q8' : 'fp32';
  if (!has[wanted]) throw missing(model, dir, `model file ${ONNX_FILES[wanted]} not found`);
  return wanted;
}

/** The pooling a sentence-transformers folder asks for; max and sqrt-length pooling are not supported and read as mean. */
export async function readPooling(dir: string): Promise<Pooling | undefined> {
  const config = await readJson(join(dir, '1_Pooling', 'config.json'));
  if (!config) return undefined;
  if (config.pooling_mode_cls_token === true) return 'cls';
  return 'mean';
}

// Serialises loads: transformers.js reads its model root from a global (`env.localModelPath`).
let loadQueue: Promise<unknown> = Promise.resolve();

/** Load a local model folder and return an embedder over it. */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
  const { model } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new PolyalignError('usage.invalid-option', `Expected a batch size of at least 1, not ${options.batchSize}`);
  }
  const modelsDir = resolve(options.modelsDir);
  const dir = join(modelsDir, model);
  if (!(await exists(dir))) throw missing(model, dir, `model folder not found`);
  for (const file of REQUIRED_FILES) {
    if (!(await exists(join(dir, file)))) throw missing(model, dir, `model folder is incomplete: ${file} is missing`);
  }
  const dtype = await chooseDtype(model, dir, options.quantized);
  const configured = await readPooling(dir);
  const pooling = options.pooling ?? configured ?? DEFAULT_POOLING;
  const poolingSource = options.pooling ? 'option' : configured ? 'config' : 'default';
  // LaBSE's sentence-transformers stack is CLS → Dense(tanh) → normalise; the Dense layer is
  // BERT's pooler. When the ONNX export kept `pooler_output` we use it; exports that only have
  // `last_hidden_state` (the usual feature-extraction export) get plain CLS, which aligns
  // slightly worse than the original model.
  const hasDense = await exists(join(dir, '2_Dense', 'config.json'));

  const hf = await import('@huggingface/transformers');
  const load = loadQueue.then(async () => {
    hf.env.allowRemoteModels = false;
    hf.env.allowLocalModels = true;
    hf.env.localModelPath = `${modelsDir}/`;
    const session_options = options.threads ? { intraOpNumThreads: options.threads } : {};
    const tokenizer = await hf.AutoTokenizer.from_pretrained(model);
    const network = await hf.AutoModel.from_pretrained(model, { dtype, device: 'cpu', session_options });
    return { tokenizer, network };
  });
  loadQueue = load.catch(() => undefined);
  let loaded: Awaited<typeof load>;
  try {
    loaded = await load;
  } catch (cause) {
    throw new PolyalignError('model.load', `could not load model ${model}: ${(cause as Error).message}`, { path: dir, cause });
  }
  const { tokenizer, network } = loaded;
  const config = (await readJson(join(dir, 'config.json'))) ?? {};
  const dim = typeof config.hidden_size === 'number' ? config.hidden_size : 0;
  let usesPooler = false;

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const inputs = tokenizer(texts, { padding: true, truncation: true });
    const outputs = (await network(inputs)) as Record<string, { data: ArrayLike<number>; dims: number[] } | undefined>;
    const pooled = pooling === 'cls' && hasDense ? outputs.pooler_output : undefined;
    usesPooler = pooled !== undefined;
    const vectors: Float32Array[] = [];
    if (pooled) {
      const [batch, width] = pooled.dims as [number, number];
      for (let b = 0; b < batch; b++) {
        const v = new Float32Array(width);
        for (let h = 0; h < width; h++) v[h] = pooled.data[b * width + h]!;
        vectors.push(l2normalise(v));
      }
      return vectors;
    }
    const hidden = outputs.last_hidden_state;
    if (!hidden) throw new PolyalignError('model.load', `model ${model} has no last_hidden_state output`, { path: dir });
    const [batch, seq, width] = hidden.dims as [number, number, number];
    const data = hidden.data;
    const mask = inputs.attention_mask.data as BigInt64Array;
    for (let b = 0; b < batch; b++) {
      const v = new Float32Array(width);
      if (pooling === 'cls') {
        for (let h = 0; h < width; h++) v[h] = data[b * seq * width + h]!;
      } else {
        let count = 0;
        for (let s = 0; s < seq; s++) {
          if (mask[b * seq + s] === 0n) continue;
          count++;
          const base = (b * seq + s) * width;
          for (let h = 0; h < width; h++) v[h]! += data[base + h]!;
        }
        if (count > 0) for (let h = 0; h < width; h++) v[h]! /= count;
      }
      vectors.push(l2normalise(v));
    }
    return vectors;
  }

  return {
    id: `${model}:${dtype}:${pooling}`,
    kind: 'transformers',
    dim,
    model,
    dir,
    pooling,
    poolingSource,
    dtype,
    get usesPooler() {
      return usesPooler;
    },
    async embed(texts: string[]): Promise<Float32Array[]> {
      return batchByLength(texts, batchSize, embedBatch, options.onProgress);
    },
    async dispose() {
      await network.dispose();
    },
  };
}
