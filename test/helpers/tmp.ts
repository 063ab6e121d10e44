// Temporary folders for tests: a fresh empty folder, a path in one for the CLI to make (an output
// folder), and input folders made of the seed articles.

import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS_DIR } from './run-cli.ts';

/** A new empty folder in the system's temporary folder, named `polyalign-<name>-XXXXXX`. */
export function tmpDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `polyalign-${name}-`));
}

/** A path that does not exist yet, `leaf` (`out` unless given) in a new tmpDir(name): for a folder the CLI is to make. */
export function tmpPath(name: string, leaf = 'out'): string {
  return join(tmpDir(name), leaf);
}

/** The seed articles' file names, sorted: SEED_FILES[n] is seed number n. */
export const SEED_FILES = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

/** Make the folder `dir` (and its parents) holding copies of the seeds whose numbers are given; return `dir`. */
export function seedFolder(dir: string, seeds: number[]): string {
  mkdirSync(dir, { recursive: true });
  for (const n of seeds) cpSync(join(SEEDS_DIR, SEED_FILES[n]!), join(dir, SEED_FILES[n]!));
  return dir;
}

/** Make a folder of events at `root`: one sub-folder per event, holding the seeds whose numbers are given; return `root`. */
export function seedEvents(root: string, events: Record<string, number[]>): string {
  for (const [id, seeds] of Object.entries(events)) seedFolder(join(root, id), seeds);
  return root;
}
