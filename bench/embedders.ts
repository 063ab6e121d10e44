// The embedders the benchmarks compare, by name, as the factories the benchmarks take (every
// sentence of a run in, an embedder out): `lexical` (character n-grams alone, the fallback) and
// `polyalign` (the shipped static model joined with the lexical channel, the default of a run).

import type { Embedder } from '../src/embed/embedder.ts';
import { combineEmbedders } from '../src/embed/combined.ts';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { createStaticEmbedder, SHIPPED_MODEL_DIR } from '../src/embed/static.ts';
import type { StaticEmbedder } from '../src/embed/static.ts';
import { readPairScorer } from '../src/embed/static/model-files.ts';

export type BenchEmbedder = 'lexical' | 'polyalign' | 'static';
export const BENCH_EMBEDDERS: BenchEmbedder[] = ['lexical', 'polyalign'];

/** A factory for `name`; the static model is read once, here. `weight` overrides the model's own combination weight. */
export async function embedderFactory(name: BenchEmbedder, options: { dir?: string; weight?: number } = {}): Promise<(corpus: string[]) => Embedder> {
  if (name === 'lexical') return (corpus) => createLexicalEmbedder({ corpus });
  const model: StaticEmbedder = await createStaticEmbedder(options.dir ?? SHIPPED_MODEL_DIR);
  if (name === 'static') return () => model;
  const weight = options.weight ?? model.model.config.polyalign.weight;
  // the pair scorer was fitted for the model at its own weight
  const scorer = options.weight === undefined ? await readPairScorer(options.dir ?? SHIPPED_MODEL_DIR) : undefined;
  return (corpus) => combineEmbedders(model, createLexicalEmbedder({ corpus }), weight, undefined, scorer);
}

/** `--embedder <name>` from a benchmark's arguments, default `fallback`. */
export function embedderArg(args: string[], fallback: BenchEmbedder = 'polyalign'): BenchEmbedder {
  const i = args.indexOf('--embedder');
  const name = i >= 0 ? args[i + 1] : fallback;
  if (name !== 'lexical' && name !== 'polyalign' && name !== 'static') throw new Error(`Expected --embedder lexical, polyalign or static, not ${name}`);
  return name;
}
