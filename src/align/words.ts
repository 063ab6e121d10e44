// The words of a run's sentences for the pair scorer (pair-scorer.ts): every distinct word embedded
// once by the run's embedder, in batches, kept in the dimensions that word-match.ts compares, and weighted by its inverse frequency among the run's
// sentences, so that a story's names, in every sentence of it, weigh less than the words that tell
// one of its sentences from another.

import { denseHead, inverseFrequencies, unitHead, wordBag, wordsOf, type WordBag } from './word-match.ts';

/** Words embedded per call. */
export const WORD_BATCH = 4_096;

export async function documentWords(
  docs: ReadonlyArray<{ id: string; texts: readonly string[] }>,
  embed: (texts: string[]) => Promise<Float32Array[]>,
  batch = WORD_BATCH,
): Promise<Map<string, WordBag[]>> {
  const split = docs.map((d) => d.texts.map(wordsOf));
  const idf = inverseFrequencies(split.flat());
  const distinct = [...idf.keys()].sort();
  const embedded: Float32Array[] = [];
  for (let at = 0; at < distinct.length; at += batch) for (const v of await embed(distinct.slice(at, at + batch))) embedded.push(v);
  const head = denseHead(embedded);
  const vectorOf = new Map(distinct.map((w, n) => [w, unitHead(embedded[n]!, head)]));
  return new Map(
    docs.map((d, k) => [
      d.id,
      split[k]!.map((words) => wordBag(words.map((w) => vectorOf.get(w)!), words.map((w) => idf.get(w)!), head)),
    ]),
  );
}
