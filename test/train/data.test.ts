import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeByStory } from '../../src/train/contrastive.ts';
import type { TokenPair } from '../../src/train/contrastive.ts';
import { loadTrainingData } from '../../src/train/data.ts';
import { mulberry32 } from '../../src/random.ts';
import { writeToyTrainingData } from '../helpers/toy-training-data.ts';

let dir: string;
const write = async (path: string, text: string) => {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), text);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyalign-data-'));
  await writeToyTrainingData(dir, { lines: 40, words: 30, seed: 5 });
  // debian-l10n: English, translation, the catalogue it came from.
  await write('debian-l10n/gettext/ro.tsv', 'Open the file.\tDeschide fișierul.\tapp.mo\nClose the window.\tÎnchide fereastra.\tapp.mo\n');
  await write('debian-l10n/gettext/sl.tsv', 'Open the file.\tOdpri datoteko.\tapp.mo\nSave the file.\tShrani datoteko.\tapp.mo\n');
  await write('debian-l10n/gettext/sr.tsv', 'Open the file.\tОтвори датотеку.\tapp.mo\nOpen the file.\tОтвори датотеку.\tapp.mo\n');
  await write('debian-l10n/gimp-help/ro.tsv', 'Select a layer.\tSelectați un strat.\tlayers.xml\n');
  await write('debian-l10n/installation-guide/da.tsv', 'Boot the installer.\tStart installationsprogrammet.\tboot.xml\n');
  // tatoeba-more: one of ours with a pivot, a pivot with English, two pivots, a paraphrase set.
  await write('tatoeba-more/ron-spa/ron.txt', 'Bună ziua.\nMulțumesc.\n');
  await write('tatoeba-more/ron-spa/spa.txt', 'Buenos días.\nGracias.\n');
  await write('tatoeba-more/eng-spa/eng.txt', 'Good morning.\nThanks.\nYes.\n');
  await write('tatoeba-more/eng-spa/spa.txt', 'Buenos días.\nGracias.\nSí.\n');
  await write('tatoeba-more/deu-spa/deu.txt', 'Danke.\n');
  await write('tatoeba-more/deu-spa/spa.txt', 'Gracias.\n');
  await write('tatoeba-more/dan-dan/dan.1.txt', 'Tak.\n');
  await write('tatoeba-more/dan-dan/dan.2.txt', 'Mange tak.\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('training data: debian-l10n and tatoeba-more', () => {
  it('reads the English pairs of the sources whose licence the weights allow, once each, and counts the rest', () => {
    const d = loadTrainingData(dir, { heldOutLines: 10 });
    const debian = d.train.debian.map((p) => `${p.langs} ${p.a} | ${p.b}`).sort();
    expect(debian).toEqual([
      'ron-eng Deschide fișierul. | Open the file.',
      'ron-eng Închide fereastra. | Close the window.',
      'slv-eng Odpri datoteko. | Open the file.',
      'slv-eng Shrani datoteko. | Save the file.',
      'srp-eng Отвори датотеку. | Open the file.',
    ]);
    expect(d.leftOut).toEqual({ 'gimp-help': 1, 'installation-guide': 1 });
    // Pairs of one catalogue are one story; pairs of one English string one group.
    const open = d.train.debian.filter((p) => p.b === 'Open the file.');
    expect(new Set(open.map((p) => p.group)).size).toBe(1);
    expect(new Set(d.train.debian.map((p) => p.story))).toEqual(new Set(['dgettext/app.mo']));
  });

  it('bridges two of our languages through one English string, capped per language pair', () => {
    const d = loadTrainingData(dir, { heldOutLines: 10 });
    expect(d.train.bridge.map((p) => `${p.langs} ${p.a} | ${p.b}`).sort()).toEqual([
      'ron-slv Deschide fișierul. | Odpri datoteko.',
      'ron-srp Deschide fișierul. | Отвори датотеку.',
      'slv-srp Odpri datoteko. | Отвори датотеку.',
    ]);
    expect(loadTrainingData(dir, { heldOutLines: 10, bridgePerPair: 0 }).train.bridge).toEqual([]);
  });

  it('takes tatoeba-more sets of our languages with pivots and pivots with English, not two pivots or paraphrases, and keeps pivot words out of the vocabulary', () => {
    const d = loadTrainingData(dir, { heldOutLines: 10, pivotEnglish: 2 });
    expect(d.train.pivot.map((p) => p.langs)).toEqual(['eng-spa', 'eng-spa', 'ron-spa', 'ron-spa']);
    expect(d.sourceTexts.pivot).toContain('Bună ziua.');
    expect(d.sourceTexts.pivot).toContain('Good morning.');
    expect(d.sourceTexts.pivot).not.toContain('Buenos días.');
  });

  it('reads a folder without the new sources as before', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'polyalign-data-plain-'));
    try {
      await writeToyTrainingData(plain, { lines: 40, words: 30, seed: 5 });
      const d = loadTrainingData(plain, { heldOutLines: 10 });
      expect([d.train.debian.length, d.train.bridge.length, d.train.pivot.length]).toEqual([0, 0, 0]);
      expect(d.leftOut).toEqual({});
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });
});

