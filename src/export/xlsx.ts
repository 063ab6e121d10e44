// workbook.xlsx (`--format xlsx`, not part of `all`): the tables of alignments.csv, parallel.csv,
// glossary.csv and quotes.csv as one sheet each, for a reviewer who works in Excel or LibreOffice
// rather than with CSV files. The tables come from the same builders as the CSV files (table.ts), so
// the columns are the CSV's; only the rendering differs: numbers are number cells, the header row is
// frozen and filtered, text wraps, columns are sized to their content, and `status` is a drop-down of
// the values the review import accepts. An edited workbook is a decisions file like an edited CSV
// (src/review/workbook.ts).
//
// The dependency is exceljs (MIT, maintained): it writes frozen panes, auto filters, data validation,
// column widths and wrapping, and reads workbooks back. SheetJS is not used: its npm release (xlsx
// 0.18.5) is outdated (newer versions only from its own CDN), and its community edition writes no data
// validation.
//
// Deterministic: rendering one run twice gives byte-identical files. exceljs stamps the workbook's
// created/modified dates (docProps/core.xml) and its zip writer (JSZip) stamps every entry with the
// time of writing; both are set to the run's startedAt here (the zip entries' DOS times by rewriting
// their headers, see fixZipTimes), so the file depends on the run and on nothing else.

import ExcelJS from 'exceljs';
import { ENTRY_STATUS_VALUES, LINK_STATUS_VALUES } from '../review/parse.ts';
import type { RunResult } from '../types.ts';
import { alignmentsTable } from './alignments-csv.ts';
import type { Cell } from './csv.ts';
import { glossaryTable } from './glossary-csv.ts';
import { parallelTable } from './parallel-csv.ts';
import { quotesTable } from './quotes.ts';
import type { Table } from './table.ts';

export const WORKBOOK_NAME = 'workbook.xlsx';

/** The sheets, in order: name, the table, and the values of its status drop-down (none: no status column). */
export const WORKBOOK_SHEETS = [
  { name: 'alignments', table: alignmentsTable, status: LINK_STATUS_VALUES },
  { name: 'parallel', table: parallelTable, status: undefined },
  { name: 'glossary', table: glossaryTable, status: ENTRY_STATUS_VALUES },
  { name: 'quotes', table: quotesTable, status: LINK_STATUS_VALUES },
] as const;

/** The sheets a reviewer's decisions are read from (src/review/workbook.ts). */
export const DECISION_SHEETS: readonly string[] = WORKBOOK_SHEETS.filter((s) => s.status !== undefined).map((s) => s.name);

/** Column widths in characters: sized to the longest line of a column's cells, within these bounds. */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;

function longestLine(cell: Cell): number {
  return String(cell)
    .split(/\r\n|\r|\n/)
    .reduce((n, line) => Math.max(n, [...line].length), 0);
}

function widthOf(table: Table, column: number): number {
  let widest = longestLine(table.header[column]!);
  for (const row of table.rows) widest = Math.max(widest, longestLine(row[column]!));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/** A1-style name of a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Worksheet.dataValidations, which exceljs has but does not declare. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table, status: readonly string[] | undefined): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.addRow([...table.header]);
  // An empty cell stays empty (not an empty string), so a numeric column holds only numbers.
  for (const row of table.rows) sheet.addRow(row.map((c) => (c === '' ? null : c)));
  sheet.getRow(1).font = { bold: true };
  table.header.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = widthOf(table, i);
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  const statusColumn = table.header.indexOf('status') + 1;
  if (status && statusColumn > 0) {
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${status.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: 'status',
      error: `status is one of ${status.join(', ')}${status === ENTRY_STATUS_VALUES ? ', or empty while undecided' : ''}`,
    };
    // One validation for the column's data rows, given as a range. exceljs's typed way, a validation per
    // cell, is squeezed into ranges on writing after sorting the cells by address as text (G10 before
    // G2), which writes overlapping ranges (G10:G34 and G2:G34) that Excel reports as damaged.
    if (table.rows.length > 0) {
      const letter = columnLetter(statusColumn);
      (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${table.rows.length + 1}`, validation);
    }
  }
}

/** The workbook of a run: one sheet per table that has rows (alignments when none has, so that the workbook is never empty). */
export async function workbookXlsx(result: RunResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const at = runDate(result);
  workbook.creator = 'polyalign';
  workbook.lastModifiedBy = 'polyalign';
  workbook.created = at;
  workbook.modified = at;
  let sheets = 0;
  for (const { name, table, status } of WORKBOOK_SHEETS) {
    const t = table(result);
    if (t.rows.length === 0) continue;
    addSheet(workbook, name, t, status);
    sheets++;
  }
  if (sheets === 0) addSheet(workbook, 'alignments', alignmentsTable(result), LINK_STATUS_VALUES);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipTimes(buffer, at);
}

/** The run's start, whole seconds, or 1980-01-01 (the first date a zip can hold) without one. */
function runDate(result: RunResult): Date {
  const t = Date.parse(result.manifest.startedAt);
  const fallback = Date.UTC(1980, 0, 1);
  return new Date(Number.isFinite(t) && t >= fallback ? Math.floor(t / 1000) * 1000 : fallback);
}

/**
 * Set the modification time of every entry of a zip (the local header and the central directory
 * record) to `at`, in MS-DOS form (UTC fields, 2-second steps). Nothing else in a zip depends on those
 * fields (the CRC covers the data only), so the archive stays valid. Returns the buffer, changed in place.
 */
export function fixZipTimes(zip: Buffer, at: Date): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  // End of central directory: signature, then (at +10) the entry count, (at +16) the directory's offset.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is damaged`);
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(date, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip local header of entry ${i} is damaged`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}
