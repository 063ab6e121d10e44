// A table as an exporter computes it once: the header and the rows of cells, before any file format.
// alignments.csv, parallel.csv, glossary.csv and quotes.csv render it as CSV (csv.ts), and
// workbook.xlsx renders the same tables as sheets (xlsx.ts), so the columns are defined in one place.

import type { Cell } from './csv.ts';

export interface Table {
  header: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

/**
 * A sentence number as a cell: a number for one sentence (so that it sorts and filters as one in a
 * spreadsheet; CSV prints it the same), the text `12-13` for a range.
 */
export function sentCell(first: number, last: number): Cell {
  return first === last ? first : `${first}-${last}`;
}
