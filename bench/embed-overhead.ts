// What polyalign's transformers embedder costs on top of ONNX Runtime itself, and what the
// embedding cache saves.
//
// Models are built on the fly into a temp folder outside the repository by the test-model
// builder (test/helpers/tiny-model.ts), never downloaded and never committed:
//   - tiny: the test model (2 layers, 32 wide, ~300-token vocabulary), fp32;
//   - MiniLM-size: paraphrase-multilingual-MiniLM-L12-v2's shape (12 layers, hidden 384,
//     12 heads, intermediate 1536, GELU), its vocabulary size (250,002: the corpus' most frequent
//     words as whole-word tokens, the rest unused tokens), random weights; int8 (as the
//     `model_quantized.onnx` that `models pull` fetches by default), and fp32 with --fp32;
//   - with --labse, LaBSE-size (12 layers, hidden 768, 12 heads, intermediate 3072), int8, with a
//     250,002-token vocabulary (LaBSE's 501,153 would only make the file bigger, not slower).
// Sentences: NTREX-128 lines, the same number from each of the 7 languages.
//
// Two sides (and a control), on the same texts cut into the same batches (sorted by length, 16 a batch):
//   polyalign  createTransformersEmbedder(...).embed(texts): sorting and batching, tokenisation
//              (transformers.js), the model run through transformers.js, pooling and
//              normalisation in JS; one unit vector per text.
//   bare ORT   onnxruntime-node InferenceSession.run on token batches made beforehand by the same
//              tokenizer: building the int64 input tensors and session.run; no tokenisation, no
//              pooling, output left in the tensor.
//   control    a second bare session on the same file: bare over bare shows the noise floor.
// Both run the same .onnx file with the same session options (CPU, same intra-op threads), in one
// process, batch by batch in turn (which side goes first alternates), so that both meet the same
// load from the rest of the machine; each run is the sum over all batches, and the figures are
// medians of several runs. Threads default to 1: on a shared machine a 2-thread pool mostly
// measures the other processes.
//
// Cache: withCache over the MiniLM-size int8 embedder, first run into an empty cache folder
// (every text embedded and appended) against a second run by a fresh wrapper (the cache file
// read and every vector served from it).
//
//   node --import tsx bench/embed-overhead.ts [--quick] [--json] [--runs N] [--per-language N] [--threads N] [--fp32] [--labse]

import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withCache } from '../src/embed/cache.ts';
import { createTransformersEmbedder } from '../src/embed/transformers.ts';
import type { TransformersEmbedder } from '../src/embed/transformers.ts';
import { buildTinyModel, LABSE_SHAPE, MINILM_SHAPE } from '../test/helpers/tiny-model.ts';
import type { TinyModelOptions } from '../test/helpers/tiny-model.ts';
import { LANGS, loadNtrex } from './ntrex.ts';

export const MINILM_VOCAB = 250_002;
/** LaBSE has 501,153 tokens; its embedding matrix alone would be 1.5 GB to build in fp32 first. */
export const LABSE_BENCH_VOCAB = 250_002;
const BATCH = 16;

export interface OverheadRow {
  model: string;
  dtype: string;
  sentences: number;
  meanTokens: number;
  /** Creating the embedder: reading the tokenizer and the ONNX file, building the session. */
  loadSeconds: number;
  runs: number;
  /** Sentences per second, median of the runs. */
  polyalignPerSecond: number;
  barePerSecond: number;
  /** polyalign seconds over bare seconds, wall-clock, median of the runs' ratios; 1 = no overhead. */
  overhead: number;
  /** The same on CPU time (less sensitive to other processes taking the cores). */
  overheadCpu: number;
  /** A second bare session over the first, wall-clock: the ratio two identical sides reach here. */
  control: number;
  /** Seconds per run, sorted: what the noise looked like. */
  polyalignSeconds: number[];
  bareSeconds: number[];
  polyalignCpuSeconds: number[];
  bareCpuSeconds: number[];
  /** Tokenisation alone (transformers.js tokenizer over the same batches), median CPU seconds. */
  tokeniseSeconds: number;
}

