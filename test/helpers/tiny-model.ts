// A real BERT-shaped model that transformers.js loads offline: a WordPiece tokenizer.json and an
// ONNX graph with seeded random weights (embeddings, layers of multi-head self-attention with
// the attention mask, a feed-forward, layer norms). Built into a temp folder by the tests
// (2 layers, 32 wide: TINY_SHAPE), so no binary is committed and no download is needed. The
// benchmarks build a model of MiniLM size the same way (MINILM_SHAPE, a large vocabulary, and
// optionally int8 weights like a `model_quantized.onnx`).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeModel, FLOAT, INT64, INT8 } from './tiny-onnx.ts';
import type { Attribute, Node, Tensor, ValueInfo } from './tiny-onnx.ts';
import { mulberry32 as rng } from '../../src/random.ts';

export interface ModelShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  maxPositions: number;
  /** Feed-forward activation: tanh (the test model) or GELU (BERT's, as erf). */
  activation: 'tanh' | 'gelu';
}

export const TINY_SHAPE: ModelShape = { layers: 2, hidden: 32, heads: 2, intermediate: 37, maxPositions: 128, activation: 'tanh' };
/** The shape of paraphrase-multilingual-MiniLM-L12-v2's encoder. */
export const MINILM_SHAPE: ModelShape = { layers: 12, hidden: 384, heads: 12, intermediate: 1536, maxPositions: 512, activation: 'gelu' };
/** The shape of LaBSE's encoder (its vocabulary has 501,153 tokens). */
export const LABSE_SHAPE: ModelShape = { layers: 12, hidden: 768, heads: 12, intermediate: 3072, maxPositions: 512, activation: 'gelu' };
export const TINY_HIDDEN = TINY_SHAPE.hidden;
const SEED = 20250903;

export interface TinyModelOptions {
  /** Write a sentence-transformers `1_Pooling/config.json` asking for this pooling. */
  pooling?: 'cls' | 'mean';
  /** Also output `pooler_output` (tanh dense over CLS), and write a `2_Dense/config.json` unless `dense` is false. */
  pooler?: boolean;
  /** Write `2_Dense/config.json` (default: when `pooler`). */
  dense?: boolean;
  /** The ONNX file name under `onnx/`: `model.onnx` (default) or `model_quantized.onnx`. */
  onnxFile?: string;
  /** Layers and widths; default TINY_SHAPE. */
  shape?: Partial<ModelShape>;
  /** Whole words added to the vocabulary after the built-in ones (a benchmark adds its corpus' frequent words). */
  words?: string[];
  /** Pad the vocabulary with unused tokens up to this size (the embedding matrix grows with it). */
  vocabSize?: number;
  /** int8 weights with dynamic quantisation of the activations (MatMulInteger), as in a `model_quantized.onnx`. */
  quantized?: boolean;
}

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = (
  'the a of and to in is was that for on with as by at from he she it they we you his her their ' +
  'putin kim jong un russia russian korea north korean president leader soldiers troops war ukraine ' +
  'kursk region beijing china chinese parade victory day meeting talks said says initiative special ' +
  'forces liberation courage heroism friendship trust alliance treaty moscow pyongyang army military ' +
  'je da u i na se su s o za od do koji kao što predsjednik rat vojnici snage regija sastanak rekao ' +
  'in v z je bil ruski predsednik vojna la de cu pe și în că a fost președintele forțele ' +
  'og i på at er det en som med af til den har han deres præsident krig soldater ' +
  'one two three year years people country countries world new first last time'
).split(/\s+/);

function buildVocab(words: string[] = [], size = 0): string[] {
  const chars = [...'abcdefghijklmnopqrstuvwxyz0123456789', ...'абвгдежзийклмнопрстуфхцчшјљњџ'];
  const punct = [...'.,;:!?"\'()-–—„“”«»/%'];
  const vocab = [...SPECIALS, ...punct, ...chars, ...chars.map((c) => `##${c}`)];
  const seen = new Set(vocab);
  const add = (t: string) => {
    if (!seen.has(t)) {
      seen.add(t);
      vocab.push(t);
    }
  };
  for (const w of WORDS) add(w);
  for (const suffix of ['##s', '##ed', '##ing', '##om', '##a', '##u', '##ul', '##ei', '##en', '##er', '##ski', '##ska']) add(suffix);
  for (const w of words) add(w);
  for (let i = 0; vocab.length < size; i++) add(`[unused${i}]`);
  return vocab;
}

