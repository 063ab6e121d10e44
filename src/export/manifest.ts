// run.json: the manifest as indented JSON, with the sha256 of every other output, so the next run can
// tell whether a reviewer edited alignments.csv or glossary.csv since (and import their decisions
// before overwriting them).

import { createHash } from 'node:crypto';
import type { RunManifest } from '../types.ts';
import type { OutputFile } from './files.ts';
import { WORKBOOK_NAME } from './xlsx.ts';

export function runJson(manifest: RunManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Of a text's UTF-8 bytes, or of bytes. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** What run.json must keep about the reviewer-editable outputs: their names, the store, the last run. */
export interface EditableRecord {
  /** alignments.csv and glossary.csv: the outputs a reviewer edits in place. */
  names: readonly string[];
  /** Lines in decisions.jsonl when this run writes its outputs. */
  storeLines: number;
  /** The last run's manifest, for the editable outputs this run does not rewrite. */
  previous?: Partial<RunManifest>;
}

/**
 * The rendered files with run.json rendered again to record the others' hashes. An editable output this
 * run writes gets the store's line count; one it does not write (`--format`) keeps the last run's hash,
 * line count and (glossary.csv) canonical forms and types, (alignments.csv) related rows, so an edit made
 * to it later is still seen as one.
 */
export function withOutputHashes(files: readonly OutputFile[], manifest: RunManifest, manifestName: string, editable?: EditableRecord): OutputFile[] {
  const outputHashes: Record<string, string> = {};
  for (const f of files) if (f.name !== manifestName) outputHashes[f.name] = sha256(f.content);
  const outputs = files.map((f) => f.name);
  const extra: Partial<RunManifest> = {};
  if (editable) {
    const storeLinesAtWrite: Record<string, number> = {};
    const previous = editable.previous;
    for (const name of editable.names) {
      if (outputs.includes(name)) {
        storeLinesAtWrite[name] = editable.storeLines;
        continue;
      }
      const hash = previous?.outputHashes?.[name];
      if (typeof hash !== 'string') continue;
      outputHashes[name] = hash;
      const lines = previous?.storeLinesAtWrite?.[name];
      if (typeof lines === 'number') storeLinesAtWrite[name] = lines;
      if (name === 'glossary.csv') {
        extra.glossaryCanonical = previous?.glossaryCanonical;
        extra.glossaryType = previous?.glossaryType;
      }
    }
    // alignments.csv and the workbook's alignments sheet are one table: the kinds they show are this
    // run's when it writes either, else those of the run that wrote them
    const tables = ['alignments.csv', WORKBOOK_NAME];
    if (!tables.some((n) => outputs.includes(n)) && tables.some((n) => typeof previous?.outputHashes?.[n] === 'string')) extra.alignmentsRelated = previous?.alignmentsRelated;
    extra.storeLinesAtWrite = storeLinesAtWrite;
  }
  return files.map((f) => (f.name === manifestName ? { name: f.name, content: runJson({ ...manifest, ...extra, outputs, outputHashes }) } : f));
}
