import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransformersEmbedder } from '../../src/embed/transformers.ts';
import { pullModel, STAGING_DIR } from '../../src/models/pull.ts';
import { listModels } from '../../src/models/list.ts';
import { buildTinyModel, TINY_HIDDEN } from '../helpers/tiny-model.ts';
import { startTinyHub } from '../helpers/tiny-hub.ts';
import type { TinyHub } from '../helpers/tiny-hub.ts';

const ID = 'test/tiny-bert';
let root: string;
let hub: TinyHub;
let modelsDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'polyalign-hub-'));
  await buildTinyModel(join(root, 'served'), ID, { pooling: 'mean' });
  await buildTinyModel(join(root, 'served'), 'test/no-tokenizer');
  await rm(join(root, 'served', 'test/no-tokenizer', 'tokenizer.json'));
  hub = await startTinyHub(join(root, 'served'));
});

afterAll(async () => {
  await hub.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  modelsDir = await mkdtemp(join(root, 'models-'));
  hub.requests.length = 0;
  hub.truncate.clear();
  hub.gzip.clear();
  hub.misrange.clear();
});

describe('pullModel', () => {
  it('downloads a model that the embedder then loads offline', async () => {
    const progress = new Map<string, [number, number]>();
    const result = await pullModel(ID, { modelsDir, host: `${hub.url}/`, onProgress: (f, r, t) => progress.set(f, [r, t]) });
    expect(result.dir).toBe(join(modelsDir, ID));
    // No quantized file on the server: the fp32 one is taken instead.
    expect(result.files).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', '1_Pooling/config.json', 'onnx/model.onnx']);
    expect(hub.requests).toContain(`/${ID}/resolve/main/onnx/model_quantized.onnx`);
    const source = await readFile(join(root, 'served', ID, 'onnx/model.onnx'));
    expect(await readFile(join(result.dir, 'onnx/model.onnx'))).toEqual(source);
    expect(progress.get('onnx/model.onnx')).toEqual([source.length, source.length]);
    expect(result.downloaded).toEqual(result.files);
    // The staging folder is gone once the model is in place.
    expect(await readdir(modelsDir)).toEqual(['test']);
    expect(result.bytes).toBe([...progress.values()].reduce((s, [r]) => s + r, 0));

    const pulled = await createTransformersEmbedder({ model: ID, modelsDir });
    const original = await createTransformersEmbedder({ model: ID, modelsDir: join(root, 'served') });
    const [a] = await pulled.embed(['Putin met Kim in Beijing.']);
    const [b] = await original.embed(['Putin met Kim in Beijing.']);
    expect(a).toHaveLength(TINY_HIDDEN);
    expect(pulled.pooling).toBe('mean');
    expect(Array.from(a!)).toEqual(Array.from(b!));
    await Promise.all([pulled.dispose(), original.dispose()]);
  });

  it('does not fetch again the files already in place', async () => {
    await pullModel(ID, { modelsDir, host: hub.url });
    hub.requests.length = 0;
    const again = await pullModel(ID, { modelsDir, host: hub.url });
    // Only the optional file that the server does not have is asked for again.
    expect(hub.requests).toEqual([`/${ID}/resolve/main/2_Dense/config.json`]);
    expect(again.files).toContain('onnx/model.onnx');
  });

  it('names the URL and the status when a required file is missing', async () => {
    const error = await pullModel('test/no-tokenizer', { modelsDir, host: hub.url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model.download', exitCode: 1 });
    expect((error as Error).message).toContain(`${hub.url}/test/no-tokenizer/resolve/main/tokenizer.json`);
    expect((error as Error).message).toContain('404');
    expect(await listModels(modelsDir)).toEqual([]);
  });

  it('fails on the exact file list it was given', async () => {
    await expect(pullModel(ID, { modelsDir, host: hub.url, files: ['config.json', 'onnx/model_quantized.onnx'] })).rejects.toMatchObject({
      code: 'model.download',
      message: expect.stringContaining('onnx/model_quantized.onnx failed: HTTP 404'),
    });
  });

  it('leaves nothing in the model folder when a transfer is cut short, names the file, and resumes', async () => {
    hub.truncate.add('onnx/model.onnx');
    const error = await pullModel(ID, { modelsDir, host: hub.url, quantized: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model.download' });
    expect((error as Error).message).toMatch(/^onnx\/model\.onnx: GET .*onnx\/model\.onnx: the transfer broke off after \d+ of \d+ bytes/);
    expect((error as Error).message).toContain(`nothing was written to ${join(modelsDir, ID)}`);
    // The models folder holds only the hidden staging folder: no model, complete or not.
    expect(await readdir(modelsDir)).toEqual([STAGING_DIR]);
    expect(await listModels(modelsDir)).toEqual([]);
    expect(await readdir(join(modelsDir, STAGING_DIR, ID, 'onnx'))).toEqual(['model.onnx.part']);

    hub.truncate.clear();
    hub.requests.length = 0;
    const result = await pullModel(ID, { modelsDir, host: hub.url, quantized: false });
    // Files finished before the break are not fetched again; the broken one resumes where it stopped.
    expect(hub.requests).toEqual([
      `/${ID}/resolve/main/2_Dense/config.json`,
      expect.stringMatching(/^\/test\/tiny-bert\/resolve\/main\/onnx\/model\.onnx bytes=[1-9]\d*-$/),
    ]);
    expect(result.downloaded).toContain('config.json');
    expect(await readFile(join(modelsDir, ID, 'onnx/model.onnx'))).toEqual(await readFile(join(root, 'served', ID, 'onnx/model.onnx')));
    expect(await readdir(join(modelsDir, ID, 'onnx'))).toEqual(['model.onnx']);
    expect(await readdir(modelsDir)).toEqual(['test']);
  });

  it('asks for the bytes as they are, and takes a compressed reply whole', async () => {
    hub.gzip.add('tokenizer.json');
    const result = await pullModel(ID, { modelsDir, host: hub.url, quantized: false });
    expect(await readFile(join(result.dir, 'tokenizer.json'))).toEqual(await readFile(join(root, 'served', ID, 'tokenizer.json')));
  });

  it('starts a file over when the server resumes it from another byte than asked', async () => {
    hub.truncate.add('onnx/model.onnx');
    await pullModel(ID, { modelsDir, host: hub.url, quantized: false }).catch(() => undefined);
    hub.truncate.clear();
    hub.misrange.add('onnx/model.onnx');
    hub.requests.length = 0;
    const result = await pullModel(ID, { modelsDir, host: hub.url, quantized: false });
    // The ranged request is answered from byte 0; appending that would double the head of the file.
    expect(hub.requests.filter((r) => r.includes('onnx/model.onnx'))).toEqual([
      expect.stringMatching(/onnx\/model\.onnx bytes=[1-9]\d*-$/),
      `/${ID}/resolve/main/onnx/model.onnx`,
    ]);
    expect(await readFile(join(result.dir, 'onnx/model.onnx'))).toEqual(await readFile(join(root, 'served', ID, 'onnx/model.onnx')));
  });

  it('fills in the files missing from a model folder that is already there, one rename each', async () => {
    await pullModel(ID, { modelsDir, host: hub.url });
    await rm(join(modelsDir, ID, 'tokenizer.json'));
    const before = (await stat(join(modelsDir, ID, 'onnx/model.onnx'))).mtimeMs;
    hub.requests.length = 0;
    const again = await pullModel(ID, { modelsDir, host: hub.url });
    expect(again.downloaded).toEqual(['tokenizer.json']);
    expect(hub.requests).toEqual([`/${ID}/resolve/main/tokenizer.json`, `/${ID}/resolve/main/2_Dense/config.json`]);
    expect(await readFile(join(modelsDir, ID, 'tokenizer.json'))).toEqual(await readFile(join(root, 'served', ID, 'tokenizer.json')));
    expect((await stat(join(modelsDir, ID, 'onnx/model.onnx'))).mtimeMs).toBe(before);
    expect(await readdir(modelsDir)).toEqual(['test']);
  });

  it('reports a server that cannot be reached as a download error', async () => {
    const closed = await startTinyHub(root);
    await closed.close();
    await expect(pullModel(ID, { modelsDir, host: closed.url })).rejects.toMatchObject({
      code: 'model.download',
      message: expect.stringContaining(`GET ${closed.url}/${ID}/resolve/main/config.json failed`),
    });
  });

  it('rejects ids and hosts it cannot use safely', async () => {
    for (const id of ['../etc', 'a/../../b', '/abs', 'a/b/c', '']) {
      await expect(pullModel(id, { modelsDir, host: hub.url })).rejects.toMatchObject({ code: 'usage.invalid-option' });
    }
    await expect(pullModel(ID, { modelsDir, host: 'not a url' })).rejects.toMatchObject({ code: 'usage.invalid-option' });
    await expect(pullModel(ID, { modelsDir, host: 'file:///tmp' })).rejects.toMatchObject({ code: 'usage.invalid-option' });
    await expect(pullModel(ID, { modelsDir, host: hub.url, files: ['../x'] })).rejects.toMatchObject({ code: 'usage.invalid-option' });
  });
});
