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
import type { HashedExtractor } from './lexical-hashed.ts';
import { createHashedExtractor, endsSentence, FNV_OFFSET, fnvFrom, GROUP_COUNT } from './lexical-hashed.ts';
import type { PackedFeatures } from './lexical-hashed.ts';
import { joinFinder } from './joined.ts';
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

/**
 * IDF weights of every feature of the run's table, from the document frequencies of a corpus:
 * smoothed IDF, or 0 for a feature that no other sentence has (it cannot make this sentence
 * similar to any other, and left in it would only add hashing collisions).
 */
class Idf {
  /** Weight when the sentence is one of the corpus (its own occurrence does not count), and when it is not. */
  private readonly inCorpus: Float64Array;
  private readonly outside: Float64Array;

  constructor(documents: readonly PackedFeatures[], features: number) {
    const df = new Int32Array(features);
    for (const { ids } of documents) for (let k = 0; k < ids.length; k++) df[ids[k]!]!++;
    this.inCorpus = new Float64Array(features);
    this.outside = new Float64Array(features);
    for (let id = 0; id < features; id++) {
      const d = df[id]!;
      if (d === 0) continue;
      const w = Math.log((documents.length + 1) / (d + 1)) + 1;
      this.outside[id] = w;
      if (d >= 2) this.inCorpus[id] = w;
    }
  }

  /** Weights by feature id; ids past the end (features the corpus never had) weigh 0. */
  weights(inCorpus: boolean): Float64Array {
    return inCorpus ? this.inCorpus : this.outside;
  }
}

const GROUP_WEIGHTS = (weights: Record<FeatureGroup, number>) => GROUPS.map((g) => weights[g]);
/**
 * Bytes per block of vectors: small enough for the allocator's heap (a larger block is mapped fresh
 * from the system, and every page of it faults on its first write: in a VM that cost more than the
 * vectors' arithmetic).
 */
