// A batch under faults, in this process (one lane, so the file system seen here is the batch's): a
// disk that fills up while events run again, and an event whose input turns bad. A full disk is the
// machine's failure, not the event's: the batch stops, says so, and leaves the combined outputs and
// every event's record as they were. An event that fails on its input keeps its earlier outputs in the
// combined corpus, marked stale, unless --drop-failed. A real file system does not fill up on demand,
// so `open` is wrapped to give handles whose writes fail with ENOSPC inside one chosen folder.

import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/run-cli.ts';
import { SEED_FILES, seedEvents, tmpDir } from '../helpers/tmp.ts';

const full = vi.hoisted(() => ({ under: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  return {
    ...real,
    open: async (path: string, flags?: string, mode?: number) => {
      const handle = await real.open(path, flags, mode);
      if (full.under === '' || flags !== 'wx' || dirname(String(path)) !== full.under) return handle;
      // The file can be made, but no byte fits.
      return new Proxy(handle, {
        get(target, name) {
          if (name === 'write' || name === 'writeFile') return async () => { throw enospc(); };
          const value = Reflect.get(target, name) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
});

const { batchCommand, summariseBatch } = await import('../../src/commands/batch.ts');

function corpus(): { root: string; out: string } {
  const base = tmpDir('batch-faults');
  const root = seedEvents(join(base, 'corpus'), { e1: [0, 4], e2: [0, 2], e3: [2, 4] });
  return { root, out: join(base, 'out') };
}

const options = (root: string, out: string, extra: { dropFailed?: boolean } = {}) => ({
  root,
  out,
  jobs: 1,
  quiet: true,
  embedder: 'lexical' as const,
  model: 'none',
  modelsDir: join(ROOT, 'models'),
  mode: 'auto' as const,
  format: 'csv,jsonl',
  cache: false,
  skipBad: false,
  ...extra,
});

/** Every file at the top of the batch folder and every event's record, by path. */
function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(out).filter((n) => n.includes('.'))) files[name] = readFileSync(join(out, name), 'utf8');
  for (const id of readdirSync(join(out, 'events'))) files[`events/${id}`] = readFileSync(join(out, 'events', id, 'batch-event.json'), 'utf8');
  return files;
}

describe('a batch under faults', () => {
  it('stops at a full disk, with the combined outputs and the records as they were, and resumes when there is room', { timeout: 120_000 }, async () => {
    const { root, out } = corpus();
    const first = await batchCommand(options(root, out));
    expect(first.manifest.counts).toMatchObject({ events: 3, ok: 3, failed: 0 });
    const before = snapshot(out);
    // Every event changes, so each one runs again; the disk is full where e2 writes.
    for (const id of ['e1', 'e2', 'e3']) appendFileSync(join(root, id, SEED_FILES[id === 'e3' ? 2 : 0]!), '\nJoš jedna rečenica o sastanku u Moskvi.\n');
    full.under = join(out, 'events', 'e2');
    let stopped;
    try {
      stopped = await batchCommand(options(root, out));
    } finally {
      full.under = '';
    }
    expect(stopped.stopped).toMatchObject({ event: 'e2', error: { code: 'output.unwritable', message: expect.stringContaining('ENOSPC') }, notRun: 1 });
    const after = snapshot(out);
    for (const name of Object.keys(before).filter((n) => n !== 'events/e1')) expect(after[name], name).toBe(before[name]);
    expect(readdirSync(join(out, 'events', 'e2')).filter((n) => n.startsWith('.') || n.endsWith('.lock'))).toEqual([]);
    const lines = summariseBatch(stopped);
    expect(lines[0]).toMatch(/^batch stopped at event e2: .*ENOSPC/);
    expect(lines[1]).toMatch(/a failure of the machine, not of the event: 1 event aligned before it, 1 not started; the combined outputs and batch\.json in .* were left as they were$/);

    const resumed = await batchCommand(options(root, out));
    expect(resumed.stopped).toBeUndefined();
    expect(resumed.manifest.events.map((e) => [e.id, e.status])).toEqual([['e1', 'reused'], ['e2', 'ok'], ['e3', 'ok']]);

    // full where the combined outputs go: the events run, the combined outputs stay as they were
    const combined = snapshot(out);
    appendFileSync(join(root, 'e1', SEED_FILES[0]!), '\nI još jedna.\n');
    full.under = out;
    let late;
    try {
      late = await batchCommand(options(root, out));
    } finally {
      full.under = '';
    }
    expect(late.stopped).toMatchObject({ error: { code: 'output.unwritable', message: expect.stringContaining('ENOSPC') }, notRun: 0 });
    expect(late.stopped!.event).toBeUndefined();
    for (const name of Object.keys(combined).filter((n) => !n.startsWith('events/'))) expect(readFileSync(join(out, name), 'utf8'), name).toBe(combined[name]);
    expect(summariseBatch(late)[0]).toMatch(/^batch stopped while writing the combined outputs: .*ENOSPC/);
  });

  it('keeps the earlier outputs of an event whose input turned bad, marked stale, until asked to drop them', { timeout: 120_000 }, async () => {
    const { root, out } = corpus();
    await batchCommand(options(root, out));
    const groups = (id: string) => readFileSync(join(out, 'parallel.jsonl'), 'utf8').split('\n').filter((l) => l.includes(`"event":"${id}"`)).length;
    const e3 = groups('e3');
    expect(e3).toBeGreaterThan(0);
    writeFileSync(join(root, 'e3', SEED_FILES[2]!), '');

    const kept = await batchCommand(options(root, out));
    const entry = kept.manifest.events.find((e) => e.id === 'e3')!;
    expect(entry).toMatchObject({ status: 'stale', error: { code: 'input.empty' } });
    expect(entry.groups).toBe(e3);
    expect(kept.manifest.counts).toMatchObject({ failed: 1, stale: 1 });
    expect(groups('e3')).toBe(e3);
    expect(summariseBatch(kept).join('\n')).toMatch(/failed e3: .*the file is empty.*\(its earlier outputs stay in the corpus until it aligns again; --drop-failed leaves them out\)/);

    // run again, still bad: still stale, still kept
    expect((await batchCommand(options(root, out))).manifest.events.find((e) => e.id === 'e3')!.status).toBe('stale');
    expect(groups('e3')).toBe(e3);

    const dropped = await batchCommand(options(root, out, { dropFailed: true }));
    expect(dropped.manifest.events.find((e) => e.id === 'e3')!.status).toBe('failed');
    expect(groups('e3')).toBe(0);
    expect(groups('e1')).toBeGreaterThan(0);
  });
});
