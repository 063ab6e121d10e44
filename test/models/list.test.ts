import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModels, pickAuto } from '../../src/models/list.ts';
import { buildTinyModel } from '../helpers/tiny-model.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyalign-list-'));
  await buildTinyModel(dir, 'test/cls', { pooling: 'cls' });
  await buildTinyModel(dir, 'test/plain', { onnxFile: 'model_quantized.onnx' });
  // A table model without sentence-transformers files: the table's pooling, as `run` uses it.
  await buildTinyModel(dir, 'Xenova/LaBSE', { pooler: true, dense: false, onnxFile: 'model_quantized.onnx' });
  await mkdir(join(dir, 'half/done'), { recursive: true });
  await writeFile(join(dir, 'half/done/config.json'), '{}');
  await writeFile(join(dir, 'half/done/tokenizer.json.part'), 'xx');
  await mkdir(join(dir, 'not-a-model/onnx'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listModels', () => {
  it('lists every model folder with its size, completeness and pooling', async () => {
    const models = await listModels(dir);
    expect(models.map((m) => [m.id, m.complete, m.pooling])).toEqual([
      ['Xenova/LaBSE', true, 'cls'],
      ['half/done', false, 'mean'],
      ['test/cls', true, 'cls'],
      ['test/plain', true, 'mean'],
    ]);
    const cls = models[2]!;
    expect(cls.dir).toBe(join(dir, 'test/cls'));
    expect(cls.files).toEqual(['1_Pooling/config.json', 'config.json', 'onnx/model.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json']);
    expect(cls.bytes).toBeGreaterThan(10_000);
    expect(models[1]!.files).toEqual(['config.json']);
  });

  it('finds nothing in a folder that does not exist', async () => {
    expect(await listModels(join(dir, 'nowhere'))).toEqual([]);
  });
});

describe('pickAuto', () => {
  it('takes the preferred model only when it is complete', async () => {
    const models = await listModels(dir);
    expect(pickAuto(models, 'test/plain')?.id).toBe('test/plain');
    expect(pickAuto(models, 'half/done')).toBeUndefined();
    expect(pickAuto(models, 'Xenova/LaBSE')?.id).toBe('Xenova/LaBSE');
    expect(pickAuto(models, 'Xenova/paraphrase-multilingual-MiniLM-L12-v2')).toBeUndefined();
  });
});
