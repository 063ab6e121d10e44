// workbook.xlsx (src/export/xlsx.ts): its sheets against the CSV files of the same run, the cells'
// types, the frozen header, filter, widths and status drop-downs (read back with exceljs), that it is
// deterministic, and a reviewer's round trip through the CLI with decisions made in the workbook
// (src/review/workbook.ts, src/job/review-store.ts).

import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderOutputs } from '../../src/export/index.ts';
import { fixZipTimes, MAX_WIDTH, workbookXlsx } from '../../src/export/xlsx.ts';
import { unescapeCell } from '../../src/review/index.ts';
import { cellText } from '../../src/review/workbook.ts';
import { runSeeds } from '../helpers/run-cli.ts';
import { tmpPath } from '../helpers/tmp.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { readCsv } from './read-csv.ts';

async function load(file: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof file === 'string' ? readFileSync(file) : file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's cells by row, 0-based, as exceljs gives them (values, not text). */
function values(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value));
  }
  return rows;
}

type Row = Record<string, string>;
const readRows = (file: string) => parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Row[];

/** Set one cell of a sheet (found by the header and a row's predicate) and save the workbook, as a reviewer would. */
async function editWorkbook(file: string, sheetName: string, column: string, value: string, pick: (row: Row, all: Row[]) => boolean): Promise<Row> {
  const wb = await load(file);
  const sheet = wb.getWorksheet(sheetName)!;
  const header = values(sheet)[0]!.map((v) => String(v));
  const col = header.indexOf(column) + 1;
  const all = values(sheet).slice(1).map((v) => Object.fromEntries(header.map((h, i) => [h, cellText(v[i] ?? null)])));
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = all[r - 2]!;
    if (!pick(row, all)) continue;
    sheet.getRow(r).getCell(col).value = value;
    await wb.xlsx.writeFile(file);
    return row;
  }
  throw new Error(`no row of ${sheetName} matches`);
}

const SHEETS = [
  ['alignments', 'alignments.csv'],
  ['parallel', 'parallel.csv'],
  ['glossary', 'glossary.csv'],
  ['quotes', 'quotes.csv'],
] as const;

