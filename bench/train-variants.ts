// What each design choice of polyalign's own model added: the variants tried on the way to the
// shipped settings, each trained from ../shared/train and measured on the held-out FLORES lines
// (P@1 among 100 lines, mean of the 21 pairs of the 7 output languages): the model alone, and
// joined with the lexical channel at the best of the weights 0, 0.3, 0.5, 0.7, 1. These are the
// figures of the README's table. A variant takes 2–12 minutes on one core.
//
//   node --import tsx bench/train-variants.ts                 # list the variants
//   node --import tsx bench/train-variants.ts <name> [...]    # train and measure them
//   node --import tsx bench/train-variants.ts --ntrex <name>   # and on NTREX retrieval (bench/retrieval.ts)

import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainModelCommand } from '../src/commands/train.ts';
import { runRetrieval } from './retrieval.ts';
import { createTokenizer } from '../src/embed/static/tokenizer.ts';
import { buildStaticModel, DEFAULT_BUILD, HELD_OUT_LANGS } from '../src/train/build.ts';
import type { BuildOptions } from '../src/train/build.ts';
import { encodeIds } from '../src/train/contrastive.ts';
import { DEBIAN_LEFT_OUT, DEBIAN_SOURCES, loadTrainingData } from '../src/train/data.ts';
import { chooseWeight } from '../src/train/weight.ts';
import { FREEDICT_DIR } from '../src/train/freedict.ts';

const TRAIN_DIR = join(import.meta.dirname, '..', '..', 'shared', 'train');
type Variant = Omit<BuildOptions, 'log'>;
const first: Variant = {
  vocabulary: { prefixes: 24_000, continuations: 4_000, minCount: 3, maxWordLength: 24, maxPrefixLength: 24 },
  train: { dim: 128, epochs: 2, batchSize: 256, learningRate: 0.02, scale: 20, seed: 13, tokenDropout: 0 },
  data: {},
  mix: { flores: 1, tatoeba: 1, dictionary: 1, debian: 0, bridge: 0, pivot: 0 },
  spellingInit: false,
};
const capped = { ...first, vocabulary: { ...first.vocabulary, maxPrefixLength: 6 } };
const fourEpochs = { ...capped, train: { ...capped.train, epochs: 4 } };
const dropout = { ...fourEpochs, train: { ...fourEpochs.train, tokenDropout: 0.25 } };
const trigrams = { ...dropout, spellingInit: true };
const dim256 = { ...trigrams, train: { ...trigrams.train, dim: 256 } };
const dim384 = { ...trigrams, vocabulary: { ...trigrams.vocabulary, prefixes: 20_000, continuations: 3_500 }, train: { ...trigrams.train, dim: 384 } };

// Model v2's steps, each on the quick settings (dim 128, 2 epochs) so that one takes minutes: the v1
// data alone, then each new source and each training change added in turn.
const quick: Variant = { ...DEFAULT_BUILD, train: { ...DEFAULT_BUILD.train, dim: 128, epochs: 2 } };
const v1Data = { ...quick, mix: { ...quick.mix, debian: 0, bridge: 0, pivot: 0 } };
const withDebian = { ...quick, mix: { ...quick.mix, bridge: 0, pivot: 0 } };
const withBridge = { ...quick, mix: { ...quick.mix, pivot: 0 } };
const withPivot = quick;
const withStory = { ...quick, train: { ...quick.train, storyBlock: 8 } };
const bigVocabulary = { ...withStory, vocabulary: { ...withStory.vocabulary, prefixes: 40_000, continuations: 5_000 } };
const allSources = { ...withStory, data: { debianSources: [...Object.keys(DEBIAN_SOURCES), ...Object.keys(DEBIAN_LEFT_OUT)] } };
const withFreeDict = { ...withStory, data: { freedictDir: FREEDICT_DIR } };
const moreBridges = { ...withStory, data: { bridgePerPair: 20_000 } };
const allBridges = { ...withStory, data: { bridgePerPair: 1_000_000 } };
const noGettext = { ...withStory, data: { debianSources: ['lo-help', 'lo-ui', 'mozilla', 'gcompris', 'gnome-help', 'calibre', 'manpages'] } };