const BLOCK_BYTES = 1 << 16;
/** 1 + ln(tf) for small counts, which are nearly all of them. */
const TF = Float64Array.from({ length: 64 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

/**
 * Where each feature of the table adds: its dimension (hash mod dim), minus one minus it when
 * bit 31 of the hash says to subtract. Kept up to date with the table as it grows.
 */
class Placement {
  private slots = new Int32Array(1024);
  private filled = 0;

  constructor(private readonly dim: number) {}

  update(hashes: Int32Array, size: number): Int32Array {
    if (size > this.slots.length) {
      const slots = new Int32Array(Math.max(size, this.slots.length * 2));
      slots.set(this.slots);
      this.slots = slots;
    }
    for (; this.filled < size; this.filled++) {
      const h = hashes[this.filled]! >>> 0;
      this.slots[this.filled] = h & 0x80000000 ? -1 - (h % this.dim) : h % this.dim;
    }
    return this.slots;
  }
}

/** Writes one vector into `out` (zeros, `dim` long). */
function vectorise(out: Float32Array, features: PackedFeatures, idf: Float64Array, slots: Int32Array, weights: number[], ws: Float64Array): Float32Array {
  const { offsets, ids, counts } = features;
  for (let g = 0; g < GROUP_COUNT; g++) {
    const weight = weights[g]!;
    const from = offsets[g]!;
    const to = offsets[g + 1]!;
    if (weight === 0 || from === to) continue;
    let norm = 0;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      const c = counts[k]!;
      const w = (c < 64 ? TF[c]! : 1 + Math.log(c)) * (id < idf.length ? idf[id]! : 0);
      ws[k] = w;
      norm += w * w;
    }
    if (norm === 0) continue;
    const scale = weight / Math.sqrt(norm);
    for (let k = from; k < to; k++) {
      const w = ws[k]!;
      if (w === 0) continue;
      const slot = slots[ids[k]!]!;
      if (slot < 0) out[-1 - slot]! += -w * scale;
      else out[slot]! += w * scale;
    }
  }
  return l2normalise(out);
}

/**
 * One extractor per feature setting for the whole thread: its tables (words, features, where
 * each feature adds) depend only on the text, so a batch's later events find most of their words
 * already read. Replaced by a fresh one once its feature table passes SHARED_FEATURE_LIMIT.
 */
const sharedExtractors = new Map<string, { extractor: HashedExtractor; placements: Map<number, Placement> }>();
const SHARED_FEATURE_LIMIT = 1 << 20;

function shared(options: FeatureOptions, dim: number): { extractor: HashedExtractor; placement: Placement } {
  const key = JSON.stringify(options);
  let entry = sharedExtractors.get(key);
  if (!entry || entry.extractor.table.size > SHARED_FEATURE_LIMIT) {
    entry = { extractor: createHashedExtractor(options), placements: new Map() };
    sharedExtractors.set(key, entry);
  }
  let placement = entry.placements.get(dim);
  if (!placement) entry.placements.set(dim, (placement = new Placement(dim)));
  return { extractor: entry.extractor, placement };
}

/** A short, stable fingerprint of the IDF corpus, so that the id (a cache key) changes with it. */
function fingerprint(corpus: string[]): string {
  // fnv1a(corpus.join('\n')), without building the joined string.
  let h = fnvFrom(FNV_OFFSET, corpus[0] ?? '');
  for (let i = 1; i < corpus.length; i++) h = fnvFrom(fnvFrom(h, '\n'), corpus[i]!);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function createLexicalEmbedder(options: LexicalOptions = {}): Embedder {
  const dim = options.dim ?? DEFAULT_LEXICAL_DIM;
  if (!Number.isInteger(dim) || dim < 2 || dim > 2 ** 24) {
    throw new PolyalignError('usage.invalid-option', `Expected a lexical dimension between 2 and 16777216, not ${options.dim}`);
  }
  const weights = GROUP_WEIGHTS({ ...DEFAULT_WEIGHTS, ...options.weights });
  const featureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  const { extractor, placement } = shared(featureOptions, dim);
  const { table } = extractor;
  let scratch = new Float64Array(256);
  // Vectors are views into blocks of BLOCK_BYTES: one allocation per block, not per sentence.
  let block = new Float32Array(0);
  let used = 0;
  const embedOne = (features: PackedFeatures, idf: Float64Array) => {
    if (scratch.length < features.ids.length) scratch = new Float64Array(features.ids.length * 2);
    if (used === block.length) {
      block = new Float32Array(dim * Math.max(1, Math.floor(BLOCK_BYTES / 4 / dim)));
      used = 0;
    }
    const out = block.subarray(used, (used += dim));
    return vectorise(out, features, idf, placement.update(table.hashes, table.size), weights, scratch);
  };
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
    corpusFeatures.push(extractor.features(t, corpusNames));
  }
  const corpusIdf = corpus ? new Idf(corpusFeatures, table.size) : undefined;
  const findJoined = joinFinder(corpus ?? []);
  /**
   * The corpus texts x and y of t = `${x} ${y}`, when no feature of t crosses the space (see `join`):
   * x ends a sentence, so a capital after the space opens one alone or joined, and no number runs across
   * the space (`5` `000` would read as 5000: x would end with a digit); and neither half has a tail.
   */
  const joined = (t: string): [number, number] | undefined => {
    const found = findJoined(t);
    if (!found) return undefined;
    const [x, y] = found;
    return corpusFeatures[x]!.tail || corpusFeatures[y]!.tail || !endsSentence(corpus![x]!) ? undefined : found;
  };
  // Without a corpus the IDF, and so a text's vector, depends on the batch: the id says so.
  const idfTag = options.corpus ? `idf${fingerprint(options.corpus)}` : 'idfbatch';
  return {
    id: `lexical-${LEXICAL_VERSION}-d${dim}-${idfTag}`,
    kind: 'lexical',
    dim,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (corpusIdf) {
        // The IDF is fixed: each text's features live only until its vector is made. A text that is two
        // corpus texts joined by a space (the pipeline's pairs of neighbours) takes their features.
        return texts.map((t) => {
          const i = corpusIndex.get(t);
          if (i !== undefined) return embedOne(corpusFeatures[i]!, corpusIdf.weights(true));
          const halves = joined(t);
          const features = halves ? extractor.join(corpusFeatures[halves[0]]!, corpusFeatures[halves[1]]!) : extractor.features(t, corpusNames, true);
          return embedOne(features, corpusIdf.weights(false));
        });
      }
      const names = extractor.names(texts);
      const features = texts.map((t) => extractor.features(t, names));
      const idf = new Idf(features, table.size).weights(true);
      return features.map((f) => embedOne(f, idf));
    },
  };
}
