// `polyalign review import FILE -o OUT`: merge a decisions file into an output folder's store
// (job/review-store.ts), for the next run to apply.

import { relative } from 'node:path';
import { STORE_NAME } from '../review/index.ts';
import { importIntoStore, inForce, label, previousManifest } from '../job/review-store.ts';

/** `polyalign review import FILE -o OUT`: merge a decisions file into OUT's store; the next run applies it. */
export async function reviewImportCommand(file: string, outDir: string, now = new Date()): Promise<string> {
  const previous = await previousManifest(outDir);
  const knownDocs = previous?.inputs?.map((i) => i.doc);
  const warnings: string[] = [];
  const outcome = await importIntoStore({ outDir, files: [file], ...(knownDocs ? { knownDocs } : {}), handEdited: false, now, warn: (w) => warnings.push(w) });
  const added = outcome.imported[0]?.added ?? 0;
  const force = inForce(outcome.log);
  const lines = [
    ...warnings.map((w) => `warning: ${w}`),
    `imported ${added} new decision${added === 1 ? '' : 's'} from ${file} into ${label(outDir, STORE_NAME)} (in force: ${force.links.length} link${force.links.length === 1 ? '' : 's'}, ${force.entries.length} glossary entr${force.entries.length === 1 ? 'y' : 'ies'}${force.quotes.length ? `, ${force.quotes.length} quote pair${force.quotes.length === 1 ? '' : 's'}` : ''})`,
    ...outcome.changes.map((c) => `changed: ${c}`),
    ...outcome.conflicts.map((c) => `conflict: ${c}`),
    `the next polyalign run with -o ${relative(process.cwd(), outDir) || '.'} applies them`,
  ];
  return `${lines.join('\n')}\n`;
}