export const VARIANTS: Record<string, { what: string; options: Variant }> = {
  first: { what: 'dim 128, FLORES + Tatoeba + dictionary, 2 epochs', options: first },
  'no-flores': { what: 'the same without FLORES', options: { ...first, mix: { ...first.mix, flores: 0 } } },
  capped: { what: 'word-initial pieces at most 6 letters', options: capped },
  'four-epochs': { what: '+ 4 epochs', options: fourEpochs },
  dropout: { what: '+ token dropout 0.25', options: dropout },
  trigrams: { what: "+ each token starts from its spelling's character trigrams", options: trigrams },
  dim256: { what: 'dim 256', options: dim256 },
  dim384: { what: 'dim 384, 23.7k pieces, 4 epochs', options: dim384 },
  'q-v1data': { what: 'quick (dim 128, 2 epochs): FLORES + Tatoeba + Wiktionary, as v1', options: v1Data },
  'q-debian': { what: 'quick: + debian-l10n English pairs', options: withDebian },
  'q-bridge': { what: 'quick: + debian-l10n bridges (two of our languages through one English string)', options: withBridge },
  'q-pivot': { what: 'quick: + tatoeba-more (our languages with 16 pivots, pivots with English)', options: withPivot },
  'q-story': { what: 'quick: + same-story batches (8 FLORES lines or one catalogue side by side)', options: withStory },
  'q-freedict': { what: "quick, story batches: + FreeDict's sl, hr, sr, da, ro dictionaries (Debian's dict-freedict-* packages)", options: withFreeDict },
  'q-vocab40k': { what: 'quick: + 40k word-initial pieces, 5k continuations', options: bigVocabulary },
  'q-all-sources': { what: 'quick, story batches, with the two sources left out for their licence (GIMP help, GFDL; installation guide, GPL-2.0-only)', options: allSources },
  'q-no-gettext': { what: 'quick, story batches, without the gettext, debconf and installer catalogues (per-package licences)', options: noGettext },
  'q-bridge20k': { what: 'quick, story batches, with up to 20,000 debian-l10n bridges per language pair instead of 6,000', options: moreBridges },
  'q-bridge-all': { what: 'quick, story batches, with every debian-l10n bridge (no cap per language pair)', options: allBridges },
  bridge20k: { what: 'the shipped settings with up to 20,000 bridges per language pair (trained and measured, not shipped: docs/model.md)', options: { ...DEFAULT_BUILD, data: { bridgePerPair: 20_000 } } },
  shipped: { what: 'the shipped settings (dim 384, 5 epochs; float weights, before int8)', options: DEFAULT_BUILD },
};

export async function measureVariant(options: Variant): Promise<{ model: number; joined: number; weight: number }> {
  const data = loadTrainingData(TRAIN_DIR, options.data);
  const built = buildStaticModel(TRAIN_DIR, options, data);
  const tokenizer = createTokenizer(built.tokenizer);
  const vectors = Object.fromEntries(HELD_OUT_LANGS.map((l) => [l, data.heldOut[l]!.map((t) => encodeIds(built.weights, Int32Array.from(tokenizer.encode(t))))]));
  const choice = await chooseWeight(data.heldOut, vectors, HELD_OUT_LANGS, [0, 0.3, 0.5, 0.7, 1]);
  const best = choice.grid.find((g) => g.weight === choice.weight)!;
  return { model: built.heldOut.mean, joined: best.mean, weight: choice.weight };
}

/** Trains `options` into a temporary model folder as `npm run train-model` would, and measures it on NTREX (bench/retrieval.ts). */
async function measureOnNtrex(name: string, options: Variant): Promise<string> {
  const out = join(tmpdir(), `polyalign-variant-${name}`);
  const trained = await trainModelCommand({ data: TRAIN_DIR, out, build: options, log: (l) => console.error(`${name}: ${l}`) });
  const r = await runRetrieval({ modelDir: out });
  const s = r.summary;
  const cell = (k: string) => `${(s[k]!.model * 100).toFixed(1)}/${(s[k]!.joined * 100).toFixed(1)}`;
  return `${name}: held-out FLORES model ${(trained.heldOut.model * 100).toFixed(1)}, joined ${(trained.heldOut.combined * 100).toFixed(1)} (w ${trained.weight}); NTREX P@1 model/joined: all ${cell('all')}, slavic ${cell('slavic')}, sl–ro ${cell('sl–ro')}, ro–* ${cell('ro–*')}, da–* ${cell('da–*')}, sl–* ${cell('sl–*')}; ${trained.seconds.toFixed(0)} s`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ntrex = process.argv.includes('--ntrex');
  const names = process.argv.slice(2).filter((a) => a !== '--ntrex');
  if (names.length === 0) for (const [name, v] of Object.entries(VARIANTS)) console.log(`${name.padEnd(12)} ${v.what}`);
  for (const name of names) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`Expected one of ${Object.keys(VARIANTS).join(', ')}, not ${name}`);
    if (ntrex) {
      console.log(await measureOnNtrex(name, v.options));
      continue;
    }
    const t0 = performance.now();
    const r = await measureVariant(v.options);
    console.log(`${name}: ${v.what}: model ${(r.model * 100).toFixed(1)}, joined ${(r.joined * 100).toFixed(1)} (weight ${r.weight}), ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}
