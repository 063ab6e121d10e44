// The one CSV writer every .csv output goes through, so they all share one dialect:
// UTF-8 with a BOM (Excel otherwise reads UTF-8 as the ANSI code page and mangles Cyrillic and
// diacritics), RFC 4180 quoting, CRLF record delimiters, formula-looking cells escaped.

import { stringify } from 'csv-stringify/sync';
import { PolyalignError } from '../errors.ts';
import type { CsvDialect } from '../types.ts';

export type { CsvDialect };

/**
 * A cell. Numbers stay numbers up to csv-stringify: its `escape_formulas` leaves a number that
 * starts with `-` alone but prefixes a *string* that starts with `-` with `'`, so a negative score
 * must be passed as a number to reach the spreadsheet as a number.
 */
export type Cell = string | number;

// CRLF because RFC 4180 says so; Excel, LibreOffice, csv-parse and Python's csv read LF as well,
// but a strict reader (or a diff against a file another tool wrote) expects CRLF.
// Line breaks inside a quoted cell stay as they are in the text.
const CSV_OPTIONS = {
  bom: true,
  // A cell starting with = + - @ tab or CR (and their full-width forms) gets a leading `'`, the
  // OWASP mitigation for CSV injection. A sentence `-5 degrees` therefore reads `'-5 degrees`.
  escape_formulas: true,
  record_delimiter: '\r\n',
  // csv-stringify quotes a bare LF or CR only when asked once record_delimiter is set; a spreadsheet
  // would otherwise end the row at the line break inside a sentence.
  quote_record_delimiter: true,
  eof: true,
} as const;

export const DEFAULT_CSV_DIALECT: CsvDialect = { delimiter: ',', decimal: '.' };

/** `--csv-delimiter` -> the dialect: `,` `;` or `tab` (also `\t`); the decimal mark follows the separator. */
export function parseCsvDelimiter(value: string): CsvDialect {
  const v = value.trim().toLowerCase();
  if (v === ',' || v === 'comma') return DEFAULT_CSV_DIALECT;
  if (v === ';' || v === 'semicolon') return { delimiter: ';', decimal: ',' };
  if (v === 'tab' || v === '\\t' || value === '\t') return { delimiter: '\t', decimal: '.' };
  throw new PolyalignError('usage.invalid-option', `--csv-delimiter ${JSON.stringify(value)}: expected , (comma, the default), ; (semicolon, with decimal commas, for spreadsheets in Danish, Slovene, Romanian, Bosnian, Croatian, Serbian and Macedonian) or tab`);
}

function optionsFor(dialect: CsvDialect) {
  return {
    ...CSV_OPTIONS,
    delimiter: dialect.delimiter,
    // a number is written by the cast, so escape_formulas still sees it as a number (no `'` before `-0,5`)
    ...(dialect.decimal === ',' ? { cast: { number: (n: number) => String(n).replace('.', ',') } } : {}),
  };
}

/** The CSV text of a header and rows: BOM, CRLF, RFC 4180 quoting, formulas escaped; `,` and `.` unless told. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, dialect: CsvDialect = DEFAULT_CSV_DIALECT): string {
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new PolyalignError('internal', `CSV row ${i + 1} has ${row.length} cells, expected ${header.length} (${header.join(', ')})`);
    }
  });
  return stringify([header, ...rows] as Cell[][], optionsFor(dialect));
}

/** Scores to 4 decimals, as numbers (see `Cell`); `-0` becomes `0` so it prints as `0`. */
export function round4(x: number): number {
  const r = Math.round(x * 10_000) / 10_000;
  return Object.is(r, -0) ? 0 : r;
}

/** Rows without a header or a BOM, for a CSV written in pieces after `toCsv(header, [])`: the pieces join to what `toCsv` gives. */
export function csvRows(width: number, rows: ReadonlyArray<readonly Cell[]>, dialect: CsvDialect = DEFAULT_CSV_DIALECT): string {
  rows.forEach((row, i) => {
    if (row.length !== width) throw new PolyalignError('internal', `CSV row ${i + 1} has ${row.length} cells, expected ${width}`);
  });
  return rows.length === 0 ? '' : stringify(rows as Cell[][], { ...optionsFor(dialect), bom: false });
}
