// What the pipeline needs from an embedder. The aligner never sees one: it takes vectors.

import type { PairScorerModel } from '../types.ts';

export interface Embedder {
  /** Stable identifier, part of the cache key and of run.json: `lexical-v1`, `Xenova/LaBSE:q8:cls-pooler`. */
  readonly id: string;
  /** `lexical`, `static`, `static+lexical` or `transformers`. */
  readonly kind: string;
  readonly dim: number;
  /** What the console says ran, when the id is not readable on its own. */
  readonly label?: string;
  /** The pair scorer fitted for this embedder's vectors (align/pair-scorer.ts), where it has one. */
  readonly pairScorer?: PairScorerModel;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /**
   * What run.json records about the embedder beyond id, kind and dim, read after the run:
   * its settings and counters (texts embedded, seconds in the model, cache hits and misses).
   */
  describe?(): Record<string, unknown>;
}
