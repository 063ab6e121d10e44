// How well the lexical embedder finds a sentence's translation on its own: for each pair of
// languages, the share of NTREX lines whose nearest neighbour (cosine) on the other side is the
// same line (P@1), in both directions, averaged. Two settings: among all lines of the slice
// (hard: 500 candidates), and among the lines of the same article only (what the aligner
// faces when it aligns two articles).
//
//   node --import tsx bench/embed-quality.ts [--embedder lexical|polyalign|static] [--offset N]

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Embedder } from '../src/embed/embedder.ts';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { precisionAt1, precisionAt1Forward } from '../src/train/retrieval.ts';

export const QUALITY_LANGUAGES = ['bos', 'hrv', 'srp-Latn', 'slv', 'ron', 'mkd', 'dan'];
export const DEFAULT_LINES = 500;
const DEFAULT_NTREX = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/eval/ntrex');

export interface EmbedQualityOptions {
  /** Folder holding NTREX-128's `<lang>.txt` files; default: `$POLYALIGN_NTREX` or ../shared/eval/ntrex. */
  dir?: string;
  lines?: number;
  /** First line used (0-based); a later slice checks that tuning did not overfit the first. */
  offset?: number;
  languages?: string[];
  /** Builds the embedder for one pair, given both sides' lines as the IDF corpus. */
  embedder?: (corpus: string[]) => Embedder;
}

export interface PairQuality {
  src: string;
  tgt: string;
  /** src → tgt, tgt → src, and their mean, among all lines of the slice. */
  forward: number;
  backward: number;
  p1: number;
  /** The same mean, with candidates limited to the query's own article. */
  p1InDocument: number;
}

export interface EmbedQuality {
  embedder: string;
  lines: number;
  offset: number;
  pairs: PairQuality[];
  mean: number;
  meanInDocument: number;
}

export async function runEmbedQuality(options: EmbedQualityOptions = {}): Promise<EmbedQuality> {
  const dir = options.dir ?? process.env.POLYALIGN_NTREX ?? DEFAULT_NTREX;
  const lines = options.lines ?? DEFAULT_LINES;
  const offset = options.offset ?? 0;
  const languages = options.languages ?? QUALITY_LANGUAGES;
  const make = options.embedder ?? ((corpus: string[]) => createLexicalEmbedder({ corpus }));
  const text: Record<string, string[]> = {};
  for (const lang of languages) text[lang] = (await readFile(join(dir, `${lang}.txt`), 'utf8')).split('\n').slice(offset, offset + lines);
  const docs = (await readFile(join(dir, 'DOCUMENT_IDS.tsv'), 'utf8')).split('\n').slice(offset, offset + lines);
  const pairs: PairQuality[] = [];
  let id = '';
  for (let a = 0; a < languages.length; a++) {
    for (let b = a + 1; b < languages.length; b++) {
      const [src, tgt] = [languages[a]!, languages[b]!];
      const embedder = make([...text[src]!, ...text[tgt]!]);
      id = embedder.id.replace(/-idf[0-9a-f]+/, '');
      const [x, y] = [await embedder.embed(text[src]!), await embedder.embed(text[tgt]!)];
      const forward = precisionAt1Forward(x, y);
      const backward = precisionAt1Forward(y, x);
      const p1InDocument = precisionAt1(x, y, docs);
      pairs.push({ src, tgt, forward, backward, p1: (forward + backward) / 2, p1InDocument });
    }
  }
  const average = (f: (p: PairQuality) => number) => pairs.reduce((s, p) => s + f(p), 0) / pairs.length;
  return { embedder: id, lines, offset, pairs, mean: average((p) => p.p1), meanInDocument: average((p) => p.p1InDocument) };
}

export function formatEmbedQuality(result: EmbedQuality): string {
  const langs = [...new Set(result.pairs.flatMap((p) => [p.src, p.tgt]))];
  const width = 9;
  const matrix = (title: string, value: (p: PairQuality) => number, mean: number) => {
    const cell = (a: string, b: string) => {
      if (a === b) return '—';
      const p = result.pairs.find((q) => (q.src === a && q.tgt === b) || (q.src === b && q.tgt === a));
      return p ? (value(p) * 100).toFixed(1) : '';
    };
    return [
      title,
      ['', ...langs].map((s) => s.padStart(width)).join(''),
      ...langs.map((a) => [a, ...langs.map((b) => cell(a, b))].map((s) => s.padStart(width)).join('')),
      `mean over ${result.pairs.length} pairs: ${(mean * 100).toFixed(1)}`,
    ].join('\n');
  };
  const span = `NTREX lines ${result.offset + 1}–${result.offset + result.lines}`;
  return [
    matrix(`P@1 (%) of ${result.embedder} among all ${span}, mean of both directions`, (p) => p.p1, result.mean),
    matrix(`P@1 (%) within the same article, ${span}`, (p) => p.p1InDocument, result.meanInDocument),
  ].join('\n\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const offset = args.includes('--offset') ? Number(args[args.indexOf('--offset') + 1]) : 0;
  const { embedderArg, embedderFactory } = await import('./embedders.ts');
  const embedder = await embedderFactory(embedderArg(args));
  console.log(formatEmbedQuality(await runEmbedQuality({ embedder, offset })));
}
