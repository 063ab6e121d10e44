// workbook.xlsx as a decisions file: its alignments, glossary and quotes sheets read (with exceljs, the
// library that writes it: src/export/xlsx.ts) into the header and rows a CSV gives the parser, so an
// edited workbook is read by the same code as an edited alignments.csv, glossary.csv or quotes.csv.
// Pure: takes the file's bytes and its name (for messages).

import ExcelJS from 'exceljs';
import { PolyalignError } from '../errors.ts';
import { DECISION_SHEETS } from '../export/xlsx.ts';
import { normaliseHeader, parseDecisionTable, type DecisionTable, type ParsedDecisions, type ParseOptions } from './parse.ts';

/**
 * Whether a decisions file is a workbook: by its name (.xlsx). Not by its bytes: a binary file named
 * .csv is refused as "not a CSV file", which says more to whoever saved it than a zip error would.
 */
export function isWorkbook(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** A cell's value as the text a CSV would hold: numbers in JavaScript's shortest form, rich text joined, a formula's result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String(value.text ?? '');
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function invalid(path: string, message: string): PolyalignError {
  return new PolyalignError('review.invalid', message, { path });
}

/** One sheet as a table: row 1 the header, empty rows skipped (as the CSV reader skips empty lines). */
export function sheetTable(sheet: ExcelJS.Worksheet, path: string): DecisionTable {
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    all.push(Array.from(cells, (c) => c ?? ''));
  });
  const [header, ...rows] = all.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) throw invalid(path, 'is empty; expected a header row');
  // A header may end in empty cells that a spreadsheet kept; a row may lack its trailing empty cells.
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === '') width--;
  const table = rows.map((row, i) => {
    if (row.slice(width).some((c) => c.trim() !== '')) throw invalid(path, `row ${i + 2} has a cell to the right of the last column (${header[width - 1]})`);
    return Array.from({ length: width }, (_, c) => row[c] ?? '');
  });
  return { header: normaliseHeader(header.slice(0, width)), rows: table };
}

/** The decision sheets of a workbook (alignments, glossary, quotes: those it has) as tables, by sheet name. */
export async function readWorkbookTables(bytes: Uint8Array, path: string): Promise<Map<string, DecisionTable>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw invalid(path, `is not a readable .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const tables = new Map<string, DecisionTable>();
  for (const sheet of workbook.worksheets) {
    const name = sheet.name.trim().toLowerCase();
    if (DECISION_SHEETS.includes(name)) tables.set(name, sheetTable(sheet, sheetLabel(path, name)));
  }
  return tables;
}

/** How a sheet is named in messages and in a decision's `source`: `out/workbook.xlsx[alignments]`. */
export function sheetLabel(path: string, sheet: string): string {
  return `${path}[${sheet}]`;
}

/**
 * The decisions of every decision sheet, each read by the CSV's parser (so a sheet named alignments is
 * read as alignments.csv, by its header). A workbook with none of those sheets is refused.
 */
export async function parseWorkbookDecisions(bytes: Uint8Array, path: string, options: ParseOptions): Promise<ParsedDecisions[]> {
  const tables = await readWorkbookTables(bytes, path);
  if (tables.size === 0) throw invalid(path, `has none of the sheets ${DECISION_SHEETS.join(', ')}; expected polyalign's workbook.xlsx`);
  return [...tables].map(([name, table]) => parseDecisionTable(table, sheetLabel(path, name), options));
}
