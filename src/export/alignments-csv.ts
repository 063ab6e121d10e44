// alignments.csv: one row per accepted link between two documents, and one per link a reviewer
// rejected. Edited in a spreadsheet (the `status` column), it is a decisions file for `--review`.
// `confidence` is the estimated probability that a translator confirms the link as equivalent
// (src/align/confidence.ts); `kind` is `equivalent` (both sides say the same thing) or `related`
// (they share a fact or quote, one says more or other things; src/align/kind.ts).

import type { RunResult } from '../types.ts';
import { alignmentRecords } from './alignment-records.ts';
import { toCsv, type Cell } from './csv.ts';
import { formatSpan, indexRun } from './run-index.ts';

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

export function alignmentsCsv(result: RunResult): string {
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
    formatSpan(r.src),
    r.src.text,
    r.tgt.doc,
    r.tgt.lang,
    formatSpan(r.tgt),
    r.tgt.text,
  ]);
  return toCsv(ALIGNMENTS_HEADER, rows, result.csv);
}
