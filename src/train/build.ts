// Builds polyalign's static model from the training folder: the vocabulary, the token ids of
// every pair, the training itself, and the held-out measurement. Pure apart from reading the
// data; writing the model folder is model-files.ts's job.

import { POLYALIGN_NORMALISER } from '../embed/static/normaliser.ts';
import { createTokenizer, tokenizerJson } from '../embed/static/tokenizer.ts';
import type { Tokenizer, TokenizerJson } from '../embed/static/tokenizer.ts';
import { DEFAULT_TRAIN, encodeIds, initialWeights, shuffle, train } from './contrastive.ts';
import type { StaticWeights, TokenPair, TrainOptions } from './contrastive.ts';
import { FLORES_LANGS, loadTrainingData, SOURCES } from './data.ts';
import type { DataOptions, Pair, Source, TrainingData } from './data.ts';
import { retrievalMatrix } from './retrieval.ts';
import { buildVocabulary, countWords, DEFAULT_VOCABULARY } from './vocabulary.ts';
import type { VocabularyOptions } from './vocabulary.ts';
import { fnv1a } from '../embed/lexical-hashed.ts';
import { mulberry32 } from '../random.ts';

export interface BuildOptions {
  vocabulary: VocabularyOptions;
  train: Omit<TrainOptions, 'onEpoch'>;
  data: DataOptions;
  /** Start tokens from their spelling's character trigrams instead of at random. */
  spellingInit?: boolean;
  /** Share of each source's pairs used per epoch (1, or left out: all of them; 0: none). */
  mix: Partial<Record<Source, number>>;
  log?: (line: string) => void;
}

export const DEFAULT_MIX: Record<Source, number> = { flores: 1, tatoeba: 1, dictionary: 1, debian: 1, bridge: 1, pivot: 1, freedict: 1 };
export const DEFAULT_BUILD: Omit<BuildOptions, 'log'> = { vocabulary: DEFAULT_VOCABULARY, train: DEFAULT_TRAIN, data: {}, mix: DEFAULT_MIX, spellingInit: true };
/** The held-out FLORES languages that P@1 is measured on (English is only a pivot). */
export const HELD_OUT_LANGS = FLORES_LANGS.filter((l) => l !== 'eng');

export interface BuiltModel {
  tokenizer: TokenizerJson;
  weights: StaticWeights;
  /** Held-out FLORES P@1, mean and lowest pair, after each epoch. */
  history: Array<{ epoch: number; loss: number; mean: number; min: number }>;
  heldOut: { mean: number; min: number; pairs: Record<string, number> };
  counts: Record<Source, number> & { vocabulary: number };
}

export function heldOutRetrieval(tokenizer: Tokenizer, weights: StaticWeights, heldOut: Record<string, string[]>) {
  const vectors: Record<string, Float32Array[]> = {};
  for (const lang of HELD_OUT_LANGS) vectors[lang] = heldOut[lang]!.map((t) => encodeIds(weights, Int32Array.from(tokenizer.encode(t))));
  return retrievalMatrix(vectors, HELD_OUT_LANGS);
}

export function buildStaticModel(dataDir: string, options: Partial<BuildOptions> = {}, data?: TrainingData): BuiltModel {
  const o = { ...DEFAULT_BUILD, ...options };
  const log = o.log ?? (() => {});
  const d = data ?? loadTrainingData(dataDir, o.data);
  const base = createTokenizer(tokenizerJson(['[UNK]'], POLYALIGN_NORMALISER));
  const used = (s: Source) => (o.mix[s] ?? 1) > 0;
  const vocabularyTexts = [d.texts, ...SOURCES.filter(used).map((s) => d.sourceTexts[s] ?? [])];
  const pieces = buildVocabulary(countWords(vocabularyTexts.flat(), base.words), o.vocabulary);
  const json = tokenizerJson(pieces, POLYALIGN_NORMALISER);
  const tokenizer = createTokenizer(json);
  log(`vocabulary: ${pieces.length} pieces`);

  const cache = new Map<string, Int32Array>();
  const ids = (text: string) => {
    let v = cache.get(text);
    if (!v) cache.set(text, (v = Int32Array.from(tokenizer.encode(text))));
    return v;
  };
  const toTokens = (p: Pair): TokenPair => ({ a: ids(p.a), b: ids(p.b), group: fnv1a(p.group), ...(p.story !== undefined ? { story: fnv1a(p.story) } : {}) });
  const sources = SOURCES.filter((s) => used(s) && d.train[s].length > 0);
  const tokenPairs = Object.fromEntries(sources.map((s) => [s, d.train[s].map(toTokens)])) as Record<Source, TokenPair[]>;
  const sampler = mulberry32(o.train.seed + 1);
  const epochPairs = () =>
    sources.flatMap((s) => {
      const share = o.mix[s] ?? 1;
      if (share >= 1) return tokenPairs[s];
      return shuffle(tokenPairs[s].slice(), sampler).slice(0, Math.round(tokenPairs[s].length * share));
    });

  const weights = initialWeights(pieces.length, o.train.dim, o.train.seed, o.spellingInit ? pieces : undefined);
  const history: BuiltModel['history'] = [];
  train(weights, epochPairs, {
    ...o.train,
    onEpoch: (epoch, loss, w) => {
      const r = heldOutRetrieval(tokenizer, w, d.heldOut);
      history.push({ epoch, loss, mean: r.mean, min: r.min });
      log(`epoch ${epoch + 1}/${o.train.epochs}: loss ${loss.toFixed(4)}, held-out FLORES P@1 ${(r.mean * 100).toFixed(1)} (lowest pair ${(r.min * 100).toFixed(1)})`);
    },
  });
  return {
    tokenizer: json,
    weights,
    history,
    heldOut: heldOutRetrieval(tokenizer, weights, d.heldOut),
    counts: { ...(Object.fromEntries(SOURCES.map((s) => [s, Math.round(d.train[s].length * Math.min(1, o.mix[s] ?? 1))])) as Record<Source, number>), vocabulary: pieces.length },
  };
}