describe('workbook.xlsx of a run on the seeds', () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    out = tmpPath('xlsx-seeds');
    const r = await runSeeds(out, '--format', 'csv,quotes,xlsx');
    expect(r.code, r.stderr).toBe(0);
    wb = await load(join(out, 'workbook.xlsx'));
  });

  it('has one sheet per table, with the CSV columns and rows of the same run, cell for cell', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(SHEETS.map(([s]) => s));
    for (const [sheetName, csvName] of SHEETS) {
      const csv = readCsv(readFileSync(join(out, csvName), 'utf8'));
      const sheet = wb.getWorksheet(sheetName)!;
      const cells = values(sheet).map((row) => row.map(cellText));
      expect(cells[0], sheetName).toEqual(csv.header);
      expect(cells.length - 1, sheetName).toBe(csv.rows.length);
      expect(csv.rows.length, sheetName).toBeGreaterThan(0);
      // the CSV guards formula-looking cells with a `'`; the workbook holds the text as it is
      expect(cells.slice(1), sheetName).toEqual(csv.rows.map((row) => row.map(unescapeCell)));
    }
  });

  it('writes numbers as numbers: scores, confidence, counts, sentence numbers and offsets', () => {
    const numeric: Record<string, string[]> = {
      alignments: ['score', 'margin', 'confidence', 'src_sent', 'tgt_sent'],
      parallel: ['docs', 'score'],
      glossary: ['mentions', 'docs'],
      quotes: ['sent', 'start', 'end', 'confidence'],
    };
    for (const [sheetName, columns] of Object.entries(numeric)) {
      const [header, ...rows] = values(wb.getWorksheet(sheetName)!);
      for (const column of columns) {
        const i = header!.indexOf(column);
        expect(i, `${sheetName}.${column}`).toBeGreaterThanOrEqual(0);
        const cells = rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined);
        expect(cells.length, `${sheetName}.${column}`).toBeGreaterThan(0);
        // a sentence range (12-13) is text; everything else in these columns is a number
        for (const v of cells) expect(typeof v === 'number' || (typeof v === 'string' && /^\d+-\d+$/.test(v)), `${sheetName}.${column}: ${String(v)}`).toBe(true);
        if (!column.endsWith('sent')) expect(cells.every((v) => typeof v === 'number'), `${sheetName}.${column}`).toBe(true);
      }
      const linkedOrConf = header!.filter((h) => typeof h === 'string' && / (linked|confidence)$/.test(h));
      if (sheetName === 'parallel') {
        expect(linkedOrConf.length).toBeGreaterThan(0);
        for (const h of linkedOrConf) for (const r of rows) expect(r[header!.indexOf(h)] === null || typeof r[header!.indexOf(h)] === 'number').toBe(true);
      }
      // text columns stay text even where they look like numbers
      for (const r of rows) for (const v of r) expect(v === null || typeof v === 'number' || typeof v === 'string').toBe(true);
    }
  });

  it('freezes and filters the header row, wraps text, sizes the columns, and offers the status values as a drop-down on every data row', () => {
    const lists: Record<string, string> = { alignments: '"auto,confirmed,rejected"', glossary: '"keep,reject"', quotes: '"auto,confirmed,rejected"' };
    for (const sheet of wb.worksheets) {
      const header = values(sheet)[0]!.map(String);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = sheet.getRow(1).getCell(header.length).address.replace(/\d+$/, '');
      expect(sheet.autoFilter, sheet.name).toBe(`A1:${last}1`);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      header.forEach((h, i) => {
        const column = sheet.getColumn(i + 1);
        expect(column.width, `${sheet.name}.${h}`).toBeGreaterThanOrEqual(h.length);
        expect(column.width!).toBeLessThanOrEqual(MAX_WIDTH);
        expect(sheet.getCell(2, i + 1).alignment?.wrapText, `${sheet.name}.${h}`).toBe(true);
      });
      if (header.some((h) => /_text$|^text$/.test(h))) expect(sheet.getColumn(header.findIndex((h) => /text$/.test(h)) + 1).width).toBe(MAX_WIDTH);
      const status = header.indexOf('status') + 1;
      if (sheet.name === 'parallel') {
        expect(status).toBe(0);
        continue;
      }
      for (let r = 2; r <= sheet.rowCount; r++) {
        expect(sheet.getCell(r, status).dataValidation, `${sheet.name} row ${r}`).toMatchObject({ type: 'list', allowBlank: true, formulae: [lists[sheet.name]] });
      }
      expect(sheet.getCell(1, status).dataValidation).toBeUndefined();
      expect(sheet.getCell(sheet.rowCount + 1, status).dataValidation).toBeUndefined();
    }
  });

  it('is listed in run.json with its hash', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.outputs).toContain('workbook.xlsx');
    expect(manifest.outputHashes['workbook.xlsx']).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.storeLinesAtWrite['workbook.xlsx']).toBe(0);
  });
});

describe('workbookXlsx', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is byte-identical for one run whenever it is rendered: the zip entries and docProps carry the run start', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
    const first = await workbookXlsx(runResult());
    vi.setSystemTime(new Date('2026-06-30T17:33:45Z'));
    const again = await workbookXlsx(runResult());
    expect(Buffer.compare(first, again)).toBe(0);
    const wb = await load(first);
    expect(wb.created.toISOString()).toBe('2025-09-04T10:11:12.000Z');
    expect(wb.modified.toISOString()).toBe('2025-09-04T10:11:12.000Z');
    // every entry's DOS time is the run's start (10:11:12 UTC on 2025-09-04)
    let offset = first.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let entries = 0;
    while (offset >= 0) {
      expect(first.readUInt16LE(offset + 12)).toBe((10 << 11) | (11 << 5) | 6);
      expect(first.readUInt16LE(offset + 14)).toBe((45 << 9) | (9 << 5) | 4);
      entries++;
      offset = first.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), offset + 46);
    }
    expect(entries).toBeGreaterThan(5);
  });

  it('has a sheet only for the tables that have rows: no quotes sheet for a run without quotes', async () => {
    const wb = await load(await workbookXlsx(runResult()));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['alignments', 'parallel', 'glossary']);
    const empty = runResult();
    empty.glossary = [];
    expect((await load(await workbookXlsx(empty))).worksheets.map((s) => s.name)).toEqual(['alignments', 'parallel']);
  });

  it('is rendered by --format xlsx only, as bytes, beside run.json', async () => {
    const files = await renderOutputs(runResult(), ['xlsx']);
    expect(files.map((f) => f.name)).toEqual(['workbook.xlsx', 'run.json']);
    expect(files[0]!.content).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(String(files[1]!.content)).outputs).toEqual(['workbook.xlsx', 'run.json']);
  });

  it('fixZipTimes refuses what is not a zip', () => {
    expect(() => fixZipTimes(Buffer.from('not a zip at all, just some text here'), new Date())).toThrow(/not a zip/);
  });
});

