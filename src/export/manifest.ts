// run.json: the manifest as indented JSON, with the sha256 of every other output, so the next run can
// tell whether a reviewer edited alignments.csv or glossary.csv since (and import their decisions
// before overwriting them).

import { createHash } from 'node:crypto';
import type { RunManifest } from '../types.ts';
import type { OutputFile } from './write.ts';

export function runJson(manifest: RunManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The rendered files with run.json rendered again to record the others' hashes. */
export function withOutputHashes(files: readonly OutputFile[], manifest: RunManifest, manifestName: string): OutputFile[] {
  const outputHashes: Record<string, string> = {};
  for (const f of files) if (f.name !== manifestName) outputHashes[f.name] = sha256(f.content);
  const outputs = files.map((f) => f.name);
  return files.map((f) => (f.name === manifestName ? { name: f.name, content: runJson({ ...manifest, outputs, outputHashes }) } : f));
}
