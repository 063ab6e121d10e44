// The rename step of writeOutputs, failing after some files were already renamed into place:
// the old ones must come back. A real file system does not fail there on demand, so `rename` is
// wrapped to fail on one chosen target.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const failOn = vi.hoisted(() => ({ target: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (failOn.target !== '' && to === failOn.target) throw Object.assign(new Error(`EIO: simulated failure, rename '${to}'`), { code: 'EIO' });
      return real.rename(from, to);
    },
  };
});

const { writeOutputs } = await import('../../src/export/write.ts');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'polyalign-rollback-'));
});
afterEach(async () => {
  failOn.target = '';
  await rm(root, { recursive: true, force: true });
});

describe('writeOutputs rollback', () => {
  it('puts the old files back, removes new ones that had none, and leaves no temp or backup', async () => {
    await writeFile(join(root, 'sentences.csv'), 'old sentences');
    await writeFile(join(root, 'run.json'), 'old run');
    failOn.target = join(root, 'run.json');
    await expect(
      writeOutputs(root, [
        { name: 'sentences.csv', content: 'new sentences' },
        { name: 'corpus.tmx', content: 'new tmx' },
        { name: 'run.json', content: 'new run' },
      ]),
    ).rejects.toMatchObject({ code: 'output.unwritable', path: join(root, 'run.json') });
    expect(await readFile(join(root, 'sentences.csv'), 'utf8')).toBe('old sentences');
    expect(await readFile(join(root, 'run.json'), 'utf8')).toBe('old run');
    expect((await readdir(root)).sort()).toEqual(['run.json', 'sentences.csv']);
  });

  it('leaves no backup behind after a successful write', async () => {
    await writeFile(join(root, 'run.json'), 'old run');
    await writeOutputs(root, [{ name: 'run.json', content: 'new run' }, { name: 'corpus.tmx', content: 'tmx' }]);
    expect((await readdir(root)).sort()).toEqual(['corpus.tmx', 'run.json']);
    expect(await readFile(join(root, 'run.json'), 'utf8')).toBe('new run');
  });
});
