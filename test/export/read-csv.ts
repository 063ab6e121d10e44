// Read a CSV output back the way a careful consumer would: csv-parse, BOM removed, strict column
// count (csv-parse throws when a row has a different number of fields than the first).

import { parse } from 'csv-parse/sync';

export const BOM = '\uFEFF';

export function readCsv(content: string): { header: string[]; rows: string[][] } {
  const records = parse(content, { bom: true, relax_column_count: false }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error('empty CSV');
  for (const row of rows) if (row.length !== header.length) throw new Error(`row of ${row.length} cells, header has ${header.length}`);
  return { header, rows };
}

/** The rows as objects keyed by header, for readable assertions. */
export function readCsvObjects(content: string): Array<Record<string, string>> {
  const { header, rows } = readCsv(content);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}
