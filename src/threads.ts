// What the worker pools share: a task counter every lane takes from, and how a worker thread starts.

import { Worker } from 'node:worker_threads';

/** Takes the next task index from the shared counter; undefined when none is left. */
export function takeNext(next: Int32Array, count: number): number | undefined {
  const i = Atomics.add(next, 0, 1);
  return i < count ? i : undefined;
}

/**
 * A worker thread running `entry` (a file of bin/): as bin/polyalign.js does for the main thread, it
 * registers tsx first, since a worker does not inherit the main thread's loader.
 */
export function startWorker(entry: string, workerData: unknown): Worker {
  return new Worker(new URL(`../bin/${entry}`, import.meta.url), { workerData });
}
