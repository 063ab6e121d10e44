// The built-in embedder: no download, works anywhere. Hashed TF-IDF features of a
// script-neutral key (see lexical-features.ts), one L2-normalised block per feature group,
// weighted and summed, then normalised. It is honest about what it can see: shared cognates
// between the South Slavic languages (Macedonian too, once transliterated), and names, numbers
// and dates across all of them; Romanian and Danish against the Slavic languages meet mostly
// on names, numbers and dates (bench/embed-quality.ts measures it on NTREX).
//
// Weights: sub-linear tf (1 + ln tf) times smoothed IDF. A feature that no other sentence of
// the corpus has is dropped: it cannot make two sentences similar, and kept it only adds
// hashing collisions (worth about 1.5 points of P@1 on NTREX at 1024 dimensions).
//
// Hashing: FNV-1a (32-bit) of the feature key, which starts with its group's letter; h mod dim
// picks the dimension and bit 31 the sign, so that collisions cancel out on average instead of
// piling up. More dimensions mean fewer collisions (2048: about +1.5 P@1, 4096: +3) at the
// cost of memory and aligner time; 1024 is the default.

import { PolyalignError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { collectNames, DEFAULT_FEATURE_OPTIONS, extractFeatures } from './lexical-features.ts';
import type { FeatureGroup, FeatureOptions, Features } from './lexical-features.ts';
import { l2normalise } from './vectors.ts';

export interface LexicalOptions {
  dim?: number;
  /** Sentences to compute document frequencies from (the pipeline passes every sentence of every document); default: each batch given to `embed`. */
  corpus?: string[];
  /** Weight of each feature group's block. */
  weights?: Partial<Record<FeatureGroup, number>>;
  features?: Partial<FeatureOptions>;
}

export const LEXICAL_VERSION = 'v1';
export const DEFAULT_LEXICAL_DIM = 1024;
export const DEFAULT_WEIGHTS: Record<FeatureGroup, number> = { gram: 1, word: 0.5, skeleton: 0.3, number: 0.7, name: 0.7, concept: 0.5 };
const GROUPS = Object.keys(DEFAULT_WEIGHTS) as FeatureGroup[];

/** FNV-1a, 32-bit, over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Document frequencies of every feature. */
class Idf {
  private readonly df = new Map<string, number>();
  private readonly size: number;

  /** Takes the documents one at a time, so their features need not all be held at once. */
  constructor(documents: Iterable<Features>) {
    let size = 0;
    for (const features of documents) {
      size++;
      for (const group of GROUPS) {
        for (const key of features[group].keys()) this.df.set(key, (this.df.get(key) ?? 0) + 1);
      }
    }
    this.size = size;
  }

  /**
   * Smoothed IDF, or 0 for a feature that no other sentence has: it cannot make this sentence
   * similar to any other, and left in it would only add hashing collisions.
   */
  weight(key: string, inCorpus: boolean): number {
    const df = this.df.get(key) ?? 0;
    if (df < (inCorpus ? 2 : 1)) return 0;
    return Math.log((this.size + 1) / (df + 1)) + 1;
  }
}

function vectorise(features: Features, inCorpus: boolean, idf: Idf, dim: number, weights: Record<FeatureGroup, number>): Float32Array {
  const out = new Float32Array(dim);
  for (const group of GROUPS) {
    const weight = weights[group];
    if (weight === 0 || features[group].size === 0) continue;
    const entries: Array<[number, number]> = [];
    let norm = 0;
    for (const [key, tf] of features[group]) {
      const w = (1 + Math.log(tf)) * idf.weight(key, inCorpus);
      if (w === 0) continue;
      entries.push([fnv1a(key), w]);
      norm += w * w;
    }
    if (norm === 0) continue;
    const scale = weight / Math.sqrt(norm);
    for (const [h, w] of entries) out[h % dim]! += (h & 0x80000000 ? -w : w) * scale;
  }
  return l2normalise(out);
}

function* lazyMap<T, U>(items: readonly T[], fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

/** A short, stable fingerprint of the IDF corpus, so that the id (a cache key) changes with it. */
function fingerprint(corpus: string[]): string {
  return fnv1a(corpus.join('\n')).toString(16).padStart(8, '0');
}

export function createLexicalEmbedder(options: LexicalOptions = {}): Embedder {
  const dim = options.dim ?? DEFAULT_LEXICAL_DIM;
  if (!Number.isInteger(dim) || dim < 2 || dim > 2 ** 24) {
    throw new PolyalignError('usage.invalid-option', `Expected a lexical dimension between 2 and 16777216, not ${options.dim}`);
  }
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const featureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  const corpusNames = options.corpus ? collectNames(options.corpus) : undefined;
  const corpus = options.corpus;
  const corpusIdf = corpus ? new Idf(lazyMap(corpus, (t) => extractFeatures(t, featureOptions, corpusNames))) : undefined;
  const corpusTexts = new Set(options.corpus);
  // Without a corpus the IDF, and so a text's vector, depends on the batch: the id says so.
  const idfTag = options.corpus ? `idf${fingerprint(options.corpus)}` : 'idfbatch';
  return {
    id: `lexical-${LEXICAL_VERSION}-d${dim}-${idfTag}`,
    kind: 'lexical',
    dim,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (corpusIdf) {
        // The IDF is fixed: each text's features live only until its vector is made.
        return texts.map((t) => vectorise(extractFeatures(t, featureOptions, corpusNames), corpusTexts.has(t), corpusIdf, dim, weights));
      }
      const names = collectNames(texts);
      const features = texts.map((t) => extractFeatures(t, featureOptions, names));
      const idf = new Idf(features);
      return features.map((f) => vectorise(f, true, idf, dim, weights));
    },
  };
}
