// The groups of the previous run into an output folder, read back from its alignments.csv (group_id
// and the two spans of each link), or from workbook.xlsx's alignments sheet when the previous run wrote
// the workbook and not the CSV (`--format xlsx`), for group-ids.ts to keep their ids. A file that cannot
// be read, or one without those columns, gives none: the run then numbers its groups afresh.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { spanSetKey } from '../align/group-ids.ts';
import { WORKBOOK_NAME } from '../export/xlsx.ts';
import { delimiterOf, linkSpansKey, unescapeCell } from '../review/index.ts';
import { readWorkbookTables } from '../review/workbook.ts';

function spanOf(doc: string, sent: string): { doc: string; first: number; last: number } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(sent.trim());
  return m ? { doc: unescapeCell(doc), first: Number(m[1]), last: Number(m[2] ?? m[1]) } : undefined;
}

/**
 * spanSetKey of each group of the previous alignments.csv → its id, and the links it accepted (in a
 * group; linkSpansKey); empty when there is none.
 */
export async function previousGroups(outDir: string, previousOutputs?: readonly string[]): Promise<{ groupIds: Map<string, string>; accepted: Set<string> }> {
  const out = new Map<string, string>();
  const accepted = new Set<string>();
  let rows: Array<Record<string, string>>;
  try {
    rows = previousOutputs && !previousOutputs.includes('alignments.csv') && previousOutputs.includes(WORKBOOK_NAME) ? await workbookRows(outDir) : await csvRows(outDir);
  } catch {
    return { groupIds: out, accepted };
  }
  const spans = new Map<string, Map<string, { doc: string; first: number; last: number }>>();
  for (const r of rows) {
    const id = (r.group_id ?? '').trim();
    if (!/^g\d+$/.test(id)) continue;
    accepted.add(linkSpansKey({ doc: unescapeCell(r.src_doc ?? ''), sent: (r.src_sent ?? '').trim() }, { doc: unescapeCell(r.tgt_doc ?? ''), sent: (r.tgt_sent ?? '').trim() }));
    const set = spans.get(id) ?? new Map();
    for (const s of [spanOf(r.src_doc ?? '', r.src_sent ?? ''), spanOf(r.tgt_doc ?? '', r.tgt_sent ?? '')]) if (s) set.set(`${s.doc}\u0000${s.first}`, s);
    spans.set(id, set);
  }
  for (const [id, set] of spans) out.set(spanSetKey([...set.values()]), id);
  return { groupIds: out, accepted };
}

async function csvRows(outDir: string): Promise<Array<Record<string, string>>> {
  const text = await readFile(join(outDir, 'alignments.csv'), 'utf8');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, delimiter: delimiterOf(text) }) as Array<Record<string, string>>;
}

async function workbookRows(outDir: string): Promise<Array<Record<string, string>>> {
  const table = (await readWorkbookTables(await readFile(join(outDir, WORKBOOK_NAME)), WORKBOOK_NAME)).get('alignments');
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? ''])));
}
