// The pairs of documents of one run, aligned over worker threads when there is enough work (20
// articles of one event are 190 pairs). This thread aligns the first pairs itself and times them;
// when the rest would take longer than PARALLEL_MIN_SECONDS it starts up to jobs-1 workers, and every
// lane (this thread included) takes the next pair from a shared counter. The vectors are copied once
// into shared memory, which the workers read in place. Results are kept by pair, so the output is the
// same whatever the number of threads.

import { PolyalignError, type ErrorCode } from '../errors.ts';
import { startWorker, takeNext } from '../threads.ts';
import type { PairAlignment } from '../types.ts';
import type { AlignDoc } from './input.ts';
import { alignPair, type AlignOptions } from './pair.ts';

/**
 * Start workers only when the pairs left would take longer than this alone: a worker takes about half
 * a second to start (tsx and the aligner's modules), so below it the pool would cost time.
 */
export const PARALLEL_MIN_SECONDS = 1.5;
/** Pairs timed on this thread before deciding (fewer when they already took PROBE_SECONDS). */
const PROBE_PAIRS = 3;
const PROBE_SECONDS = 0.2;

export type PairOptions = Partial<AlignOptions> & { linearAbove?: number };

/** A document's place in the shared buffer. */
interface SharedLayout {
  id: string;
  n: number;
  dim: number;
  /** Float offset of its first vector; its merged vectors follow its n sentence vectors. */
  at: number;
  lengths?: number[];
}

export interface PairWorkerData {
  buffer: SharedArrayBuffer;
  layout: SharedLayout[];
  pairs: Array<[number, number]>;
  options: PairOptions;
  next: SharedArrayBuffer;
}

export type PairWorkerMessage =
  | { task: number; result: PairAlignment }
  | { task: number; error: { code: ErrorCode; message: string; path?: string } };

/** Every pair i < j of `docs`, in order. */
export function allPairs(count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) out.push([i, j]);
  return out;
}

/** Copies the documents' vectors into one SharedArrayBuffer. */
function share(docs: readonly AlignDoc[]): { buffer: SharedArrayBuffer; layout: SharedLayout[] } {
  let floats = 0;
  const layout = docs.map((d) => {
    const dim = d.vectors[0]?.length ?? 0;
    const entry: SharedLayout = { id: d.id, n: d.n, dim, at: floats, ...(d.lengths ? { lengths: d.lengths } : {}) };
    floats += (d.vectors.length + d.merged.length) * dim;
    return entry;
  });
  const buffer = new SharedArrayBuffer(floats * 4);
  const view = new Float32Array(buffer);
  docs.forEach((d, k) => {
    let at = layout[k]!.at;
    for (const v of [...d.vectors, ...d.merged]) {
      view.set(v, at);
      at += v.length;
    }
  });
  return { buffer, layout };
}

/** The documents as views of the shared buffer. */
export function fromShared(buffer: SharedArrayBuffer, layout: readonly SharedLayout[]): AlignDoc[] {
  const view = new Float32Array(buffer);
  return layout.map(({ id, n, dim, at, lengths }) => {
    const take = (first: number, count: number) => Array.from({ length: count }, (_, i) => view.subarray(at + (first + i) * dim, at + (first + i + 1) * dim));
    return { id, n, vectors: take(0, n), merged: take(n, Math.max(0, n - 1)), ...(lengths ? { lengths } : {}) };
  });
}

/** The error as a message can carry it, and back. */
export function errorMessage(error: unknown): { code: ErrorCode; message: string; path?: string } {
  if (error instanceof PolyalignError) {
    const prefix = error.path ? `${error.path}: ` : '';
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { code: error.code, message, ...(error.path ? { path: error.path } : {}) };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export interface AlignPairsOptions {
  /** Threads at most, this one included (default 1: this thread alone). */
  jobs?: number;
  onPair?: (done: number, total: number, pair: [number, number]) => void;
  /** Called with the number of workers started, when any are. */
  onWorkers?: (workers: number) => void;
  /** Overrides PARALLEL_MIN_SECONDS (tests start workers on small runs with 0). */
  minSeconds?: number;
}

/** Aligns every pair i < j of `docs`; result k is the pair allPairs(docs.length)[k]. */
export async function alignPairs(docs: readonly AlignDoc[], options: PairOptions, pool: AlignPairsOptions = {}): Promise<PairAlignment[]> {
  const pairs = allPairs(docs.length);
  const results: PairAlignment[] = new Array(pairs.length);
  let done = 0;
  const record = (task: number, result: PairAlignment) => {
    results[task] = result;
    pool.onPair?.(++done, pairs.length, pairs[task]!);
  };
  const alignTask = (task: number) => record(task, alignPair(docs[pairs[task]![0]]!, docs[pairs[task]![1]]!, options));

  // Time the first pairs here.
  const t0 = performance.now();
  let probed = 0;
  while (probed < pairs.length && probed < PROBE_PAIRS && performance.now() - t0 < PROBE_SECONDS * 1000) alignTask(probed++);
  const left = pairs.length - probed;
  const predicted = probed > 0 ? ((performance.now() - t0) / 1000 / probed) * left : 0;
  const workers = Math.min((pool.jobs ?? 1) - 1, left - 1);
  if (workers < 1 || predicted < (pool.minSeconds ?? PARALLEL_MIN_SECONDS)) {
    for (let task = probed; task < pairs.length; task++) alignTask(task);
    return results;
  }

  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  counter[0] = probed;
  const { buffer, layout } = share(docs);
  pool.onWorkers?.(workers);
  let failure: unknown;
  // The first failure stops every lane: no pair is left for any of them to take.
  const fail = (error: unknown) => {
    failure ??= error;
    Atomics.store(counter, 0, pairs.length);
  };
  const threads = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        const worker = startWorker('align-worker.js', { buffer, layout, pairs, options, next } satisfies PairWorkerData);
        worker.on('message', (m: PairWorkerMessage) => {
          if ('result' in m) record(m.task, m.result);
          else fail(new PolyalignError(m.error.code, m.error.message, m.error.path ? { path: m.error.path } : {}));
        });
        worker.on('error', (error) => fail(new PolyalignError('internal', `a worker aligning pairs stopped: ${error.message}`)));
        worker.on('exit', () => resolve());
      }),
  );
  // This thread's lane; between pairs it lets the workers' messages in.
  for (let task = takeNext(counter, pairs.length); task !== undefined; task = takeNext(counter, pairs.length)) {
    try {
      alignTask(task);
    } catch (error) {
      fail(error);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(threads);
  if (failure) throw failure;
  const missing = results.findIndex((r) => r === undefined);
  if (missing >= 0) throw new PolyalignError('internal', `pair ${missing} was not aligned: a worker stopped before it finished`);
  return results;
}
