import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransformersEmbedder, DEFAULT_SPEC, SUPPORTED_MODELS } from '../../src/embed/transformers.ts';
import type { TransformersEmbedder } from '../../src/embed/transformers.ts';
import { dot } from '../../src/embed/vectors.ts';
import { buildTinyModel, TINY_HIDDEN } from '../helpers/tiny-model.ts';

const SENTENCES = [
  'Putin met Kim in Beijing.',
  'The war in Ukraine.',
  'Ruski predsjednik Vladimir Putin u srijedu je izjavio da su se hrabri vojnici pridružili ratu.',
  'Kim',
  'Trupele nord-coreene au ajutat Rusia la începutul acestui an să împingă forțele ucrainene din regiunea Kursk.',
  'Ким Џонг Ун',
];

let dir: string;
const opened: TransformersEmbedder[] = [];

async function open(options: Partial<Parameters<typeof createTransformersEmbedder>[0]> & { model: string }) {
  const embedder = await createTransformersEmbedder({ modelsDir: dir, ...options });
  opened.push(embedder);
  return embedder;
}

function close(a: Float32Array, b: Float32Array, tolerance = 1e-4): boolean {
  return a.every((x, i) => Math.abs(x - b[i]!) < tolerance);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyalign-tiny-'));
  await buildTinyModel(dir, 'test/plain');
  await buildTinyModel(dir, 'test/cls', { pooling: 'cls' });
  await buildTinyModel(dir, 'test/mean', { pooling: 'mean' });
  await buildTinyModel(dir, 'test/labse-like', { pooling: 'cls', pooler: true });
  await buildTinyModel(dir, 'test/quantized', { onnxFile: 'model_quantized.onnx' });
  // The table's models, built tiny: as the hub's exports are, without sentence-transformers files.
  await buildTinyModel(dir, 'Xenova/LaBSE', { pooler: true, dense: false, onnxFile: 'model_quantized.onnx' });
  await buildTinyModel(dir, 'no-pooler/LaBSE', { onnxFile: 'model_quantized.onnx' });
  await buildTinyModel(dir, 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', { pooling: 'cls', onnxFile: 'model_quantized.onnx' });
  await buildTinyModel(dir, 'test/short', { pooling: 'mean' });
  await writeFile(join(dir, 'test/short', 'sentence_bert_config.json'), JSON.stringify({ max_seq_length: 8, do_lower_case: false }));
});

