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
import { DEFAULT_FEATURE_OPTIONS } from './lexical-features.ts';
import type { FeatureGroup, FeatureOptions } from './lexical-features.ts';
import { createHashedExtractor, fnv1a, GROUP_COUNT, pack } from './lexical-hashed.ts';
import type { PackedFeatures } from './lexical-hashed.ts';
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

export { fnv1a } from './lexical-hashed.ts';

/** Document frequencies of every feature, by feature hash. */
class Idf {
  private readonly df = new Map<number, number>();
  private readonly size: number;

  constructor(documents: readonly PackedFeatures[]) {
    for (const { hashes } of documents) for (const h of hashes) this.df.set(h, (this.df.get(h) ?? 0) + 1);
    this.size = documents.length;
  }

  /**
   * Smoothed IDF, or 0 for a feature that no other sentence has: it cannot make this sentence
   * similar to any other, and left in it would only add hashing collisions.
   */
  weight(h: number, inCorpus: boolean): number {
    const df = this.df.get(h) ?? 0;
    if (df < (inCorpus ? 2 : 1)) return 0;
    return Math.log((this.size + 1) / (df + 1)) + 1;
  }
}

const GROUP_WEIGHTS = (weights: Record<FeatureGroup, number>) => GROUPS.map((g) => weights[g]);

function vectorise(features: PackedFeatures, inCorpus: boolean, idf: Idf, dim: number, weights: number[]): Float32Array {
  const out = new Float32Array(dim);
  const { offsets, hashes, counts } = features;
  const ws = new Float64Array(hashes.length);
  for (let g = 0; g < GROUP_COUNT; g++) {
    const weight = weights[g]!;
    const [from, to] = [offsets[g]!, offsets[g + 1]!];
    if (weight === 0 || from === to) continue;
    let norm = 0;
    for (let k = from; k < to; k++) {
      const w = (1 + Math.log(counts[k]!)) * idf.weight(hashes[k]!, inCorpus);
      ws[k] = w;
      norm += w * w;
    }
    if (norm === 0) continue;
    const scale = weight / Math.sqrt(norm);
    for (let k = from; k < to; k++) {
      const w = ws[k]!;
      if (w === 0) continue;
      const h = hashes[k]! >>> 0;
      out[h % dim]! += (h & 0x80000000 ? -w : w) * scale;
    }
  }
  return l2normalise(out);
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
  const weights = GROUP_WEIGHTS({ ...DEFAULT_WEIGHTS, ...options.weights });
  const featureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  const extractor = createHashedExtractor(featureOptions);
  const corpusNames = options.corpus ? extractor.names(options.corpus) : undefined;
  const corpus = options.corpus;
  // The corpus's features, packed, are kept for its texts' own vectors: extraction is the cost.
  const corpusIndex = new Map<string, number>();
  const corpusFeatures: PackedFeatures[] = [];
  for (const t of corpus ?? []) {
    if (corpusIndex.has(t)) {
      corpusFeatures.push(corpusFeatures[corpusIndex.get(t)!]!);
      continue;
    }
    corpusIndex.set(t, corpusFeatures.length);
    corpusFeatures.push(pack(extractor.features(t, corpusNames)));
  }
  const corpusIdf = corpus ? new Idf(corpusFeatures) : undefined;
  // Without a corpus the IDF, and so a text's vector, depends on the batch: the id says so.
  const idfTag = options.corpus ? `idf${fingerprint(options.corpus)}` : 'idfbatch';
  return {
    id: `lexical-${LEXICAL_VERSION}-d${dim}-${idfTag}`,
    kind: 'lexical',
    dim,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (corpusIdf) {
        // The IDF is fixed: each text's features live only until its vector is made.
        return texts.map((t) => {
          const i = corpusIndex.get(t);
          return i === undefined ? vectorise(pack(extractor.features(t, corpusNames)), false, corpusIdf, dim, weights) : vectorise(corpusFeatures[i]!, true, corpusIdf, dim, weights);
        });
      }
      const names = extractor.names(texts);
      const features = texts.map((t) => pack(extractor.features(t, names)));
      const idf = new Idf(features);
      return features.map((f) => vectorise(f, true, idf, dim, weights));
    },
  };
}
