// The body of a batch worker thread: run each event the main thread sends, answer with its outcome.
// Modules (and so the static model, read once per thread) stay loaded between events.

import { parentPort } from 'node:worker_threads';
import { runEvent, type EventTask } from './event-job.ts';

if (!parentPort) throw new Error('src/batch/worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (task: EventTask) => {
  void runEvent(task).then((outcome) => port.postMessage(outcome));
});
