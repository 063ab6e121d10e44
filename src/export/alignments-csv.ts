// alignments.csv: one row per accepted link between two documents, and one per link a reviewer
// rejected. Edited in a spreadsheet (the `status` column), it is a decisions file for `--review`.
// `confidence` is the estimated probability that a translator confirms the link as equivalent
// (src/align/confidence.ts); `kind` is `equivalent` (both sides say the same thing) or `related`
// (they share a fact or quote, one says more or other things; src/align/kind.ts).

import type { RunResult } from '../types.ts';
import { alignmentRecords } from './alignment-records.ts';
import { toCsv, type Cell } from './csv.ts';
import { indexRun } from './run-index.ts';
import { sentCell, type Table } from './table.ts';

export const ALIGNMENTS_HEADER = [
  'group_id',
  'score',
  'margin',
  'confidence',
  'kind',
  'method',
  'status',
  'src_doc',
  'src_lang',
  'src_sent',
  'src_text',
  'tgt_doc',
  'tgt_lang',
  'tgt_sent',
  'tgt_text',
];

/** alignments.csv's header and rows, for the CSV and the workbook's sheet. */
export function alignmentsTable(result: RunResult): Table {
  const rows: Cell[][] = alignmentRecords(result, indexRun(result)).map((r) => [
    r.group_id ?? '',
    r.score,
    r.margin,
    r.confidence ?? '',
    r.kind ?? '',
    r.method,
    r.status,
    r.src.doc,
    r.src.lang,
    sentCell(r.src.first, r.src.last),
    r.src.text,
    r.tgt.doc,
    r.tgt.lang,
    sentCell(r.tgt.first, r.tgt.last),
    r.tgt.text,
  ]);
  return { header: ALIGNMENTS_HEADER, rows };
}

export function alignmentsCsv(result: RunResult): string {
  const { header, rows } = alignmentsTable(result);
  return toCsv(header, rows, result.csv);
}
