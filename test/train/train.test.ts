import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainModelCommand } from '../../src/commands/train.ts';
import { createStaticEmbedder } from '../../src/embed/static.ts';
import { createTokenizer } from '../../src/embed/static/tokenizer.ts';
import { buildStaticModel, HELD_OUT_LANGS, heldOutRetrieval } from '../../src/train/build.ts';
import { initialWeights } from '../../src/train/contrastive.ts';
import { FLORES_LANGS, loadTrainingData } from '../../src/train/data.ts';
import { writeToyTrainingData } from '../helpers/toy-training-data.ts';

// A tiny model on toy data: 240 training lines (a few hundred pairs per language pair), 60 held back.
const TINY = {
  vocabulary: { prefixes: 2_000, continuations: 200, minCount: 1, maxWordLength: 24, maxPrefixLength: 24 },
  train: { dim: 32, epochs: 6, batchSize: 64, learningRate: 0.05, scale: 20, seed: 7, tokenDropout: 0, storyBlock: 4 },
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
    // The two toy languages share no letter, so before training a held-out line finds its translation
    // among the 60 only by chance.
    const chance = 1 / 60;
    const pieces = Object.keys(built.tokenizer.model.vocab);
    const untrained = initialWeights(pieces.length, TINY.train.dim, TINY.train.seed, pieces);
    const { heldOut } = loadTrainingData(join(dir, 'data'), TINY.data);
    const before = heldOutRetrieval(createTokenizer(built.tokenizer), untrained, heldOut);
    // Only pairs across the two toy languages (FLORES files of even and odd index) say anything.
    const across = (pairs: Record<string, number>) => {
      const side = (lang: string) => FLORES_LANGS.indexOf(lang) % 2;
      const values = Object.entries(pairs).filter(([key]) => {
        const [a, b] = key.split('-') as [string, string];
        return side(a) !== side(b);
      });
      expect(values).toHaveLength(12);
      return values.reduce((s, [, v]) => s + v, 0) / values.length;
    };
    expect(across(before.pairs)).toBeLessThan(4 * chance);
    expect(across(built.heldOut.pairs)).toBeGreaterThan(0.8);
    expect(built.history.at(-1)!.loss).toBeLessThan(built.history[0]!.loss);
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
