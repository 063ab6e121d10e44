// parallel.csv: one row per n-way group, one column per document (in run order), then per document
// the evidence for its cell: how many of the group's other members its span is linked to directly (a
// group never holds a member linked to fewer than half of them; see src/align/groups.ts), and the
// highest confidence among those links (the estimated probability that a translator confirms the link
// as equivalent), and the cell's kind: `equivalent` when one of those links is, `related` when they
// all are related (the cell shares a fact with the group but says more or other things).

import { directConfidence, directKind, directPartners } from '../align/groups.ts';
import type { RunResult } from '../types.ts';
import { round4, toCsv, type Cell } from './csv.ts';
import { indexRun } from './run-index.ts';
import type { Table } from './table.ts';

export const PARALLEL_FIXED_HEADER = ['group_id', 'docs', 'score'];

/** parallel.csv's header and rows, for the CSV and the workbook's sheet. */
export function parallelTable(result: RunResult): Table {
  const index = indexRun(result);
  const docIds = index.documents.map((d) => d.doc.id);
  const header = [
    ...PARALLEL_FIXED_HEADER,
    ...docIds.map((id) => index.heading(id)),
    ...docIds.map((id) => `${index.heading(id)} linked`),
    ...docIds.map((id) => `${index.heading(id)} confidence`),
    ...docIds.map((id) => `${index.heading(id)} kind`),
  ];
  const rows: Cell[][] = index.groups.map((g) => {
    const spans = docIds.map((id) => g.spans.find((s) => s.doc === id));
    const cells = spans.map((span) => (span ? index.spanText(span) : ''));
    const linked = spans.map((span) => (span ? directPartners(span, g.links).size : ''));
    const confidence = spans.map((span) => {
      const c = span ? directConfidence(span, g.links) : undefined;
      return c === undefined ? '' : round4(c);
    });
    const kinds = spans.map((span) => (span ? (directKind(span, g.links) ?? '') : ''));
    return [g.id, new Set(g.spans.map((s) => s.doc)).size, round4(g.score), ...cells, ...linked, ...confidence, ...kinds];
  });
  return { header, rows };
}

export function parallelCsv(result: RunResult): string {
  const { header, rows } = parallelTable(result);
  return toCsv(header, rows, result.csv);
}
