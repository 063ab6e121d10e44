// Sentence retrieval on NTREX-128 as MTEB's bitext mining runs it: each line's nearest neighbour
// (cosine) among all 1,997 lines of the other language, both directions averaged (P@1). For the
// model alone and for the default embedder (the model joined with the lexical channel), for every
// pair of bs, hr, sr-Latn, sr-Cyrl, sl, ro, mk, da. The groups the targets name are
// summarised: the Slavic pairs (bs, hr, sr both scripts, sl, mk), sl–ro, ro–*, da–*.
//
//   node --import tsx bench/retrieval.ts [--model-dir <dir>] [--lines N] [--json]

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { createStaticEmbedder, SHIPPED_MODEL_DIR } from '../src/embed/static.ts';
import type { Embedder } from '../src/embed/embedder.ts';

const NTREX = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'ntrex');
export const RETRIEVAL_LANGS: Array<[code: string, file: string]> = [
  ['bs', 'bos'], ['hr', 'hrv'], ['sr-Latn', 'srp-Latn'], ['sr-Cyrl', 'srp-Cyrl'], ['sl', 'slv'], ['mk', 'mkd'], ['ro', 'ron'], ['da', 'dan'],
];
const SLAVIC = new Set(['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'sl', 'mk']);

export interface RetrievalPair { pair: string; model: number; joined: number }
export interface RetrievalResult {
  model: string;
  lines: number;
  pairs: RetrievalPair[];
  summary: Record<string, { model: number; joined: number; min: number; minPair: string }>;
}

function group(pairs: RetrievalPair[], keep: (a: string, b: string) => boolean) {
  const chosen = pairs.filter((p) => keep(...(p.pair.split('–') as [string, string])));
  const mean = (k: 'model' | 'joined') => chosen.reduce((s, p) => s + p[k], 0) / Math.max(1, chosen.length);
  const low = chosen.reduce((a, b) => (b.joined < a.joined ? b : a), chosen[0]!);
  return { model: mean('model'), joined: mean('joined'), min: low?.joined ?? 0, minPair: low?.pair ?? '' };
}

/** The cosine matrix of `x` against `y` (row-major, x.length × y.length). */
function cosines(x: Float32Array[], y: Float32Array[]): Float32Array {
  const out = new Float32Array(x.length * y.length);
  for (let i = 0; i < x.length; i++) {
    const q = x[i]!;
    for (let j = 0; j < y.length; j++) {
      const t = y[j]!;
      let s = 0;
      for (let k = 0; k < q.length; k++) s += q[k]! * t[k]!;
      out[i * y.length + j] = s;
    }
  }
  return out;
}

/** P@1 both ways of `w·A + (1−w)·B` (B optional), n × n, the right answer on the diagonal. */
export function p1OfMatrix(n: number, a: Float32Array, w = 1, b?: Float32Array): number {
  const rowBest = new Float32Array(n).fill(-Infinity);
  const rowArg = new Int32Array(n).fill(-1);
  const colBest = new Float32Array(n).fill(-Infinity);
  const colArg = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const s = b ? w * a[i * n + j]! + (1 - w) * b[i * n + j]! : a[i * n + j]!;
      if (s > rowBest[i]!) [rowBest[i], rowArg[i]] = [s, j];
      if (s > colBest[j]!) [colBest[j], colArg[j]] = [s, i];
    }
  }
  let hits = 0;
  for (let i = 0; i < n; i++) hits += (rowArg[i] === i ? 1 : 0) + (colArg[i] === i ? 1 : 0);
  return hits / (2 * n);
}

/** The lexical channel's cosines for a pair do not depend on the model: kept in the temporary folder between runs. */
async function lexicalCosines(a: string[], b: string[], key: string): Promise<Float32Array> {
  const dir = join(tmpdir(), 'polyalign-bench-retrieval');
  const lexical: Embedder = createLexicalEmbedder({ corpus: [...a, ...b] });
  const file = join(dir, `${lexical.id}-${key}-${a.length}.f32`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached && cached.byteLength === a.length * b.length * 4) return new Float32Array(cached.buffer, cached.byteOffset, a.length * b.length);
  const m = cosines(await lexical.embed(a), await lexical.embed(b));
  await mkdir(dir, { recursive: true });
  await writeFile(file, new Uint8Array(m.buffer));
  return m;
}

export async function runRetrieval(options: { modelDir?: string; lines?: number } = {}): Promise<RetrievalResult> {
  const model = await createStaticEmbedder(options.modelDir ?? SHIPPED_MODEL_DIR);
  const weight = model.model.config.polyalign.weight;
  const text: Record<string, string[]> = {};
  for (const [code, file] of RETRIEVAL_LANGS) {
    const lines = (await readFile(join(NTREX, `${file}.txt`), 'utf8')).split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
    text[code] = lines.slice(0, options.lines ?? lines.length);
  }
  const alone: Record<string, Float32Array[]> = {};
  for (const [code] of RETRIEVAL_LANGS) alone[code] = await model.embed(text[code]!);
  const pairs: RetrievalPair[] = [];
  for (let i = 0; i < RETRIEVAL_LANGS.length; i++) {
    for (let j = i + 1; j < RETRIEVAL_LANGS.length; j++) {
      const [a, b] = [RETRIEVAL_LANGS[i]![0], RETRIEVAL_LANGS[j]![0]];
      const n = text[a]!.length;
      const m = cosines(alone[a]!, alone[b]!);
      const lex = await lexicalCosines(text[a]!, text[b]!, `${a}-${b}`);
      // The joined vectors' cosine is w·(model cosine) + (1−w)·(lexical cosine) (src/embed/combined.ts).
      pairs.push({ pair: `${a}–${b}`, model: p1OfMatrix(n, m), joined: p1OfMatrix(n, m, weight, lex) });
    }
  }
  const has = (l: string) => (a: string, b: string) => a === l || b === l;
  return {
    model: model.id,
    lines: text.bs!.length,
    pairs,
    summary: {
      all: group(pairs, () => true),
      slavic: group(pairs, (a, b) => SLAVIC.has(a) && SLAVIC.has(b)),
      'sl–ro': group(pairs, (a, b) => (a === 'sl' && b === 'ro') || (a === 'ro' && b === 'sl')),
      'ro–*': group(pairs, has('ro')),
      'da–*': group(pairs, has('da')),
      'sl–*': group(pairs, has('sl')),
    },
  };
}

export function formatRetrieval(r: RetrievalResult): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  return [
    `NTREX retrieval P@1 among all ${r.lines} lines (both directions), ${r.model}`,
    `${'pair'.padEnd(18)}${'model'.padStart(6)}${'joined'.padStart(8)}`,
    ...r.pairs.map((p) => `${p.pair.padEnd(18)}${pct(p.model)}${pct(p.joined).padStart(8)}`),
    '',
    ...Object.entries(r.summary).map(([k, s]) => `${k.padEnd(18)}${pct(s.model)}${pct(s.joined).padStart(8)}   lowest ${s.minPair} ${(s.min * 100).toFixed(1)}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const result = await runRetrieval({ modelDir: value('--model-dir'), lines: value('--lines') ? Number(value('--lines')) : undefined });
  console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : formatRetrieval(result));
}
