import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransformersEmbedder } from '../../src/embed/transformers.ts';
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
    expect([cls.pooling, cls.poolingSource]).toEqual(['cls', 'config']);
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
    const error = await createTransformersEmbedder({ model: 'Xenova/LaBSE', modelsDir: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model.missing', exitCode: 2, path: join(dir, 'Xenova/LaBSE') });
    expect((error as Error).message).toContain('polyalign models pull Xenova/LaBSE');
  });
});
