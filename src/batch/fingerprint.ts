// What decides whether a batch event must run again: the bytes of its inputs, the options, the
// embedder that would run, and the files a reviewer acts through. Equal fingerprints give equal
// outputs, so the event is reused instead of run.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHIPPED_MODEL_DIR } from '../embed/static.ts';
import { sha256 } from '../export/manifest.ts';
import { PAIR_SCORER_FILE, STATIC_MODEL_FILES } from '../embed/static/model-files.ts';
import { listInputFiles } from '../ingest/index.ts';
import { listModels, pickAuto } from '../models/list.ts';
import { VERSION } from '../version.ts';
import type { EmbedderChoice } from '../job/embedder.ts';

async function fileHash(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch {
    return null;
  }
}

/** The files through which a reviewer acts on an event: the store, and the two files edited by hand. */
export const STATE_FILES = ['decisions.jsonl', 'alignments.csv', 'glossary.csv'] as const;

export async function stateHashes(eventDir: string): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const name of STATE_FILES) out[name] = await fileHash(join(eventDir, name));
  return out;
}

export function sameState(a: Record<string, string | null>, b: Record<string, string | null>): boolean {
  return STATE_FILES.every((name) => (a[name] ?? null) === (b[name] ?? null));
}

/**
 * Which embedder `run` would use, down to the bytes of its model, without loading it: the choice,
 * and for a model the sha256 of its files (the shipped static model) or its file list and sizes
 * (a pulled transformers model, which can be hundreds of megabytes).
 */
export async function embedderFingerprint(choice: EmbedderChoice, model: string, modelsDir: string): Promise<string> {
  if (choice === 'lexical') return 'lexical';
  const models = choice === 'polyalign' ? [] : await listModels(modelsDir);
  const pulled = choice === 'transformers' || (choice === 'auto' && pickAuto(models, model) !== undefined);
  if (pulled) {
    const info = models.find((m) => m.id === model);
    return `transformers:${model}:${info ? sha256(JSON.stringify([info.files, info.bytes])) : 'missing'}`;
  }
  const hashes = await Promise.all(STATIC_MODEL_FILES.map((f) => fileHash(join(SHIPPED_MODEL_DIR, f))));
  // auto without the shipped model falls back to the lexical embedder
  if (hashes.some((h) => h === null)) return choice === 'auto' ? 'lexical' : 'polyalign:missing';
  // the pair scorer beside it decides links too (optional: a model without one mines by margin alone)
  const scorer = await fileHash(join(SHIPPED_MODEL_DIR, PAIR_SCORER_FILE));
  return `polyalign:${sha256(hashes.join(','))}${scorer ? `:${scorer}` : ''}`;
}

/**
 * The key of an event: sha256 over polyalign's version, the options, the embedder and each input
 * file's id and bytes. A listing that fails (a missing file) gives a key of its own; the event then
 * runs and reports the error.
 */
export async function eventKey(inputs: string[], options: Record<string, unknown>, embedder: string): Promise<string> {
  let files: Array<[string, string | null]>;
  try {
    files = await Promise.all((await listInputFiles(inputs)).map(async (f) => [f.id, await fileHash(f.path)] as [string, string | null]));
  } catch (error) {
    files = [['unlistable', error instanceof Error ? error.message : String(error)]];
  }
  return sha256(JSON.stringify({ polyalign: VERSION, options, embedder, files }));
}
