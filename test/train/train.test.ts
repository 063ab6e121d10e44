import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainModelCommand } from '../../src/commands/train.ts';
import { createStaticEmbedder } from '../../src/embed/static.ts';
import { buildStaticModel, HELD_OUT_LANGS } from '../../src/train/build.ts';
import { writeToyTrainingData } from '../helpers/toy-training-data.ts';

// A tiny model on toy data: 240 training lines (a few hundred pairs per language pair), 60 held back.
const TINY = {
  vocabulary: { prefixes: 2_000, continuations: 200, minCount: 1, maxWordLength: 24, maxPrefixLength: 24 },
  train: { dim: 32, epochs: 6, batchSize: 64, learningRate: 0.05, scale: 20, seed: 7, tokenDropout: 0 },
  data: { heldOutLines: 60, floresLines: 240 },
  mix: { flores: 0.2, tatoeba: 1, dictionary: 1 },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyalign-train-'));
  await writeToyTrainingData(join(dir, 'data'), { lines: 300, words: 150, seed: 3 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('training the static model', () => {
  it('learns: held-out retrieval rises from chance to well above it', () => {
    const built = buildStaticModel(join(dir, 'data'), TINY);
    // The two toy languages share no letter, so before training nothing matches but by chance (1/60).
    const chance = 1 / 60;
    expect(built.history[0]!.mean).toBeLessThan(built.history.at(-1)!.mean);
    expect(built.heldOut.mean).toBeGreaterThan(0.8);
    expect(built.heldOut.mean).toBeGreaterThan(20 * chance);
    expect(Object.keys(built.heldOut.pairs)).toHaveLength((HELD_OUT_LANGS.length * (HELD_OUT_LANGS.length - 1)) / 2);
  });

  it('writes a model folder that the embedder loads, and the same bytes on a second run', async () => {
    const first = await trainModelCommand({ data: join(dir, 'data'), out: join(dir, 'm1'), build: TINY });
    const second = await trainModelCommand({ data: join(dir, 'data'), out: join(dir, 'm2'), build: TINY });
    expect(second.hash).toBe(first.hash);
    for (const f of ['model.safetensors', 'tokenizer.json', 'config.json', 'README.md']) {
      expect((await readFile(join(dir, 'm2', f))).equals(await readFile(join(dir, 'm1', f)))).toBe(true);
    }
    const card = await readFile(join(dir, 'm1', 'README.md'), 'utf8');
    expect(card).toContain('CC BY-SA 4.0');
    expect(card).toContain('npm run train-model');
    const embedder = await createStaticEmbedder(join(dir, 'm1'));
    const [v] = await embedder.embed(['bcdfg klmnp']);
    expect(v).toHaveLength(32);
    expect(embedder.describe?.()).toMatchObject({ sha256: first.hash });
  });
});
