// Longer than 300 lines: loading, pooling detection and batching of a model folder belong to one embedder.
// Neural sentence embeddings from a local transformers.js model folder, fully offline.
// The package is imported lazily so that `import` of this module loads nothing (Bertalign's
// mistake to avoid); the model is loaded once, when the embedder is created.
//
// What a model needs (pooling, normalisation, prefix, max tokens, dimension, weights) comes
// from SUPPORTED_MODELS for the models we know, and otherwise from the folder's own
// sentence-transformers files (`1_Pooling/config.json`, `sentence_bert_config.json`) or the
// documented defaults (DEFAULT_SPEC: mean pooling, normalised, no prefix).

import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { batchByLength, l2normalise } from './vectors.ts';

export type Pooling = 'cls' | 'mean';
export type Dtype = 'q8' | 'fp32';

/** How a model turns token states into one sentence vector, and what it reads. */
export interface ModelSpec {
  pooling: Pooling;
  /**
   * CLS pooling through the model's own pooler (dense + tanh over the CLS state, the
   * `pooler_output` of a BERT export) rather than the bare CLS state.
   */
  pooler: boolean;
  /** Scale every vector to unit length (the aligner takes dot products as cosines). */
  normalise: boolean;
  /** Put before every text (e5-style `query: `); empty for the models in the table. */
  prefix: string;
  /** Longer texts are cut to this many tokens, special tokens included. */
  maxTokens: number;
  /** Width of the sentence vector, when known before the folder is read. */
  dim?: number;
  /** The weights used when both are in the folder. */
  dtype: Dtype;
}

/**
 * The models polyalign knows. LaBSE's sentence-transformers stack is CLS → Dense(768, tanh) →
 * Normalize; that Dense layer is BERT's pooler, so its sentence vector is `pooler_output`, not
 * a mean. The multilingual MiniLM is mean pooling over the attention mask. Max tokens are the
 * `max_seq_length` of each model's sentence-transformers config.
 */
export const SUPPORTED_MODELS: Readonly<Record<string, ModelSpec>> = {
  'Xenova/LaBSE': { pooling: 'cls', pooler: true, normalise: true, prefix: '', maxTokens: 512, dim: 768, dtype: 'q8' },
  'Xenova/paraphrase-multilingual-MiniLM-L12-v2': { pooling: 'mean', pooler: false, normalise: true, prefix: '', maxTokens: 128, dim: 384, dtype: 'q8' },
};

/** For ids outside the table, unless the folder's sentence-transformers files say otherwise. */
export const DEFAULT_SPEC: ModelSpec = { pooling: 'mean', pooler: false, normalise: true, prefix: '', maxTokens: 512, dtype: 'q8' };
/** sentence-transformers' own default when a folder has no pooling config. */
export const DEFAULT_POOLING: Pooling = DEFAULT_SPEC.pooling;
export const DEFAULT_BATCH_SIZE = 16;

export interface TransformersEmbedderOptions {
  /** Model id, a folder under `modelsDir`: `Xenova/LaBSE`. */
  model: string;
  modelsDir: string;
  /** Overrides the pooling of the table or of the folder's `1_Pooling/config.json`. */
  pooling?: Pooling;
  /** Overrides the maximum number of tokens per text. */
  maxTokens?: number;
  batchSize?: number;
  /** `onnx/model_quantized.onnx` (true) or `onnx/model.onnx` (false); default: the spec's dtype when present, else the other. */
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
  readonly poolingSource: 'option' | 'table' | 'config' | 'default';
  readonly dtype: Dtype;
  readonly maxTokens: number;
  readonly normalise: boolean;
  readonly prefix: string;
  /** True when CLS pooling goes through the model's own `pooler_output` (dense + tanh). */
  readonly usesPooler: boolean;
  /** Set when the model cannot be run exactly as its spec asks (a LaBSE export without its pooler). */
  readonly warning: string | undefined;
  /** What run.json records: the settings above, texts embedded and seconds spent in the model. */
  describe(): Record<string, unknown>;
  dispose(): Promise<void>;
}

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
    `${what}. Download it with \`polyalign models pull ${model}\`, or copy the model folder there by hand (see models/README.md).`,
    { path: dir },
  );
}

