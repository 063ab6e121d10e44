import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolyalignError } from '../../src/errors.ts';
import { isProtectedName, writeFileAtomic, writeOutputs } from '../../src/export/write.ts';
import { readOnlyFolder } from '../helpers/read-only.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'polyalign-write-'));
});
afterEach(async () => {
  await chmod(root, 0o700).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<PolyalignError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PolyalignError);
    return e as PolyalignError;
  }
  throw new Error('expected a rejection');
}


describe('writeOutputs', () => {
  it('creates the folder, writes every file and returns the names', async () => {
    const out = join(root, 'nested', 'out');
    const names = await writeOutputs(out, [
      { name: 'alignments.csv', content: '\uFEFFa,b\r\n' },
      { name: 'corpus.tmx', content: Buffer.from('<tmx/>') },
    ]);
    expect(names).toEqual(['alignments.csv', 'corpus.tmx']);
    expect(await readFile(join(out, 'alignments.csv'), 'utf8')).toBe('\uFEFFa,b\r\n');
    expect(await readFile(join(out, 'corpus.tmx'), 'utf8')).toBe('<tmx/>');
    expect((await readdir(out)).sort()).toEqual(['alignments.csv', 'corpus.tmx']);
  });

  it('replaces previous outputs and leaves other files in the folder alone', async () => {
    await writeFile(join(root, 'run.json'), 'old');
    await writeFile(join(root, 'decisions.json'), 'reviewer');
    await writeOutputs(root, [{ name: 'run.json', content: 'new' }]);
    expect(await readFile(join(root, 'run.json'), 'utf8')).toBe('new');
    expect(await readFile(join(root, 'decisions.json'), 'utf8')).toBe('reviewer');
    expect((await readdir(root)).sort()).toEqual(['decisions.json', 'run.json']);
  });

  it('on a failure midway (a target is a folder) leaves every old file untouched and no temp file', async () => {
    await writeFile(join(root, 'sentences.csv'), 'old sentences');
    await writeFile(join(root, 'run.json'), 'old run');
    await mkdir(join(root, 'parallel.csv'));
    const err = await rejection(
      writeOutputs(root, [
        { name: 'sentences.csv', content: 'new sentences' },
        { name: 'parallel.csv', content: 'new parallel' },
        { name: 'run.json', content: 'new run' },
      ]),
    );
    expect(err.code).toBe('output.unwritable');
    expect(err.path).toBe(join(root, 'parallel.csv'));
    expect(await readFile(join(root, 'sentences.csv'), 'utf8')).toBe('old sentences');
    expect(await readFile(join(root, 'run.json'), 'utf8')).toBe('old run');
    expect((await readdir(root)).sort()).toEqual(['parallel.csv', 'run.json', 'sentences.csv']);
  });

  it('fails with output.unwritable naming the folder when it sits under a regular file', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const err = await rejection(writeOutputs(join(file, 'out'), [{ name: 'run.json', content: '{}' }]));
    expect(err.code).toBe('output.unwritable');
    expect(err.exitCode).toBe(2);
    expect(err.path).toBe(join(file, 'out'));
    expect(err.message).toMatch(/cannot create the output folder/);
  });

  it('fails with output.unwritable when the output path is a file', async () => {
    const file = join(root, 'out');
    await writeFile(file, 'x');
    const err = await rejection(writeOutputs(file, [{ name: 'run.json', content: '{}' }]));
    expect(err.code).toBe('output.unwritable');
    expect(err.path).toBe(file);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  // A folder no one can create, root included: /proc refuses new entries. Node's recursive mkdir
  // spins forever there, so this also guards against going back to it.
  it.skipIf(process.platform !== 'linux')('fails with output.unwritable where the folder cannot be created', async () => {
    const out = '/proc/polyalign-test/out';
    const err = await rejection(writeOutputs(out, [{ name: 'run.json', content: '{}' }]));
    expect(err.code).toBe('output.unwritable');
    expect(err.path).toBe(out);
    expect(err.message).toMatch(/cannot create the output folder/);
  }, 10_000);

  // test/helpers/read-only.ts: a cleared write bit, or for root a read-only mount.
  it('fails with output.unwritable on a read-only folder and leaves nothing behind', async () => {
    const out = join(root, 'ro');
    await mkdir(out);
    const undo = await readOnlyFolder(out, () => writeFile(join(out, 'run.json'), 'old'));
    try {
      const err = await rejection(writeOutputs(out, [{ name: 'run.json', content: 'new' }]));
      expect(err.code).toBe('output.unwritable');
      expect(err.path).toBe(out);
      expect(await readdir(out)).toEqual(['run.json']);
      expect(await readFile(join(out, 'run.json'), 'utf8')).toBe('old');
    } finally {
      await undo();
    }
  });

  it("refuses to write a reviewer's decisions or any name outside the outputs, before touching the folder", async () => {
    const out = join(root, 'out');
    for (const name of ['decisions.json', 'decisions.jsonl', 'review-decisions-2025.json', 'notes.txt', '../escape.csv']) {
      const err = await rejection(writeOutputs(out, [{ name, content: 'x' }]));
      expect(err.code).toBe('internal');
    }
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
    expect(isProtectedName('Review-Decisions.json')).toBe(true);
    expect(isProtectedName('run.json')).toBe(false);
  });

  it('refuses a name given twice', async () => {
    const err = await rejection(writeOutputs(root, [{ name: 'run.json', content: 'a' }, { name: 'run.json', content: 'b' }]));
    expect(err.message).toMatch(/twice/);
  });
});

describe('writeFileAtomic (the decisions store)', () => {
  it('creates the folder, replaces the file whole and leaves no temporary file', async () => {
    const out = join(root, 'a', 'out');
    await writeFileAtomic(out, 'decisions.jsonl', 'one\n');
    await writeFileAtomic(out, 'decisions.jsonl', 'one\ntwo\n');
    expect(await readFile(join(out, 'decisions.jsonl'), 'utf8')).toBe('one\ntwo\n');
    expect(await readdir(out)).toEqual(['decisions.jsonl']);
  });

  it('keeps the old file and says where when the folder cannot be written', async () => {
    const out = join(root, 'out');
    await mkdir(out);
    const undo = await readOnlyFolder(out, () => writeFileAtomic(out, 'decisions.jsonl', 'old\n'));
    try {
      const err = await rejection(writeFileAtomic(out, 'decisions.jsonl', 'new\n'));
      expect(err.code).toBe('output.unwritable');
      expect(err.message).toContain(join(out, 'decisions.jsonl'));
      expect(await readFile(join(out, 'decisions.jsonl'), 'utf8')).toBe('old\n');
      expect(await readdir(out)).toEqual(['decisions.jsonl']);
    } finally {
      await undo();
    }
  });
});

describe('temporary files a killed run left', () => {
  it('are removed by the next write when their process is gone; a live process keeps its own', async () => {
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // exited: its pid is free
    await mkdir(join(root, 'out'));
    const stale = `.polyalign-tmp-${dead}-0a1b2c3d-alignments.csv`;
    const live = `.polyalign-tmp-${process.pid}-deadbeef-parallel.csv`;
    const other = '.polyalign-tmp-notes.txt';
    for (const name of [stale, live, other]) await writeFile(join(root, 'out', name), 'x');
    await writeOutputs(join(root, 'out'), [{ name: 'sentences.csv', content: 'a\n' }]);
    const left = await readdir(join(root, 'out'));
    expect(left).not.toContain(stale);
    expect(left).toContain(live);
    expect(left).toContain(other);
    expect(left).toContain('sentences.csv');
  });
});