afterAll(async () => {
  for (const e of opened) await e.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('createTransformersEmbedder', () => {
  it('returns one unit vector of the model width per text', async () => {
    const embedder = await open({ model: 'test/plain' });
    expect(embedder.kind).toBe('transformers');
    expect(embedder.dim).toBe(TINY_HIDDEN);
    const vectors = await embedder.embed(SENTENCES);
    expect(vectors).toHaveLength(SENTENCES.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(TINY_HIDDEN);
      expect(dot(v, v)).toBeCloseTo(1, 5);
    }
    expect(dot(vectors[0]!, vectors[1]!)).toBeLessThan(0.999);
  });

  it('is deterministic across calls and across loads', async () => {
    const a = await open({ model: 'test/plain' });
    const b = await open({ model: 'test/plain', batchSize: 3 });
    const first = await a.embed(SENTENCES);
    const again = await a.embed(SENTENCES);
    const other = await b.embed(SENTENCES);
    first.forEach((v, i) => {
      expect(Array.from(again[i]!)).toEqual(Array.from(v));
      expect(close(other[i]!, v)).toBe(true);
    });
  });

  it('keeps input order when it batches by length', async () => {
    const batched = await open({ model: 'test/plain', batchSize: 2 });
    const vectors = await batched.embed(SENTENCES);
    for (const [i, text] of SENTENCES.entries()) {
      const [alone] = await batched.embed([text]);
      expect(close(vectors[i]!, alone!)).toBe(true);
    }
  });

  it('reports progress per batch', async () => {
    const seen: number[] = [];
    const embedder = await open({ model: 'test/plain', batchSize: 4, onProgress: (done) => seen.push(done) });
    await embedder.embed(SENTENCES);
    expect(seen).toEqual([4, 6]);
  });

  it('follows the pooling named by the sentence-transformers config', async () => {
    const plain = await open({ model: 'test/plain' });
    const cls = await open({ model: 'test/cls' });
    const mean = await open({ model: 'test/mean' });
    expect([plain.pooling, plain.poolingSource]).toEqual(['mean', 'default']);
    expect([cls.pooling, cls.poolingSource, cls.usesPooler]).toEqual(['cls', 'config', false]);
    expect([mean.pooling, mean.poolingSource]).toEqual(['mean', 'config']);
    expect(cls.id).not.toBe(mean.id);

    // The same weights: the CLS vector is the first token's hidden state, the mean one is not.
    const hf = await import('@huggingface/transformers');
    hf.env.localModelPath = `${dir}/`;
    const extractor = await hf.pipeline('feature-extraction', 'test/cls', { dtype: 'fp32', device: 'cpu' });
    const reference = await extractor(SENTENCES[2]!, { pooling: 'cls', normalize: true });
    await extractor.dispose();
    const [viaCls] = await cls.embed([SENTENCES[2]!]);
    const [viaMean] = await mean.embed([SENTENCES[2]!]);
    expect(close(viaCls!, reference.data as Float32Array)).toBe(true);
    expect(close(viaMean!, reference.data as Float32Array)).toBe(false);
  });

  it('lets an option override the configured pooling', async () => {
    const forced = await open({ model: 'test/cls', pooling: 'mean' });
    const mean = await open({ model: 'test/mean' });
    expect(forced.poolingSource).toBe('option');
    const [a] = await forced.embed([SENTENCES[0]!]);
    const [b] = await mean.embed([SENTENCES[0]!]);
    expect(close(a!, b!)).toBe(true);
  });

  it('uses the pooler output when the folder has a Dense layer after CLS (LaBSE)', async () => {
    const labse = await open({ model: 'test/labse-like' });
    const cls = await open({ model: 'test/cls' });
    const [a] = await labse.embed([SENTENCES[0]!]);
    const [b] = await cls.embed([SENTENCES[0]!]);
    expect(labse.usesPooler).toBe(true);
    expect(cls.usesPooler).toBe(false);
    expect(close(a!, b!)).toBe(false);
  });

  it('picks the quantized file when it is the one present', async () => {
    const q = await open({ model: 'test/quantized' });
    expect(q.dtype).toBe('q8');
    expect(q.id).toBe('test/quantized:q8:mean');
    await expect(createTransformersEmbedder({ model: 'test/quantized', modelsDir: dir, quantized: false })).rejects.toMatchObject({
      code: 'model.missing',
      message: expect.stringContaining('onnx/model.onnx'),
    });
  });

  it('names the folder and the pull command when the model is missing', async () => {
    const empty = join(dir, 'empty');
    const error = await createTransformersEmbedder({ model: 'Xenova/LaBSE', modelsDir: empty }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model.missing', exitCode: 2, path: join(empty, 'Xenova/LaBSE') });
    expect((error as Error).message).toContain('polyalign models pull Xenova/LaBSE');
  });

  it('runs LaBSE as its table entry says: CLS through the pooler, normalised, quantised weights', async () => {
    expect(SUPPORTED_MODELS['Xenova/LaBSE']).toMatchObject({ pooling: 'cls', pooler: true, normalise: true, prefix: '', dim: 768, dtype: 'q8' });
    const labse = await open({ model: 'Xenova/LaBSE' });
    expect([labse.pooling, labse.poolingSource, labse.usesPooler, labse.dtype, labse.warning]).toEqual(['cls', 'table', true, 'q8', undefined]);
    expect(labse.id).toBe('Xenova/LaBSE:q8:cls-pooler');
    // The same weights with sentence-transformers' configs (1_Pooling cls, 2_Dense) give the same vectors.
    const configured = await open({ model: 'test/labse-like' });
    expect(configured.usesPooler).toBe(true);
    const [a] = await labse.embed([SENTENCES[2]!]);
    const [b] = await configured.embed([SENTENCES[2]!]);
    expect(close(a!, b!)).toBe(true);
    // ... and not the bare CLS state, nor the mean.
    const [bare] = await (await open({ model: 'test/cls' })).embed([SENTENCES[2]!]);
    expect(close(a!, bare!)).toBe(false);
  });

  it('falls back to the bare CLS state, and says so, when a LaBSE export has no pooler output', async () => {
    const { SUPPORTED_MODELS: table } = await import('../../src/embed/transformers.ts');
    (table as Record<string, unknown>)['no-pooler/LaBSE'] = table['Xenova/LaBSE'];
    try {
      const labse = await open({ model: 'no-pooler/LaBSE' });
      expect([labse.pooling, labse.usesPooler]).toEqual(['cls', false]);
      expect(labse.id).toBe('no-pooler/LaBSE:q8:cls');
      expect(labse.warning).toMatch(/no pooler_output/);
      expect(labse.describe()).toMatchObject({ output: 'last_hidden_state', warning: expect.stringMatching(/bare CLS/) });
      const [a] = await labse.embed([SENTENCES[0]!]);
      const [b] = await (await open({ model: 'test/cls' })).embed([SENTENCES[0]!]);
      expect(close(a!, b!)).toBe(true);
    } finally {
      delete (table as Record<string, unknown>)['no-pooler/LaBSE'];
    }
  });

  it('runs the multilingual MiniLM with mean pooling and 128 tokens, whatever its folder says', async () => {
    const minilm = await open({ model: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2' });
    expect([minilm.pooling, minilm.poolingSource, minilm.maxTokens, minilm.dtype]).toEqual(['mean', 'table', 128, 'q8']);
    const [a] = await minilm.embed([SENTENCES[4]!]);
    const [b] = await (await open({ model: 'test/mean' })).embed([SENTENCES[4]!]);
    expect(close(a!, b!)).toBe(true);
  });

  it('gives ids outside the table the documented defaults, refined by the folder\'s own configs', async () => {
    expect(DEFAULT_SPEC).toMatchObject({ pooling: 'mean', normalise: true, prefix: '' });
    const plain = await open({ model: 'test/plain' });
    // No sentence-transformers files: mean, normalised, at most the tokenizer's 128 tokens.
    expect([plain.pooling, plain.poolingSource, plain.normalise, plain.prefix, plain.maxTokens]).toEqual(['mean', 'default', true, '', 128]);
    const short = await open({ model: 'test/short' });
    expect([short.pooling, short.poolingSource, short.maxTokens]).toEqual(['mean', 'config', 8]);
  });

  it('cuts texts to the model\'s maximum number of tokens', async () => {
    const short = await open({ model: 'test/short' });
    const plain = await open({ model: 'test/mean' });
    // Every word is one token: [CLS] + 6 words + [SEP] = 8, as sentence-transformers cuts it.
    const long = 'putin kim jong un russia korea north korean president leader soldiers troops';
    const cut = 'putin kim jong un russia korea';
    const [viaShort, cutShort] = await short.embed([long, cut]);
    expect(close(viaShort!, cutShort!)).toBe(true);
    const [viaPlain, cutPlain] = await plain.embed([long, cut]);
    expect(close(viaPlain!, cutPlain!)).toBe(false);
    const forced = await open({ model: 'test/mean', maxTokens: 8 });
    expect(forced.id).toBe('test/mean:fp32:mean:max8');
    const [viaForced] = await forced.embed([long]);
    expect(close(viaForced!, cutShort!)).toBe(true);
  });

  it('counts the texts it embeds and the seconds it spends', async () => {
    const embedder = await open({ model: 'test/mean', batchSize: 4 });
    expect(embedder.describe()).toMatchObject({ texts: 0, seconds: 0, pooling: 'mean', dtype: 'fp32', maxTokens: 128 });
    await embedder.embed(SENTENCES);
    const after = embedder.describe();
    expect(after.texts).toBe(SENTENCES.length);
    expect(after.seconds).toBeGreaterThan(0);
  });
});