async function chooseDtype(model: string, dir: string, preferred: Dtype, quantized: boolean | undefined): Promise<Dtype> {
  const has = { q8: await exists(join(dir, ONNX_FILES.q8)), fp32: await exists(join(dir, ONNX_FILES.fp32)) };
  const other: Dtype = preferred === 'q8' ? 'fp32' : 'q8';
  const wanted = quantized === undefined ? (has[preferred] ? preferred : other) : quantized ? 'q8' : 'fp32';
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

/** The pooling `run` would use for a model folder: the table's, else the folder's config, else the default. */
export async function poolingFor(model: string, dir: string): Promise<Pooling> {
  return SUPPORTED_MODELS[model]?.pooling ?? (await readPooling(dir)) ?? DEFAULT_POOLING;
}

/** The spec of `model`: the table's entry, or the defaults refined by the folder's sentence-transformers files. */
export async function resolveSpec(model: string, dir: string): Promise<{ spec: ModelSpec; source: 'table' | 'config' | 'default' }> {
  const known = SUPPORTED_MODELS[model];
  if (known) return { spec: known, source: 'table' };
  const pooling = await readPooling(dir);
  const st = await readJson(join(dir, 'sentence_bert_config.json'));
  const tokenizer = await readJson(join(dir, 'tokenizer_config.json'));
  const config = await readJson(join(dir, 'config.json'));
  const limits = [st?.max_seq_length, tokenizer?.model_max_length, config?.max_position_embeddings, DEFAULT_SPEC.maxTokens];
  const maxTokens = Math.min(...limits.filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0));
  const hasDense = await exists(join(dir, '2_Dense', 'config.json'));
  return {
    spec: { ...DEFAULT_SPEC, pooling: pooling ?? DEFAULT_SPEC.pooling, pooler: pooling === 'cls' && hasDense, maxTokens },
    source: pooling ? 'config' : 'default',
  };
}

const OUTPUTS = ['sentence_embedding', 'pooler_output', 'last_hidden_state', 'token_embeddings'] as const;
type Output = (typeof OUTPUTS)[number];

/**
 * Which model output becomes the sentence vector: an export with sentence-transformers' own head
 * gives the finished vector; a BERT export may carry the pooler (used when the spec asks for it);
 * otherwise the token states, pooled here.
 */
function pickOutput(names: readonly string[], spec: ModelSpec): Output | undefined {
  return OUTPUTS.find((name) => names.includes(name) && (name !== 'pooler_output' || (spec.pooling === 'cls' && spec.pooler)));
}

// Serialises loads: transformers.js reads its model root from a global (`env.localModelPath`).
let loadQueue: Promise<unknown> = Promise.resolve();

interface OutputTensor {
  data: Float32Array;
  dims: number[];
}

