// The stage after align for comparable pairs: the pair scorer (pair-scorer.ts) adds links to every
// mining pair where margin mining left sentences free, reading the words of the run's sentences
// (words.ts) as well as their vectors.
// Pairs aligned in order, and long documents (from DECOY_MIN_SENTENCES sentences, where decoy.ts sets
// the threshold from the runner-up matches, measured by bench/mining-long.ts), are left as align made
// them: the scorer was fitted and measured on articles of tens of sentences.

import type { AlignDoc } from './input.ts';
import { DECOY_MIN_SENTENCES } from './decoy.ts';
import { rescorePair, type PairScorerModel } from './pair-scorer.ts';
import { documentWords } from './words.ts';
import type { PairAlignment } from '../types.ts';

/** What a rescored pair's reason adds. */
export function rescoredNote(added: number): string {
  return `pair scorer: ${added} link${added === 1 ? '' : 's'} added`;
}

export async function rescoreMining(
  pairs: readonly PairAlignment[],
  docs: ReadonlyArray<{ id: string; texts: readonly string[] }>,
  vectors: ReadonlyMap<string, AlignDoc>,
  embed: (texts: string[]) => Promise<Float32Array[]>,
  model: PairScorerModel,
): Promise<PairAlignment[]> {
  const size = (id: string) => vectors.get(id)!.n;
  const scored = (p: PairAlignment) => p.method === 'mining' && Math.max(size(p.src), size(p.tgt)) < DECOY_MIN_SENTENCES;
  const needed = new Set(pairs.filter(scored).flatMap((p) => [p.src, p.tgt]));
  if (needed.size === 0) return [...pairs];
  const words = await documentWords(docs.filter((d) => needed.has(d.id)), embed);
  const lengthsOf = (id: string) => docs.find((d) => d.id === id)!.texts.map((t) => t.length);
  return pairs.map((p) => {
    if (!scored(p)) return p;
    const rescored = rescorePair(p, vectors.get(p.src)!, vectors.get(p.tgt)!, { a: words.get(p.src)!, b: words.get(p.tgt)! }, { a: lengthsOf(p.src), b: lengthsOf(p.tgt) }, model);
    return { ...rescored, reason: [p.reason, rescoredNote(rescored.links.length - p.links.length)].filter(Boolean).join('; ') };
  });
}