describe('reviewing in workbook.xlsx', () => {
  let first: string;
  beforeAll(async () => {
    first = tmpPath('xlsx-review-base');
    const r = await runSeeds(first, '--format', 'csv,quotes,xlsx');
    expect(r.code, r.stderr).toBe(0);
  });

  function copyOut(name: string): string {
    const out = tmpPath(`xlsx-${name}`);
    cpSync(first, out, { recursive: true });
    return out;
  }

  const grouped = (r: Row) => r.group_id !== '' && r.status === 'auto';
  const sameLink = (a: Row) => (b: Row) => a.src_doc === b.src_doc && a.src_sent === b.src_sent && a.tgt_doc === b.tgt_doc && a.tgt_sent === b.tgt_sent;

  it('a link rejected in the workbook and given with --review is gone from the groups, and the decision is kept', async () => {
    const out = copyOut('review-flag');
    const copy = join(tmpdir(), `polyalign-xlsx-edited-${process.pid}.xlsx`);
    cpSync(join(out, 'workbook.xlsx'), copy);
    const row = await editWorkbook(copy, 'alignments', 'status', 'rejected', grouped);
    const r = await runSeeds(out, '--format', 'csv,quotes,xlsx', '--review', copy);
    expect(r.code, r.stderr).toBe(0);
    const now = readRows(join(out, 'alignments.csv')).find(sameLink(row))!;
    expect(now.status).toBe('rejected');
    expect(now.group_id).toBe('');
    const store = readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(store).toEqual([expect.objectContaining({ kind: 'link', status: 'rejected', source: `${copy}[alignments]` })]);
    const together = (file: string) => readRows(file).some((g) => Object.values(g).includes(row.src_text!) && Object.values(g).includes(row.tgt_text!));
    expect(together(join(first, 'parallel.csv'))).toBe(true);
    expect(together(join(out, 'parallel.csv'))).toBe(false);
    // the rewritten workbook shows the decision, and a later run keeps it
    const again = await runSeeds(out, '--format', 'csv,quotes,xlsx');
    expect(again.code, again.stderr).toBe(0);
    const wb = await load(join(out, 'workbook.xlsx'));
    const sheet = wb.getWorksheet('alignments')!;
    const [header, ...rows] = values(sheet).map((v) => v.map(cellText));
    const rowsAsObjects = rows.map((v) => Object.fromEntries(header!.map((h, i) => [h, v[i]!])));
    expect(rowsAsObjects.find(sameLink(row))).toMatchObject({ status: 'rejected', group_id: '' });
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('the output folder\'s own workbook, edited in place, is read before the run overwrites it (with or without --review)', async () => {
    for (const flag of [[], ['--review']]) {
      const out = copyOut(`in-place-${flag.length}`);
      const row = await editWorkbook(join(out, 'workbook.xlsx'), 'alignments', 'status', 'Rejected', grouped);
      const r = await runSeeds(out, '--format', 'csv,quotes,xlsx', ...(flag.length ? [...flag, join(out, 'workbook.xlsx')] : []));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toMatch(flag.length ? /review:/ : /workbook\.xlsx was edited since the last run; 1 decision from it saved to the store before overwriting it/);
      expect(readRows(join(out, 'alignments.csv')).find(sameLink(row))).toMatchObject({ status: 'rejected', group_id: '' });
      expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    }
  });

  it('glossary and quote decisions in the workbook are taken as from glossary.csv and quotes.csv', async () => {
    const out = copyOut('glossary-quotes');
    const file = join(out, 'workbook.xlsx');
    const entry = await editWorkbook(file, 'glossary', 'status', 'reject', () => true);
    const quote = await editWorkbook(file, 'quotes', 'status', 'rejected', (q, all) => q.status === 'auto' && all.filter((o) => o.quote_id === q.quote_id).length > 1);
    const r = await runSeeds(out, '--format', 'csv,quotes,xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(readRows(join(out, 'glossary.csv')).find((e) => e.entry_id === entry.entry_id)?.status).toBe('reject');
    const store = readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(store.filter((d) => d.kind === 'entry')).toHaveLength(1);
    expect(store.filter((d) => d.kind === 'quote').length).toBeGreaterThan(0);
    expect(store.filter((d) => d.kind === 'quote').every((d) => d.status === 'rejected' && (d.src.doc === quote.doc || d.tgt.doc === quote.doc))).toBe(true);
    expect(store.every((d) => d.source.endsWith(`workbook.xlsx[${d.kind === 'entry' ? 'glossary' : 'quotes'}]`))).toBe(true);
    expect(readRows(join(out, 'quotes.csv')).find((q) => q.doc === quote.doc && q.start === quote.start)?.status).toBe('rejected');
  });

  it('a workbook edited into something the review cannot read stops the run and is not overwritten', async () => {
    const out = copyOut('broken');
    await editWorkbook(join(out, 'workbook.xlsx'), 'alignments', 'status', 'maybe', grouped);
    const before = readFileSync(join(out, 'workbook.xlsx'));
    const r = await runSeeds(out, '--format', 'csv,quotes,xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/workbook\.xlsx\[alignments\]: row \d+: status "maybe", expected auto, confirmed or rejected/);
    expect(r.stderr).toMatch(/polyalign will not overwrite it/);
    expect(Buffer.compare(readFileSync(join(out, 'workbook.xlsx')), before)).toBe(0);
  });

  it('when alignments.csv and the workbook were both edited and disagree, the file saved last is in force and the disagreement is said', async () => {
    for (const newer of ['workbook', 'csv'] as const) {
      const out = copyOut(`both-${newer}`);
      const csvRows = readRows(join(out, 'alignments.csv'));
      const target = csvRows.find(grouped)!;
      const row = await editWorkbook(join(out, 'workbook.xlsx'), 'alignments', 'status', 'confirmed', sameLink(target));
      const csvText = readFileSync(join(out, 'alignments.csv'), 'utf8');
      const lines = csvText.split('\r\n');
      const at = csvRows.indexOf(target) + 1;
      lines[at] = lines[at]!.replace(',auto,', ',rejected,');
      writeFileSync(join(out, 'alignments.csv'), lines.join('\r\n'));
      const [old, recent] = newer === 'workbook' ? ['alignments.csv', 'workbook.xlsx'] : ['workbook.xlsx', 'alignments.csv'];
      utimesSync(join(out, old), new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:00:00Z'));
      utimesSync(join(out, recent), new Date('2026-01-01T11:00:00Z'), new Date('2026-01-01T11:00:00Z'));
      const r = await runSeeds(out, '--format', 'csv,quotes,xlsx');
      expect(r.code, r.stderr).toBe(0);
      const said = r.stdout + r.stderr;
      expect(said).toMatch(new RegExp(`review: conflict: .*alignments\\.csv and .*workbook\\.xlsx were both edited and disagree; .*${recent.replace('.', '\\.')}, saved last, is in force \\(${newer === 'workbook' ? 'confirmed' : 'rejected'}\\)`));
      expect(readRows(join(out, 'alignments.csv')).find(sameLink(row))?.status).toBe(newer === 'workbook' ? 'confirmed' : 'rejected');
      // both decisions are in the store, the newer last
      const store = readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(store.map((d) => d.status)).toEqual(newer === 'workbook' ? ['rejected', 'confirmed'] : ['confirmed', 'rejected']);
      const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
      expect(manifest.review.conflicts.some((c: string) => /were both edited and disagree/.test(c))).toBe(true);
    }
  });

  it('a run with --format csv keeps the workbook\'s record, so a later edit of the old workbook is still read', async () => {
    const out = copyOut('keep-record');
    const before = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    const r = await runSeeds(out, '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(after.outputHashes['workbook.xlsx']).toBe(before.outputHashes['workbook.xlsx']);
    const row = await editWorkbook(join(out, 'workbook.xlsx'), 'alignments', 'status', 'rejected', grouped);
    const again = await runSeeds(out, '--format', 'csv,xlsx');
    expect(again.code, again.stderr).toBe(0);
    expect(readRows(join(out, 'alignments.csv')).find(sameLink(row))?.status).toBe('rejected');
  });
});
