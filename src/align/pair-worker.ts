// A worker of the pair pool (pair-pool.ts): takes pairs from the shared counter until none is left.

import { parentPort, workerData } from 'node:worker_threads';
import { takeNext } from '../threads.ts';
import { alignPair } from './pair.ts';
import { errorMessage, fromShared, type PairWorkerData, type PairWorkerMessage } from './pair-pool.ts';

const data = workerData as PairWorkerData;
const docs = fromShared(data.buffer, data.layout);
const counter = new Int32Array(data.next);
const post = (m: PairWorkerMessage) => parentPort!.postMessage(m);

for (let task = takeNext(counter, data.pairs.length); task !== undefined; task = takeNext(counter, data.pairs.length)) {
  const [i, j] = data.pairs[task]!;
  try {
    post({ task, result: alignPair(docs[i]!, docs[j]!, data.options) });
  } catch (error) {
    post({ task, error: errorMessage(error) });
    break;
  }
}