describe('same-story batches', () => {
  const pair = (id: number, story?: number): TokenPair => ({ a: Int32Array.of(id), b: Int32Array.of(id), group: id, ...(story !== undefined ? { story } : {}) });

  it('keeps the pairs of one story side by side in runs of at most the block size, and every pair once', () => {
    const pairs = [...Array.from({ length: 10 }, (_, i) => pair(i, 1)), ...Array.from({ length: 6 }, (_, i) => pair(100 + i, 2)), ...Array.from({ length: 20 }, (_, i) => pair(200 + i))];
    const order = arrangeByStory(pairs, 4, mulberry32(3));
    expect(order.map((p) => p.group).sort((x, y) => x - y)).toEqual(pairs.map((p) => p.group).sort((x, y) => x - y));
    // Runs of one story: story 1 (10 pairs) comes in runs of 4, 4, 2; story 2 (6 pairs) in 4, 2.
    const runs: number[] = [];
    let last: number | undefined;
    for (const p of order) {
      if (p.story !== undefined && p.story === last) runs[runs.length - 1]!++;
      else if (p.story !== undefined) runs.push(1);
      last = p.story;
    }
    expect(runs.every((r) => r <= 4)).toBe(true);
    expect(runs.reduce((s, r) => s + r, 0)).toBe(16);
    expect(runs.filter((r) => r >= 2).length).toBeGreaterThanOrEqual(3);
    expect(arrangeByStory(pairs, 4, mulberry32(3)).map((p) => p.group)).toEqual(order.map((p) => p.group));
  });

  it('without blocks, is the plain shuffle', () => {
    const pairs = Array.from({ length: 12 }, (_, i) => pair(i, i % 2));
    const plain = arrangeByStory(pairs, 0, mulberry32(9)).map((p) => p.group);
    const shuffled = pairs.slice();
    const random = mulberry32(9);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(plain).toEqual(shuffled.map((p) => p.group));
  });
});

describe('the model card states the licence that follows from the data', async () => {
  const { modelCard } = await import('../../src/train/card.ts');
  const config = { model_type: 'model2vec', architectures: ['StaticModel'], normalize: true, hidden_dim: 8, seq_length: 1, tokenizer_name: 'polyalign-wordpiece', polyalign: { name: 'polyalign/x', version: '2.0.0', weight: 0.5, training: { heldOutLines: 100, seed: 1 } } };
  const base = { config, heldOut: { 'bos-dan': { model: 0.5, lexical: 0.5, combined: 0.5 } }, weights: [{ weight: 0.5, mean: 0.5, min: 0.5 }], sizeBytes: 1000, hash: 'abcd' };

  it('CC BY-SA 4.0 from FLORES, Tatoeba and Wiktionary alone', () => {
    const card = modelCard({ ...base, counts: { flores: 10, tatoeba: 10, dictionary: 10, vocabulary: 5 } } as never);
    expect(card).toMatch(/^---\nlicense: cc-by-sa-4.0/);
    expect(card).not.toContain('debian-l10n');
  });

  it('GPL-3.0-or-later once the debian-l10n catalogues are in, naming the sources left out and their pairs', () => {
    const card = modelCard({ ...base, counts: { flores: 10, tatoeba: 10, dictionary: 10, debian: 20, bridge: 5, pivot: 7, vocabulary: 5 }, leftOut: { 'gimp-help': 4899, 'installation-guide': 4363 } } as never);
    expect(card).toMatch(/^---\nlicense: gpl-3.0/);
    expect(card).toContain('**GPL-3.0-or-later**');
    expect(card).toContain('gimp-help (GFDL-1.2+, 4899 pairs), installation-guide (GPL-2.0-only, 4363 pairs)');
    expect(card).toMatch(/\| debian-l10n bridges: .* \| 5 \| as above \|/);
    expect(card).toMatch(/\| tatoeba-more, .* \| 7 \| CC BY 2.0 FR \|/);
  });

  it('states the bridge cap the training used: the default, or the one its settings record', () => {
    const counts = { flores: 10, tatoeba: 10, dictionary: 10, debian: 20, bridge: 5, vocabulary: 5 };
    expect(modelCard({ ...base, counts } as never)).toContain('at most 6000 per language pair');
    const capped = { ...config, polyalign: { ...config.polyalign, training: { ...config.polyalign.training, bridgePerPair: 20000 } } };
    expect(modelCard({ ...base, config: capped, counts } as never)).toContain('at most 20000 per language pair');
  });
});

describe("the model card's pair scorer section", async () => {
  const { pairScorerSection, withPairScorerSection } = await import('../../src/train/card.ts');
  const figures = { accept: 0.4, features: ['bias', 'cosine', 'ln margin'], examples: 1234, marginAlone: { precision: 0.867, recall: 0.791 }, thresholds: [{ accept: 0.4, precision: 0.8671, recall: 0.8069 }] };
  const card = '# m\n\n## Quality\nrows\n\n## Limits\nstatic\n';

  it('goes in before Limits and says what the scorer was fitted on and scored', () => {
    const out = withPairScorerSection(card, pairScorerSection(figures));
    expect(out.indexOf('## Pair scorer')).toBeGreaterThan(out.indexOf('## Quality'));
    expect(out.indexOf('## Pair scorer')).toBeLessThan(out.indexOf('## Limits'));
    expect(out).toContain('over 2\nfeatures of a candidate sentence pair (cosine, ln margin)');
    expect(out).toContain('1234 candidate pairs');
    expect(out).toContain('- margin mining alone: P 0.867 / R 0.791\n- with the scorer from 0.4: P 0.867 / R 0.807');
  });

  it('replaces its own section when written again, leaving the rest as it was', () => {
    const once = withPairScorerSection(card, pairScorerSection(figures));
    const again = withPairScorerSection(once, pairScorerSection({ ...figures, accept: 0.5 }));
    expect(again.match(/## Pair scorer/g)).toHaveLength(1);
    expect(again).toContain('pairs from 0.5 are linked');
    expect(again).not.toContain('pairs from 0.4 are linked');
    expect(again.endsWith('## Limits\nstatic\n')).toBe(true);
    expect(withPairScorerSection(again, pairScorerSection({ ...figures, accept: 0.5 }))).toBe(again);
  });
});