export interface CacheRow {
  model: string;
  sentences: number;
  runs: number;
  coldSeconds: number[];
  warmSeconds: number[];
  speedUp: number;
}

export interface OverheadResult {
  threads: number;
  loadBefore: number[];
  loadAfter: number[];
  vocabulary: { minilm: number; corpusWords: number };
  rows: OverheadRow[];
  cache: CacheRow;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** What the BERT normaliser does before WordPiece: lower case, accents stripped. */
function normalise(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** The corpus' words by frequency, most frequent first (ties alphabetical, so the vocabulary is stable). */
function frequentWords(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) for (const w of normalise(line).match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** Wall-clock seconds, and CPU seconds of the whole process (every ONNX Runtime thread included). */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

interface Batch {
  ids: BigInt64Array;
  mask: BigInt64Array;
  types: BigInt64Array;
  dims: [number, number];
}

async function measure(
  label: string,
  modelsDir: string,
  id: string,
  texts: string[],
  runs: number,
  threads: number,
): Promise<OverheadRow> {
  const t0 = performance.now();
  const embedder: TransformersEmbedder = await createTransformersEmbedder({ model: id, modelsDir, batchSize: BATCH, threads });
  const loadSeconds = (performance.now() - t0) / 1000;
  const ort = await import('onnxruntime-node');
  const file = join(modelsDir, id, embedder.dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx');
  const options = { executionProviders: ['cpu'], intraOpNumThreads: threads };
  // Two bare sessions: the second, as a control, shows how far two identical sides drift apart
  // on this machine (the noise floor of the ratio).
  const session = await ort.InferenceSession.create(file, options);
  const control = await ort.InferenceSession.create(file, options);

  // The embedder's own batches: the same order (by length, ties in input order) and size.
  const hf = await import('@huggingface/transformers');
  const tokenizer = await hf.AutoTokenizer.from_pretrained(id);
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
  const groups: string[][] = [];
  for (let s = 0; s < order.length; s += BATCH) groups.push(order.slice(s, s + BATCH).map((i) => texts[i]!));
  const tokenise = () =>
    groups.map((g): Batch => {
      const t = tokenizer(g, { padding: true, truncation: true, max_length: embedder.maxTokens });
      return {
        ids: t.input_ids.data as BigInt64Array,
        mask: t.attention_mask.data as BigInt64Array,
        types: (t.token_type_ids?.data as BigInt64Array | undefined) ?? new BigInt64Array(t.input_ids.data.length),
        dims: t.input_ids.dims as [number, number],
      };
    });
  const batches = tokenise();
  const tokens = batches.reduce((n, b) => n + b.mask.reduce((m, x) => m + Number(x), 0), 0);
  const bareBatch = async (on: typeof session, b: Batch) => {
    await on.run({
      input_ids: new ort.Tensor('int64', b.ids, b.dims),
      attention_mask: new ort.Tensor('int64', b.mask, b.dims),
      token_type_ids: new ort.Tensor('int64', b.types, b.dims),
    });
  };

  // Warm-up: the first runs pay for JIT and ONNX Runtime's first allocations.
  await embedder.embed(texts);
  for (const b of batches) await bareBatch(session, b);
  for (const b of batches) await bareBatch(control, b);
  // Paired: batch by batch, each side in turn (which goes first rotates), so that all three see
  // the same load from whatever else the machine is doing.
  type Time = { wall: number; cpu: number };
  const polyalign: Time[] = [];
  const bareRuns: Time[] = [];
  const controlRuns: Time[] = [];
  const tokeniseSeconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const p = { wall: 0, cpu: 0 };
    const b = { wall: 0, cpu: 0 };
    const c = { wall: 0, cpu: 0 };
    const add = async (sum: Time, fn: () => Promise<unknown>) => {
      const t = await timed(fn);
      sum.wall += t.wall;
      sum.cpu += t.cpu;
    };
    for (const [i, group] of groups.entries()) {
      const sides = [() => add(p, () => embedder.embed(group)), () => add(b, () => bareBatch(session, batches[i]!)), () => add(c, () => bareBatch(control, batches[i]!))];
      for (let k = 0; k < 3; k++) await sides[(k + r + i) % 3]!();
    }
    polyalign.push(p);
    bareRuns.push(b);
    controlRuns.push(c);
    tokeniseSeconds.push((await timed(async () => tokenise())).cpu);
    process.stderr.write(
      `  ${label} ${embedder.dtype}: run ${r + 1}/${runs}: polyalign ${p.wall.toFixed(2)} s (cpu ${p.cpu.toFixed(2)}), bare ${b.wall.toFixed(2)} s (cpu ${b.cpu.toFixed(2)}), control ${c.wall.toFixed(2)} s\n`,
    );
  }
  await embedder.dispose();
  await session.release();
  await control.release();
  const p = median(polyalign.map((x) => x.wall));
  const b = median(bareRuns.map((x) => x.wall));
  const ratio = (xs: Time[], ys: Time[], key: keyof Time) => round(median(xs.map((x, i) => x[key] / ys[i]![key])));
  const sorted = (xs: number[]) => xs.sort((x, y) => x - y).map((x) => round(x));
  return {
    model: label,
    dtype: embedder.dtype,
    sentences: texts.length,
    meanTokens: round(tokens / texts.length, 1),
    loadSeconds: round(loadSeconds, 2),
    runs,
    polyalignPerSecond: round(texts.length / p, 1),
    barePerSecond: round(texts.length / b, 1),
    overhead: ratio(polyalign, bareRuns, 'wall'),
    overheadCpu: ratio(polyalign, bareRuns, 'cpu'),
    control: ratio(controlRuns, bareRuns, 'wall'),
    polyalignSeconds: sorted(polyalign.map((x) => x.wall)),
    bareSeconds: sorted(bareRuns.map((x) => x.wall)),
    polyalignCpuSeconds: sorted(polyalign.map((x) => x.cpu)),
    bareCpuSeconds: sorted(bareRuns.map((x) => x.cpu)),
    tokeniseSeconds: round(median(tokeniseSeconds), 4),
  };
}

async function measureCache(modelsDir: string, id: string, texts: string[], runs: number, threads: number): Promise<CacheRow> {
  const inner = await createTransformersEmbedder({ model: id, modelsDir, batchSize: BATCH, threads });
  await inner.embed(texts.slice(0, BATCH));
  const coldSeconds: number[] = [];
  const warmSeconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const dir = await mkdtemp(join(tmpdir(), 'polyalign-bench-cache-'));
    try {
      coldSeconds.push((await timed(() => withCache(inner, dir).embed(texts))).wall);
      warmSeconds.push((await timed(() => withCache(inner, dir).embed(texts))).wall);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  await inner.dispose();
  return {
    model: 'MiniLM-size',
    sentences: texts.length,
    runs,
    coldSeconds: coldSeconds.sort((a, b) => a - b).map((x) => round(x)),
    warmSeconds: warmSeconds.sort((a, b) => a - b).map((x) => round(x, 4)),
    speedUp: Math.round(median(coldSeconds) / median(warmSeconds)),
  };
}

export async function runEmbedOverhead(
  options: { quick?: boolean; runs?: number; perLanguage?: number; threads?: number; fp32?: boolean; labse?: boolean } = {},
): Promise<OverheadResult> {
  const runs = options.runs ?? (options.quick ? 3 : 5);
  const perLanguage = options.perLanguage ?? (options.quick ? 16 : 32);
  const threads = options.threads ?? 1;
  const loadBefore = loadavg().map((x) => round(x, 2));
  const corpus = loadNtrex();
  const all = LANGS.flatMap(({ code }) => corpus.lines[code]!.filter((l) => l.trim().length > 0));
  // Lines from the middle of each language's file: whole sentences of ordinary length.
  const texts = LANGS.flatMap(({ code }) => corpus.lines[code]!.filter((l) => l.trim().length > 0).slice(500, 500 + perLanguage));
  const words = frequentWords(all);

  const root = await mkdtemp(join(tmpdir(), 'polyalign-bench-models-'));
  try {
    const build = (id: string, o: TinyModelOptions) => buildTinyModel(root, id, { pooling: 'mean', ...o });
    process.stderr.write(`embed-overhead: building models in ${root}\n`);
    await build('bench/tiny', {});
    const minilm: TinyModelOptions = { shape: MINILM_SHAPE, words, vocabSize: MINILM_VOCAB };
    await build('bench/minilm-size-q8', { ...minilm, quantized: true, onnxFile: 'model_quantized.onnx' });
    if (options.fp32) await build('bench/minilm-size-fp32', minilm);
    if (options.labse) {
      await build('bench/labse-size-q8', { shape: LABSE_SHAPE, words, vocabSize: LABSE_BENCH_VOCAB, quantized: true, onnxFile: 'model_quantized.onnx' });
    }

    const rows: OverheadRow[] = [];
    rows.push(await measure('tiny test model', root, 'bench/tiny', [...texts, ...texts, ...texts, ...texts], runs, threads));
    rows.push(await measure('MiniLM-size', root, 'bench/minilm-size-q8', texts, runs, threads));
    if (options.fp32) rows.push(await measure('MiniLM-size', root, 'bench/minilm-size-fp32', texts, runs, threads));
    if (options.labse) rows.push(await measure('LaBSE-size', root, 'bench/labse-size-q8', texts, runs, threads));
    const cache = await measureCache(root, 'bench/minilm-size-q8', texts, Math.max(2, runs - 2), threads);
    return {
      threads,
      loadBefore,
      loadAfter: loadavg().map((x) => round(x, 2)),
      vocabulary: { minilm: MINILM_VOCAB, corpusWords: Math.min(words.length, MINILM_VOCAB) },
      rows,
      cache,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The table `npm run bench` prints. */
export function overheadTable(result: OverheadResult): Array<Record<string, string | number>> {
  return result.rows.map((r) => ({
    model: `${r.model} ${r.dtype}`,
    sentences: r.sentences,
    'tokens/sentence': r.meanTokens,
    'load s': r.loadSeconds,
    'polyalign sent/s': r.polyalignPerSecond,
    'bare ORT sent/s': r.barePerSecond,
    overhead: `×${r.overhead.toFixed(3)}`,
    'overhead (cpu)': `×${r.overheadCpu.toFixed(3)}`,
    'bare vs bare': `×${r.control.toFixed(3)}`,
    'tokenise s': r.tokeniseSeconds,
    'spread (max/min)': `${(r.polyalignSeconds.at(-1)! / r.polyalignSeconds[0]!).toFixed(2)} / ${(r.bareSeconds.at(-1)! / r.bareSeconds[0]!).toFixed(2)}`,
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await runEmbedOverhead({
    quick: process.argv.includes('--quick'),
    fp32: process.argv.includes('--fp32'),
    labse: process.argv.includes('--labse'),
    runs: arg('--runs'),
    perLanguage: arg('--per-language'),
    threads: arg('--threads'),
  });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    console.table(overheadTable(result));
    console.log(`cached re-run: ${result.cache.sentences} sentences, cold ${result.cache.coldSeconds.join('/')} s, warm ${result.cache.warmSeconds.join('/')} s: ×${result.cache.speedUp}`);
    console.log(`threads ${result.threads}; load average before ${result.loadBefore.join(' ')}, after ${result.loadAfter.join(' ')}`);
  }
}
