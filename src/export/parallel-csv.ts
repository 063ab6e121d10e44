// parallel.csv: one row per n-way group, one column per document (in run order).

import type { RunResult } from '../types.ts';
import { round4, toCsv, type Cell } from './csv.ts';
import { indexRun } from './run-index.ts';

export const PARALLEL_FIXED_HEADER = ['group_id', 'docs', 'score'];

export function parallelCsv(result: RunResult): string {
  const index = indexRun(result);
  const docIds = index.documents.map((d) => d.doc.id);
  const header = [...PARALLEL_FIXED_HEADER, ...docIds.map((id) => index.heading(id))];
  const rows: Cell[][] = index.groups.map((g) => {
    const cells = docIds.map((id) => {
      const span = g.spans.find((s) => s.doc === id);
      return span ? index.spanText(span) : '';
    });
    return [g.id, new Set(g.spans.map((s) => s.doc)).size, round4(g.score), ...cells];
  });
  return toCsv(header, rows);
}
