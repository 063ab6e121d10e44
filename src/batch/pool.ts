// Runs a batch's events in N lanes: this thread (whose modules and model are loaded already) and N-1
// worker threads. Every lane takes the next event itself from a shared counter (Atomics), so a worker
// never waits for this thread, busy with an event of its own, to hand it work. Outcomes come back as
// messages, for progress and batch.json. A worker that dies (out of memory, a native crash) fails the
// event it had started with the reason; the other lanes take the rest.

import { startWorker, takeNext } from '../threads.ts';
import { runEvent, type EventOutcome, type EventTask } from './event-job.ts';

/** What a worker is given: every task, and the counter all lanes take the next one from. */
export interface WorkerData {
  tasks: readonly EventTask[];
  next: SharedArrayBuffer;
}

/** Messages from a worker: an event started, an event's outcome, or the end of its work. */
export type WorkerMessage = { started: number } | { outcome: EventOutcome } | { finished: true };

/**
 * Run the events; resolves to the outcomes of those that ran. After a failure of the machine (no
 * space, no permission: EventOutcome.environment) no lane starts another event, the ones running
 * finish, and the rest are not run: their outcomes are missing.
 */
export async function runEvents(tasks: readonly EventTask[], jobs: number, onOutcome: (o: EventOutcome) => void): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = [];
  const shared = new SharedArrayBuffer(4);
  const next = new Int32Array(shared);
  const finish = (o: EventOutcome) => {
    outcomes.push(o);
    onOutcome(o);
    if (o.environment) Atomics.store(next, 0, tasks.length);
  };
  if (jobs <= 1 || tasks.length <= 1) {
    for (let i = takeNext(next, tasks.length); i !== undefined; i = takeNext(next, tasks.length)) finish(await runEvent(tasks[i]!));
    return outcomes;
  }

  const workers = Math.min(jobs, tasks.length) - 1;
  const threads = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        const worker = startWorker('batch-worker.js', { tasks, next: shared } satisfies WorkerData);
        let current: number | undefined;
        worker.on('message', (m: WorkerMessage) => {
          if ('started' in m) current = m.started;
          else if ('outcome' in m) {
            current = undefined;
            finish(m.outcome);
          }
        });
        const fail = (why: string) => {
          if (current === undefined) return;
          finish({ event: tasks[current]!.event.id, status: 'failed', error: { code: 'internal', message: why }, sentences: 0, groups: 0, seconds: 0 });
          current = undefined;
        };
        worker.on('error', (error) => fail(`the worker stopped: ${error.message}`));
        worker.on('exit', () => {
          fail('the worker stopped');
          resolve();
        });
      }),
  );
  // This thread's lane; between events it reads the workers' messages.
  for (let i = takeNext(next, tasks.length); i !== undefined; i = takeNext(next, tasks.length)) finish(await runEvent(tasks[i]!));
  await Promise.all(threads);
  return outcomes;
}