/** Load a local model folder and return an embedder over it. */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
  const { model } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new PolyalignError('usage.invalid-option', `Expected a batch size of at least 1, not ${options.batchSize}`);
  }
  if (options.maxTokens !== undefined && (!Number.isInteger(options.maxTokens) || options.maxTokens < 2)) {
    throw new PolyalignError('usage.invalid-option', `Expected a maximum of at least 2 tokens, not ${options.maxTokens}`);
  }
  const modelsDir = resolve(options.modelsDir);
  const dir = join(modelsDir, model);
  if (!(await exists(dir))) throw missing(model, dir, `model folder not found`);
  for (const file of REQUIRED_FILES) {
    if (!(await exists(join(dir, file)))) throw missing(model, dir, `model folder is incomplete: ${file} is missing`);
  }
  const resolved = await resolveSpec(model, dir);
  const spec: ModelSpec = {
    ...resolved.spec,
    ...(options.pooling ? { pooling: options.pooling, pooler: options.pooling === 'cls' && resolved.spec.pooler } : {}),
    ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
  };
  const poolingSource = options.pooling ? 'option' : resolved.source;
  const dtype = await chooseDtype(model, dir, spec.dtype, options.quantized);

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
  const session = (network as unknown as { sessions: Record<string, { outputNames: readonly string[] }> }).sessions.model;
  const outputNames = session?.outputNames ?? [];
  const picked = pickOutput(outputNames, spec);
  if (!picked) {
    await network.dispose();
    throw new PolyalignError('model.load', `model ${model} has none of the outputs ${OUTPUTS.join(', ')} (it has ${outputNames.join(', ')})`, { path: dir });
  }
  const source: Output = picked;
  const usesPooler = source === 'pooler_output';
  const warning =
    spec.pooling === 'cls' && spec.pooler && !usesPooler && source !== 'sentence_embedding'
      ? `${model}: this ONNX export has no pooler_output, so the sentence vector is the bare CLS state, not the pooled one the model was trained with`
      : undefined;
  const config = (await readJson(join(dir, 'config.json'))) ?? {};
  const dim = typeof config.hidden_size === 'number' ? config.hidden_size : (spec.dim ?? 0);
  const sepId = (tokenizer as unknown as { sep_token_id?: number }).sep_token_id;
  const sep = typeof sepId === 'number' ? BigInt(sepId) : undefined;
  let texts = 0;
  let seconds = 0;

  async function embedBatch(batch: string[]): Promise<Float32Array[]> {
    const t0 = performance.now();
    const inputs = tokenizer(spec.prefix ? batch.map((t) => spec.prefix + t) : batch, { padding: true, truncation: true, max_length: spec.maxTokens });
    endWithSeparator(inputs.input_ids.data as BigInt64Array, inputs.attention_mask.data as BigInt64Array, inputs.input_ids.dims, spec.maxTokens, sep);
    const outputs = (await network(inputs)) as Record<string, OutputTensor | undefined>;
    const out = outputs[source]!;
    const vectors: Float32Array[] = [];
    if (out.dims.length === 2) {
      // Already one vector per text: copy each row out of the batch tensor.
      const [rows, width] = out.dims as [number, number];
      for (let b = 0; b < rows; b++) vectors.push(out.data.slice(b * width, (b + 1) * width));
    } else {
      const [rows, seq, width] = out.dims as [number, number, number];
      const data = out.data;
      const mask = inputs.attention_mask.data as BigInt64Array;
      for (let b = 0; b < rows; b++) {
        if (spec.pooling === 'cls') {
          vectors.push(data.slice(b * seq * width, b * seq * width + width));
          continue;
        }
        const v = new Float32Array(width);
        let count = 0;
        for (let s = 0; s < seq; s++) {
          if (mask[b * seq + s] === 0n) continue;
          count++;
          const row = data.subarray((b * seq + s) * width, (b * seq + s + 1) * width);
          for (let h = 0; h < width; h++) v[h]! += row[h]!;
        }
        if (count > 0) for (let h = 0; h < width; h++) v[h]! /= count;
        vectors.push(v);
      }
    }
    if (spec.normalise) for (const v of vectors) l2normalise(v);
    texts += batch.length;
    seconds += (performance.now() - t0) / 1000;
    return vectors;
  }

  const pooled = usesPooler ? 'cls-pooler' : source === 'sentence_embedding' ? 'st' : spec.pooling;
  return {
    id: `${model}:${dtype}:${pooled}${spec.maxTokens === resolved.spec.maxTokens ? '' : `:max${spec.maxTokens}`}${spec.normalise ? '' : ':raw'}`,
    kind: 'transformers',
    dim,
    model,
    dir,
    pooling: spec.pooling,
    poolingSource,
    dtype,
    maxTokens: spec.maxTokens,
    normalise: spec.normalise,
    prefix: spec.prefix,
    usesPooler,
    warning,
    describe() {
      return {
        model,
        dtype,
        pooling: pooled,
        poolingSource,
        output: source,
        maxTokens: spec.maxTokens,
        normalise: spec.normalise,
        prefix: spec.prefix,
        ...(warning ? { warning } : {}),
        texts,
        seconds: Number(seconds.toFixed(3)),
      };
    },
    async embed(input: string[]): Promise<Float32Array[]> {
      return batchByLength(input, batchSize, embedBatch, options.onProgress);
    },
    async dispose() {
      await network.dispose();
    },
  };
}

/**
 * transformers.js truncates a tokenised text after adding the special tokens, so a text cut to
 * `max_length` loses its closing separator; sentence-transformers keeps it. Put it back on the
 * rows that were cut: when the batch is `max` wide, rows whose last position is a real token
 * other than the separator.
 */
function endWithSeparator(ids: BigInt64Array, mask: BigInt64Array, dims: number[], max: number, sep: bigint | undefined): void {
  const [rows, width] = dims as [number, number];
  if (sep === undefined || width < max) return;
  for (let b = 0; b < rows; b++) {
    const last = b * width + width - 1;
    if (mask[last] === 1n && ids[last] !== sep) ids[last] = sep;
  }
}
