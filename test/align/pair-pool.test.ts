// The pairs of one run over worker threads (pair-pool.ts): the same results as one thread, and errors
// that come back as the one error class.

import { describe, expect, it } from 'vitest';
import { alignPairs, allPairs } from '../../src/align/pair-pool.ts';
import { alignPair } from '../../src/align/pair.ts';
import { PolyalignError } from '../../src/errors.ts';
import { LEXICAL, report, source, translate, World } from './synthetic.ts';

function event(articles: number, sentences: number) {
  const world = new World(64, 11, LEXICAL);
  const src = source(world, sentences);
  return Array.from({ length: articles }, (_, k) =>
    world.doc(`doc${k}`, k % 2 ? translate(world, src, { del: 0.1, ins: 0.05, merge: 0.05 }) : report(world, src, { keep: 0.6, extra: 0.2 })),
  );
}

describe('aligning the pairs of a run over worker threads', () => {
  it('gives every pair, in order, exactly what one thread gives', async () => {
    const docs = event(6, 40);
    const serial = allPairs(docs.length).map(([i, j]) => alignPair(docs[i]!, docs[j]!, { mode: 'auto' }));
    let workers = 0;
    const seen: number[] = [];
    const pooled = await alignPairs(docs, { mode: 'auto' }, { jobs: 3, minSeconds: 0, onWorkers: (n) => (workers = n), onPair: (done) => seen.push(done) });
    expect(workers).toBe(2);
    expect(pooled).toEqual(serial);
    expect(seen).toEqual(serial.map((_, k) => k + 1));
  });

  it('stays on this thread when the work is small or one job is asked for', async () => {
    const docs = event(4, 10);
    let workers = 0;
    await alignPairs(docs, { mode: 'auto' }, { jobs: 4, onWorkers: (n) => (workers = n) });
    await alignPairs(docs, { mode: 'auto' }, { jobs: 1, minSeconds: 0, onWorkers: (n) => (workers = n) });
    expect(workers).toBe(0);
  });

  it('brings a failure in a worker back as the one error class, with its code and file', async () => {
    const docs = event(5, 20);
    // a document whose vectors are not unit length: every pair with it fails validation
    const bad = { ...docs[4]!, vectors: docs[4]!.vectors.map((v) => v.map((x) => x * 3)) };
    const run = alignPairs([...docs.slice(0, 4), bad], { mode: 'auto' }, { jobs: 2, minSeconds: 0 });
    await expect(run).rejects.toBeInstanceOf(PolyalignError);
    await expect(run).rejects.toMatchObject({ code: 'internal', path: 'doc4' });
  });
});
