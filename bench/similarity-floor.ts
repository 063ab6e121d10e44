// Where a link's cosine says nothing any more: on the FLORES dev lines held back from training (never
// NTREX or the seeds), the cosines of translations (line i of one language with line i of another)
// and of unrelated lines (line i with line 7i + 13 of another), as percentiles, for each embedder. The
// confidence's similarity ramp (src/align/confidence.ts) is read from them: below the median of
// unrelated lines nothing is believed; from the 1st percentile of translations the cosine caps nothing.
// The quote links (src/quote/align.ts) read the unrelated lines' percentiles: how rarely two lines
// that say different things are as alike as two quotes.
//
//   node --import tsx bench/similarity-floor.ts

import { pathToFileURL } from 'node:url';
import { floresHeldOut } from './confidence.ts';
import { embedderFactory, type BenchEmbedder } from './embedders.ts';

function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.floor(p * (s.length - 1))]!.toFixed(3));
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export async function similarityFloors(names: BenchEmbedder[] = ['polyalign', 'lexical']) {
  const corpus = floresHeldOut();
  const langs = Object.keys(corpus.lines).sort();
  const rows = [];
  for (const name of names) {
    const embedder = (await embedderFactory(name))(langs.flatMap((l) => corpus.lines[l]!));
    const vectors: Record<string, Float32Array[]> = {};
    for (const l of langs) vectors[l] = (await embedder.embed(corpus.lines[l]!)) as unknown as Float32Array[];
    const translations: number[] = [];
    const unrelated: number[] = [];
    for (let x = 0; x < langs.length; x++) {
      for (let y = x + 1; y < langs.length; y++) {
        const a = vectors[langs[x]!]!;
        const b = vectors[langs[y]!]!;
        for (let i = 0; i < a.length; i++) {
          translations.push(dot(a[i]!, b[i]!));
          unrelated.push(dot(a[i]!, b[(i * 7 + 13) % b.length]!));
        }
      }
    }
    rows.push({
      embedder: name,
      pairs: translations.length,
      'translations p0.1': quantile(translations, 0.001),
      'translations p1': quantile(translations, 0.01),
      'translations p50': quantile(translations, 0.5),
      'unrelated p50': quantile(unrelated, 0.5),
      'unrelated p90': quantile(unrelated, 0.9),
      'unrelated p99': quantile(unrelated, 0.99),
      'unrelated p99.9': quantile(unrelated, 0.999),
    });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) console.table(await similarityFloors());
