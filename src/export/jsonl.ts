// alignments.jsonl: the rows of alignments.csv as JSON, one object per line, same order.
// Fields: group_id (null when in no group), score, margin, method, status,
// src and tgt as {doc, lang, first, last, text}.

import type { RunResult } from '../types.ts';
import { alignmentRecords } from './alignment-records.ts';
import { indexRun } from './run-index.ts';

export function alignmentsJsonl(result: RunResult): string {
  return alignmentRecords(result, indexRun(result))
    .map((r) => JSON.stringify(r) + '\n')
    .join('');
}
