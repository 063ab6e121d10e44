// The lock of an output folder: `decisions.jsonl.lock`, held while a run reads the reviewer's store,
// aligns and writes its outputs, and while `review import` merges into the store. It names its holder
// (process id, host, since when), so that a second run into the folder is told who is at work there,
// and a lock left by a process that was killed is taken over with a warning instead of stopping
// every later run. The holder touches the file every minute, so a lock from another host that has not
// been touched for ten minutes is known to be left over too.

import { hostname } from 'node:os';
import { open, readFile, rm, rmdir, stat, utimes, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { PolyalignError } from '../errors.ts';
import { ensureFolder, processAlive } from './write.ts';

export const LOCK_NAME = 'decisions.jsonl.lock';
/** A lock from another host (whose process cannot be asked) untouched for this long is left over. */
export const STALE_LOCK_MS = 10 * 60 * 1000;
const HEARTBEAT_MS = 60 * 1000;
/** A lock file still empty after this long was made by a process that died before it wrote its name. */
const EMPTY_GRACE_MS = 10 * 1000;

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** The holder a lock file names: JSON, or the bare process id that earlier versions wrote (this host's). */
export function parseHolder(text: string): LockHolder | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), host: hostname(), since: '' };
  try {
    const value = JSON.parse(trimmed) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, since: typeof value.since === 'string' ? value.since : '' };
    }
  } catch {
    // not a holder: decided by its age below
  }
  return undefined;
}

function describeHolder(h: LockHolder): string {
  const where = h.host === hostname() ? 'on this host' : `on host ${h.host}`;
  return `process ${h.pid} ${where}${h.since ? `, since ${h.since}` : ''}`;
}

/** Why the lock at `path` may be taken over, or undefined while its holder may be at work. */
async function leftOver(path: string): Promise<string | undefined | 'gone'> {
  const [text, info] = await Promise.all([readFile(path, 'utf8').catch(() => undefined), stat(path).catch(() => undefined)]);
  if (text === undefined || info === undefined) return 'gone';
  const age = Date.now() - info.mtimeMs;
  const holder = parseHolder(text);
  if (holder && holder.host === hostname()) {
    return processAlive(holder.pid) ? undefined : `${describeHolder(holder)}, which is no longer running (killed or crashed)`;
  }
  if (holder) return age > STALE_LOCK_MS ? `${describeHolder(holder)}, untouched for ${Math.round(age / 60000)} minutes` : undefined;
  if (text.trim() === '') return age > EMPTY_GRACE_MS ? 'a process that stopped before it wrote its name' : undefined;
  return age > STALE_LOCK_MS ? `an unreadable holder, untouched for ${Math.round(age / 60000)} minutes` : undefined;
}

async function heldBy(path: string): Promise<string> {
  const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''));
  return holder ? describeHolder(holder) : 'another process';
}

async function acquire(path: string, warn: (line: string) => void): Promise<FileHandle> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      try {
        await handle.writeFile(`${JSON.stringify(holder)}\n`);
      } catch (error) {
        // a full disk can take the file but not its few bytes: leave no empty lock behind
        await handle.close().catch(() => undefined);
        await rm(path, { force: true });
        throw error;
      }
      return handle;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new PolyalignError('output.unwritable', `cannot create the output folder's lock file (${(error as Error).message})`, { path, cause: error });
      }
    }
    const why = attempt < 3 ? await leftOver(path) : undefined;
    if (why === 'gone') continue; // released meanwhile: try again
    if (why !== undefined) {
      await rm(path, { force: true });
      warn(`took over ${path}, left by ${why}`);
      continue;
    }
    throw new PolyalignError(
      'review.locked',
      `${await heldBy(path)} is running polyalign on this output folder (a run, or a review import); run again when it has finished, or give another -o. If it is not running any more, delete this lock file`,
      { path },
    );
  }
}

/**
 * Run `fn` holding the lock of `outDir`; the lock file is removed however `fn` ends. A folder that does
 * not exist yet is made first, so that two runs into one new folder are told of each other too; when
 * `fn` fails, the levels made here are removed again if they are still empty, so a run that fails on
 * its input leaves no folder behind. `warn` hears of a left-over lock that was taken over.
 */
export async function withFolderLock<T>(outDir: string, fn: () => Promise<T>, warn: (line: string) => void = () => {}): Promise<T> {
  const made = await ensureFolder(outDir);
  const path = join(outDir, LOCK_NAME);
  let handle: FileHandle;
  try {
    handle = await acquire(path, warn);
  } catch (error) {
    await removeEmpty(made);
    throw error;
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let ok = false;
  try {
    const result = await fn();
    ok = true;
    return result;
  } finally {
    clearInterval(heartbeat);
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    if (!ok) await removeEmpty(made);
  }
}

/** Remove the folders this run made, innermost first, where nothing was written into them. */
async function removeEmpty(made: readonly string[]): Promise<void> {
  for (const dir of [...made].reverse()) {
    if (!(await rmdir(dir).then(() => true, () => false))) return;
  }
}
