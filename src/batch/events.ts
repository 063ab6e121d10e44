// Which events a batch runs: each sub-folder of the root, or the lines of an events file, and the
// share of them that one shard takes. Reads folder listings and the events file, nothing else.

import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';
import { outputManifestIn } from '../ingest/output-folders.ts';
import { compareStrings } from '../text/compare.ts';

/** One event: an id (its folder under `events/`) and the files or folders `run` takes for it. */
export interface EventSpec {
  id: string;
  inputs: string[];
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

// An id names a folder: no separators, no leading dot, no control characters, not too long.
const SAFE_ID = /^[^./\\\p{Cc}][^/\\\p{Cc}]{0,199}$/u;

export function checkEventId(id: unknown, where: string): string {
  if (typeof id !== 'string' || !SAFE_ID.test(id) || id.trim() !== id) {
    throw new PolyalignError(
      'usage.invalid-option',
      `${where}: expected an event id that can name a folder (no / or \\, not starting with a dot, no surrounding spaces, at most 200 characters), not ${JSON.stringify(id)}`,
    );
  }
  return id;
}

export interface FolderEvents {
  events: EventSpec[];
  /** Files beside the event folders, left out. */
  ignored: string[];
  /** Sub-folders that are polyalign's output folders (the batch's own -o among them), left out: `name: why`. */
  outputs: string[];
}

/**
 * Every sub-folder of `root` (dot-folders skipped) is one event, named by the folder, sorted. The
 * batch's own output folder (`out`, when it lies in `root`) and any other output folder of polyalign
 * are not events: a second batch would read the first one's corpus as articles.
 */
export async function eventsFromFolder(root: string, out?: string): Promise<FolderEvents> {
  const info = await stat(root).catch((cause: unknown) => {
    throw new PolyalignError('input.missing', 'no such folder', { path: root, cause });
  });
  if (!info.isDirectory()) {
    throw new PolyalignError('usage.invalid-option', 'expected a folder with one sub-folder per event (or --events <file.jsonl>)', { path: root });
  }
  if (out !== undefined && resolve(out) === resolve(root)) {
    throw new PolyalignError('usage.invalid-option', `-o is the folder of events: the next batch would take its outputs for an event; give another folder, e.g. -o ${root.replace(/[\\/]+$/, '')}-out`, { path: root });
  }
  const manifest = await outputManifestIn(root);
  if (manifest) throw new PolyalignError('usage.invalid-option', `is an output folder of polyalign (it holds ${manifest}), not a folder of events`, { path: root });
  const entries = await readdir(root, { withFileTypes: true });
  const events: EventSpec[] = [];
  const ignored: string[] = [];
  const outputs: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(root, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory());
    if (!isFolder) {
      ignored.push(entry.name);
      continue;
    }
    const why = out !== undefined && resolve(path) === resolve(out) ? "this batch's output folder (-o)" : await outputManifestIn(path).then((m) => m && `an output folder of polyalign (it holds ${m})`);
    if (why) outputs.push(`${entry.name}: ${why}`);
    else events.push({ id: checkEventId(entry.name, path), inputs: [path] });
  }
  if (events.length === 0) {
    throw new PolyalignError('input.missing', 'has no sub-folders; a batch takes one sub-folder of articles per event (or --events <file.jsonl>)', { path: root });
  }
  return { events: sortById(events), ignored: ignored.sort(compareStrings), outputs: outputs.sort(compareStrings) };
}

/**
 * `{"id": "...", "files": ["a.txt", "b/"]}` per line; paths are relative to the events file's
 * folder. Blank lines are allowed; anything else that is not such an object is refused with its line.
 */
export async function eventsFromFile(file: string): Promise<EventSpec[]> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new PolyalignError('input.missing', 'cannot read the events file', { path: file, cause });
  });
  const base = dirname(resolve(file));
  const events: EventSpec[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new PolyalignError('usage.invalid-option', `${at}: expected a JSON object {"id": "...", "files": ["..."]}, not ${JSON.stringify(line.slice(0, 60))}`);
    }
    const record = value as { id?: unknown; files?: unknown };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new PolyalignError('usage.invalid-option', `${at}: expected a JSON object {"id": "...", "files": ["..."]}`);
    }
    const id = checkEventId(record.id, at);
    const files = record.files;
    if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string' && f !== '')) {
      throw new PolyalignError('usage.invalid-option', `${at}: expected "files" to be a non-empty list of paths for event ${JSON.stringify(id)}`);
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new PolyalignError('usage.invalid-option', `${at}: event id ${JSON.stringify(id)} is also on line ${earlier}`);
    seen.set(id, i + 1);
    events.push({ id, inputs: (files as string[]).map((f) => resolve(base, f)) });
  });
  if (events.length === 0) throw new PolyalignError('input.empty', 'the events file lists no events', { path: file });
  return sortById(events);
}

function sortById(events: EventSpec[]): EventSpec[] {
  return events.sort((a, b) => compareStrings(a.id, b.id));
}

/** `2/4` → { index: 2, count: 4 }. */
export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new PolyalignError('usage.invalid-option', `--shard: expected K/N with 1 ≤ K ≤ N (2/4 is the second of four shards), not ${JSON.stringify(spec)}`);
  }
  return { index, count };
}

/**
 * The events of shard K of N: every N-th event of the id-sorted list, starting at the K-th. The
 * same list gives every machine the same split, the shards are disjoint, together they are the
 * whole list, and their sizes differ by at most one.
 */
export function shardOf<T>(events: readonly T[], shard: Shard): T[] {
  return events.filter((_, i) => i % shard.count === shard.index - 1);
}
