// Runs a batch's events in N lanes, each taking the next event as soon as it is free: this thread
// (whose modules and model are loaded already) and N-1 worker threads. A worker costs a second or
// two to start and its own copy of the modules and the model, so this thread working too saves one
// of each. A worker that dies (out of memory, a native crash) fails its event with the reason, and
// a new worker takes the rest.

import { Worker } from 'node:worker_threads';
import { runEvent, type EventOutcome, type EventTask } from './event-job.ts';

const WORKER_ENTRY = new URL('../../bin/batch-worker.js', import.meta.url);

export async function runEvents(tasks: readonly EventTask[], jobs: number, onOutcome: (o: EventOutcome) => void): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = [];
  const finish = (o: EventOutcome) => {
    outcomes.push(o);
    onOutcome(o);
  };
  if (jobs <= 1 || tasks.length <= 1) {
    for (const task of tasks) finish(await runEvent(task));
    return outcomes;
  }

  let next = 0;
  const workers = Math.min(jobs, tasks.length) - 1;
  // This thread's lane: between events it answers the workers' messages.
  const own = (async () => {
    for (let task = tasks[next++]; task; task = tasks[next++]) finish(await runEvent(task));
  })();
  const threads = new Promise<void>((resolveAll) => {
    let running = 0;
    const startWorker = () => {
      if (next >= tasks.length) {
        if (running === 0) resolveAll();
        return;
      }
      running++;
      const worker = new Worker(WORKER_ENTRY);
      let current: EventTask | undefined;
      const give = () => {
        current = tasks[next++];
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      worker.on('message', (o: EventOutcome) => {
        finish(o);
        give();
      });
      worker.on('error', (error) => {
        if (current) {
          finish({ event: current.event.id, status: 'failed', error: { code: 'internal', message: `the worker stopped: ${error.message}` }, sentences: 0, groups: 0, seconds: 0 });
          current = undefined;
        }
      });
      worker.on('exit', () => {
        running--;
        if (current) {
          finish({ event: current.event.id, status: 'failed', error: { code: 'internal', message: 'the worker stopped' }, sentences: 0, groups: 0, seconds: 0 });
          current = undefined;
        }
        startWorker();
      });
      give();
    };
    for (let i = 0; i < workers; i++) startWorker();
    if (workers === 0) resolveAll();
  });
  await Promise.all([own, threads]);
  return outcomes;
}
