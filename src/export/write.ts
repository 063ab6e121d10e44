// The one module of the exporters that touches the file system. It writes a run's outputs so that a
// failed run leaves the previous outputs as they were:
//   1. check every name and target before touching anything;
//   2. write each file to a temporary name in the output folder and fsync it;
//   3. only when all are written, rename each over its target (rename within a folder is atomic),
//      keeping a hard link to the old file so a failure in this step can put the old ones back;
//   4. drop the backups and fsync the folder.
// A crash (not an error) during step 3 can leave some files new and some old, each one whole, plus
// `.polyalign-*` leftovers; nothing short of swapping the whole folder avoids that, and the folder
// also holds the reviewer's files, so it cannot be swapped.

import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';
import { isOutputName } from './formats.ts';

export type { Chunks, OutputFile, WritableFile } from './files.ts';
import type { Chunks, WritableFile } from './files.ts';

export const TEMP_PREFIX = '.polyalign-tmp-';
export const BACKUP_PREFIX = '.polyalign-old-';

/** A reviewer's decisions live beside the outputs; no run may ever replace them. */
const PROTECTED_NAME = /^(decisions\.jsonl?|review-decisions.*\.json)$/i;

export function isProtectedName(name: string): boolean {
  return PROTECTED_NAME.test(name);
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function unwritable(path: string, message: string, cause?: unknown): PolyalignError {
  return new PolyalignError('output.unwritable', cause === undefined ? message : `${message} (${reason(cause)})`, { path, cause });
}

function checkNames(files: readonly WritableFile[], allowed: (name: string) => boolean): void {
  const seen = new Set<string>();
  for (const { name } of files) {
    if (isProtectedName(name)) {
      throw new PolyalignError('internal', `refusing to write ${name}: it holds a reviewer's decisions and is never overwritten`);
    }
    if (!allowed(name)) {
      throw new PolyalignError('internal', `refusing to write ${JSON.stringify(name)}: not one of the outputs this folder holds`);
    }
    if (seen.has(name)) throw new PolyalignError('internal', `output ${name} given twice`);
    seen.add(name);
  }
}

/**
 * Create the folder one level at a time from its nearest existing ancestor, and return the levels it
 * made, outermost first. Node's recursive mkdir spins forever where a parent answers ENOENT although it
 * exists (`/proc/x`), so it is not used.
 */
export async function ensureFolder(outDir: string): Promise<string[]> {
  const missing: string[] = [];
  let at = resolve(outDir);
  for (;;) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw unwritable(outDir, 'cannot read the output folder', err);
    });
    if (info) {
      if (!info.isDirectory()) {
        throw unwritable(outDir, at === resolve(outDir) ? 'the output path is not a folder' : `cannot create the output folder: ${at} is a file`);
      }
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const made: string[] = [];
  for (const dir of missing) {
    try {
      await mkdir(dir);
      made.push(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(outDir, 'cannot create the output folder', err);
    }
  }
  return made;
}

/** Each target must be absent or a file (or link) that a rename can replace. */
async function checkTargets(outDir: string, files: readonly WritableFile[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const { name } of files) {
    const target = join(outDir, name);
    try {
      const info = await lstat(target);
      if (info.isDirectory()) throw unwritable(target, 'is a folder, expected a file that can be replaced');
      if (!info.isFile() && !info.isSymbolicLink()) throw unwritable(target, 'is not a regular file');
      existing.add(name);
    } catch (err) {
      if (err instanceof PolyalignError) throw err;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(target, 'cannot inspect the existing output', err);
    }
  }
  return existing;
}

async function writeSynced(path: string, content: string | Uint8Array | Chunks): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    if (typeof content === 'function') {
      for await (const chunk of content()) await handle.write(chunk);
    } else {
      await handle.writeFile(content);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(paths: Iterable<string>): Promise<void> {
  for (const p of paths) await unlink(p).catch(() => undefined);
}

async function syncFolder(outDir: string): Promise<void> {
  // Makes the renames durable on Linux; some platforms cannot open a folder, which is fine.
  try {
    const handle = await open(outDir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/** Whether process `pid` of this host is alive (EPERM: alive, someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary files that a killed run left (`.polyalign-tmp-<pid>-…` of a process that is gone) are never
 * read: removed, so that they do not pile up. A live process's temporary files are its own business.
 */
export async function removeStaleTemps(outDir: string): Promise<string[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = name.startsWith(TEMP_PREFIX) ? Number(/^(\d+)-/.exec(name.slice(TEMP_PREFIX.length))?.[1]) : NaN;
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    await unlink(join(outDir, name)).then(() => removed.push(name), () => undefined);
  }
  return removed;
}

/**
 * Write the files into outDir atomically as a set: either all of them replace their previous
 * versions or (on an error) none does, and no temporary file is left behind. Creates outDir.
 * Returns the names written, in the order given. `allowed` is the set of names this kind of folder
 * holds (a run's outputs by default; a batch passes its combined outputs).
 */
export async function writeOutputs(outDir: string, files: readonly WritableFile[], allowed: (name: string) => boolean = isOutputName): Promise<string[]> {
  checkNames(files, allowed);
  await ensureFolder(outDir);
  await removeStaleTemps(outDir);
  const existing = await checkTargets(outDir, files);

  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = (name: string) => join(outDir, `${TEMP_PREFIX}${tag}-${name}`);
  const backup = (name: string) => join(outDir, `${BACKUP_PREFIX}${tag}-${name}`);
  const temps = new Set<string>();
  const backups = new Set<string>();

  try {
    for (const f of files) {
      temps.add(temp(f.name));
      await writeSynced(temp(f.name), f.content);
    }
  } catch (err) {
    await removeQuietly(temps);
    throw unwritable(outDir, 'cannot write in the output folder', err);
  }

  try {
    for (const name of existing) {
      backups.add(backup(name));
      // A hard link keeps the old file without copying it; copy where links are not supported.
      await link(join(outDir, name), backup(name)).catch(() => copyFile(join(outDir, name), backup(name)));
    }
  } catch (err) {
    await removeQuietly([...temps, ...backups]);
    throw unwritable(outDir, 'cannot keep a copy of the previous outputs', err);
  }

  const replaced: string[] = [];
  for (const f of files) {
    try {
      await rename(temp(f.name), join(outDir, f.name));
      temps.delete(temp(f.name));
      replaced.push(f.name);
    } catch (err) {
      await restore(outDir, replaced, existing, backup);
      await removeQuietly([...temps, ...backups]);
      throw unwritable(join(outDir, f.name), 'cannot replace the output; the previous outputs were kept', err);
    }
  }

  await removeQuietly(backups);
  await syncFolder(outDir);
  return files.map((f) => f.name);
}

/** Undo the renames done so far: old files back from their backups, new files with no old one removed. */
async function restore(outDir: string, replaced: string[], existing: Set<string>, backup: (name: string) => string): Promise<void> {
  for (const name of replaced.reverse()) {
    const target = join(outDir, name);
    if (existing.has(name)) await rename(backup(name), target).catch(() => undefined);
    else await unlink(target).catch(() => undefined);
  }
}

/**
 * Replace one file of the output folder (the decisions store) atomically: written to a temporary name,
 * synced, then renamed over the old one, so a reader sees the old file or the new one, never a part.
 * Creates the folder.
 */
export async function writeFileAtomic(outDir: string, name: string, content: string): Promise<void> {
  await ensureFolder(outDir);
  const target = join(outDir, name);
  const temp = join(outDir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${name}`);
  try {
    await writeSynced(temp, content);
    await rename(temp, target);
  } catch (err) {
    await removeQuietly([temp]);
    throw unwritable(target, 'cannot write', err);
  }
  await syncFolder(outDir);
}