function tokenizerJson(vocab: string[]): object {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (content: string) => ({
    id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
  });
  const tokenRef = (t: string) => ({ id: t, ids: [ids[t]], tokens: [t] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': tokenRef('[CLS]'), '[SEP]': tokenRef('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

function buildGraph(vocabSize: number, pooler: boolean, shape: ModelShape, quantized: boolean): Uint8Array {
  const { hidden: HIDDEN, heads: HEADS, layers: LAYERS, intermediate: INTERMEDIATE, maxPositions: MAX_POSITIONS } = shape;
  const HEAD_DIM = HIDDEN / HEADS;
  if (!Number.isInteger(HEAD_DIM)) throw new Error(`hidden ${HIDDEN} is not a multiple of heads ${HEADS}`);
  const random = rng(SEED);
  const initializers: Tensor[] = [];
  const nodes: Node[] = [];
  const randomFloats = (dims: number[], scale: number, offset = 0): Float32Array => {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = offset + (random() * 2 - 1) * scale;
    return data;
  };
  const floats = (name: string, dims: number[], scale: number, offset = 0): string => {
    initializers.push({ name, type: FLOAT, dims, data: randomFloats(dims, scale, offset) });
    return name;
  };
  /** Random weights stored as int8 with one symmetric scale: [weights, scale, zero point]. */
  const int8s = (name: string, dims: number[], scale: number): [string, string, string] => {
    const data = randomFloats(dims, scale);
    let max = 0;
    for (const x of data) max = Math.max(max, Math.abs(x));
    const step = max / 127 || 1;
    const q = new Int8Array(data.length);
    for (let i = 0; i < data.length; i++) q[i] = Math.round(data[i]! / step);
    initializers.push({ name, type: INT8, dims, data: q });
    initializers.push({ name: `${name}.scale`, type: FLOAT, dims: [], data: new Float32Array([step]) });
    initializers.push({ name: `${name}.zero`, type: INT8, dims: [], data: new Int8Array([0]) });
    return [name, `${name}.scale`, `${name}.zero`];
  };
  const constFloat = (name: string, value: number): string => {
    initializers.push({ name, type: FLOAT, dims: [], data: new Float32Array([value]) });
    return name;
  };
  const constInts = (name: string, values: number[], scalar = false): string => {
    initializers.push({ name, type: INT64, dims: scalar ? [] : [values.length], data: BigInt64Array.from(values.map(BigInt)) });
    return name;
  };
  let counter = 0;
  const opN = (type: string, inputs: string[], outputs: number, attributes?: Attribute[]): string[] => {
    const outs = Array.from({ length: outputs }, () => `t${counter++}`);
    nodes.push({ op: type, inputs, outputs: outs, attributes });
    return outs;
  };
  const op = (type: string, inputs: string[], attributes?: Attribute[], output?: string): string => {
    const out = output ?? `t${counter++}`;
    nodes.push({ op: type, inputs, outputs: [out], attributes });
    return out;
  };
  const layerNorm = (x: string, name: string): string =>
    op('LayerNormalization', [x, floats(`${name}.gamma`, [HIDDEN], 0.1, 1), floats(`${name}.beta`, [HIDDEN], 0.1)], [
      { name: 'axis', int: -1 },
      { name: 'epsilon', float: 1e-12 },
    ]);
  const matmul = (x: string, name: string, inDim: number, outDim: number): string => {
    if (!quantized) return op('MatMul', [x, floats(`${name}.weight`, [inDim, outDim], 1 / Math.sqrt(inDim))]);
    // What dynamic quantisation writes: quantise the activations on the fly, multiply in int8, rescale.
    const [w, wScale, wZero] = int8s(`${name}.weight`, [inDim, outDim], 1 / Math.sqrt(inDim));
    const [xq, xScale, xZero] = opN('DynamicQuantizeLinear', [x], 3) as [string, string, string];
    const product = op('MatMulInteger', [xq, w, xZero, wZero]);
    return op('Mul', [op('Cast', [product], [{ name: 'to', int: FLOAT }]), op('Mul', [xScale, wScale])]);
  };
  const dense = (x: string, name: string, inDim: number, outDim: number): string =>
    op('Add', [matmul(x, name, inDim, outDim), floats(`${name}.bias`, [outDim], 0.02)]);
  const activate = (x: string): string => {
    if (shape.activation === 'tanh') return op('Tanh', [x]);
    const erf = op('Erf', [op('Div', [x, constFloat(`sqrt2_${counter}`, Math.SQRT2)])]);
    return op('Mul', [op('Mul', [x, constFloat(`half_${counter}`, 0.5)]), op('Add', [erf, constFloat(`one_${counter}`, 1)])]);
  };

  const zero = constInts('zero', [0], true);
  const one = constInts('one', [1], true);
  const seqLen = op('Gather', [op('Shape', ['input_ids']), one], [{ name: 'axis', int: 0 }]);
  const positions = op('Range', [zero, seqLen, one]);
  let words: string;
  if (quantized) {
    const [table, scale, zeroPoint] = int8s('word_embeddings', [vocabSize, HIDDEN], 1);
    words = op('DequantizeLinear', [op('Gather', [table, 'input_ids']), scale, zeroPoint]);
  } else {
    words = op('Gather', [floats('word_embeddings', [vocabSize, HIDDEN], 1), 'input_ids']);
  }
  const pos = op('Gather', [floats('position_embeddings', [MAX_POSITIONS, HIDDEN], 0.5), positions]);
  const types = op('Gather', [floats('token_type_embeddings', [2, HIDDEN], 0.5), 'token_type_ids']);
  let hiddenState = layerNorm(op('Add', [op('Add', [words, pos]), types]), 'embeddings.ln');

  // Padding positions get a large negative score so that they receive no attention.
  const maskFloat = op('Cast', ['attention_mask'], [{ name: 'to', int: FLOAT }]);
  const maskAdd = op('Mul', [op('Sub', [constFloat('one_f', 1), maskFloat]), constFloat('neg_big', -10000)]);
  const mask4 = op('Unsqueeze', [maskAdd, constInts('axes_1_2', [1, 2])]);
  const splitShape = constInts('split_heads', [0, 0, HEADS, HEAD_DIM]);
  const mergeShape = constInts('merge_heads', [0, 0, HIDDEN]);
  const scale = constFloat('attn_scale', 1 / Math.sqrt(HEAD_DIM));
  const perm = (p: number[]): Attribute[] => [{ name: 'perm', ints: p }];

  for (let l = 0; l < LAYERS; l++) {
    const heads = (name: string, p: number[]) =>
      op('Transpose', [op('Reshape', [dense(hiddenState, `l${l}.${name}`, HIDDEN, HIDDEN), splitShape])], perm(p));
    const q = heads('q', [0, 2, 1, 3]);
    const kT = heads('k', [0, 2, 3, 1]);
    const v = heads('v', [0, 2, 1, 3]);
    const scores = op('Add', [op('Mul', [op('MatMul', [q, kT]), scale]), mask4]);
    const probs = op('Softmax', [scores], [{ name: 'axis', int: -1 }]);
    const context = op('Reshape', [op('Transpose', [op('MatMul', [probs, v])], perm([0, 2, 1, 3])), mergeShape]);
    hiddenState = layerNorm(op('Add', [hiddenState, dense(context, `l${l}.o`, HIDDEN, HIDDEN)]), `l${l}.ln1`);
    const ff = dense(activate(dense(hiddenState, `l${l}.ff1`, HIDDEN, INTERMEDIATE)), `l${l}.ff2`, INTERMEDIATE, HIDDEN);
    hiddenState = layerNorm(op('Add', [hiddenState, ff]), `l${l}.ln2`);
  }
  op('Identity', [hiddenState], undefined, 'last_hidden_state');

  const outputs: ValueInfo[] = [{ name: 'last_hidden_state', type: FLOAT, shape: ['batch', 'sequence', HIDDEN] }];
  if (pooler) {
    const cls = op('Gather', ['last_hidden_state', zero], [{ name: 'axis', int: 1 }]);
    op('Tanh', [dense(cls, 'pooler', HIDDEN, HIDDEN)], undefined, 'pooler_output');
    outputs.push({ name: 'pooler_output', type: FLOAT, shape: ['batch', HIDDEN] });
  }
  const tokenInput = (name: string): ValueInfo => ({ name, type: INT64, shape: ['batch', 'sequence'] });
  return encodeModel({
    name: 'tiny-bert',
    nodes,
    initializers,
    inputs: [tokenInput('input_ids'), tokenInput('attention_mask'), tokenInput('token_type_ids')],
    outputs,
  });
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Write a loadable tiny BERT into `dir/<id>/` and return that folder. */
export async function buildTinyModel(dir: string, id = 'test/tiny-bert', options: TinyModelOptions = {}): Promise<string> {
  const root = join(dir, id);
  const shape = { ...TINY_SHAPE, ...options.shape };
  const vocab = buildVocab(options.words, options.vocabSize);
  await mkdir(join(root, 'onnx'), { recursive: true });
  await writeJson(join(root, 'config.json'), {
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocab.length,
    hidden_size: shape.hidden,
    num_hidden_layers: shape.layers,
    num_attention_heads: shape.heads,
    intermediate_size: shape.intermediate,
    hidden_act: shape.activation,
    max_position_embeddings: shape.maxPositions,
    type_vocab_size: 2,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
  });
  await writeJson(join(root, 'tokenizer.json'), tokenizerJson(vocab));
  await writeJson(join(root, 'tokenizer_config.json'), {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: shape.maxPositions,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  });
  await writeJson(join(root, 'special_tokens_map.json'), {
    cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
  });
  if (options.pooling) {
    await mkdir(join(root, '1_Pooling'), { recursive: true });
    await writeJson(join(root, '1_Pooling', 'config.json'), {
      word_embedding_dimension: shape.hidden,
      pooling_mode_cls_token: options.pooling === 'cls',
      pooling_mode_mean_tokens: options.pooling === 'mean',
      pooling_mode_max_tokens: false,
      pooling_mode_mean_sqrt_len_tokens: false,
    });
  }
  if (options.dense ?? options.pooler) {
    await mkdir(join(root, '2_Dense'), { recursive: true });
    await writeJson(join(root, '2_Dense', 'config.json'), {
      in_features: shape.hidden, out_features: shape.hidden, bias: true, activation_function: 'torch.nn.modules.activation.Tanh',
    });
  }
  await writeFile(join(root, 'onnx', options.onnxFile ?? 'model.onnx'), buildGraph(vocab.length, options.pooler ?? false, shape, options.quantized ?? false));
  return root;
}
