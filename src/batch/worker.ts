// The body of a batch worker thread: take the next event from the shared counter, run it, report its
// outcome, until none is left. Modules (and so the static model, read once per thread) stay loaded
// between events.

import { parentPort, workerData } from 'node:worker_threads';
import { runEvent } from './event-job.ts';
import { takeNext } from '../threads.ts';
import type { WorkerData, WorkerMessage } from './pool.ts';

if (!parentPort) throw new Error('src/batch/worker.ts runs as a worker thread');
const port = parentPort;
const { tasks, next } = workerData as WorkerData;
const counter = new Int32Array(next);
const say = (m: WorkerMessage) => port.postMessage(m);
for (let i = takeNext(counter, tasks.length); i !== undefined; i = takeNext(counter, tasks.length)) {
  say({ started: i });
  say({ outcome: await runEvent(tasks[i]!) });
}
say({ finished: true });
port.close();
