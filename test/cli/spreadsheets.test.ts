// polyalign's CSV files in a real spreadsheet program: LibreOffice opens each one, saves it as .ods,
// and saves that as CSV again; every row and every character must come back (numbers as numbers).
// With --csv-delimiter ';' a spreadsheet set to Danish splits the columns and reads the decimal
// commas as numbers, and the review import reads the file LibreOffice saved.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/run-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { csvFilter, csvTarget, soffice } from '../helpers/libreoffice.ts';
import { haveSoffice } from '../helpers/tools.ts';

const SEEDS = new URL('../../seeds', import.meta.url).pathname;
const hasLibreOffice = haveSoffice('the LibreOffice round trips of the CSV files');
const runs = hasLibreOffice || Boolean(process.env.CI);

function table(file: string, delimiter: ',' | ';'): string[][] {
  return parse(readFileSync(file, 'utf8'), { bom: true, delimiter, relax_column_count: false }) as string[][];
}

/** A cell as a spreadsheet holds it: a number by its value (`0.50` and `0.5` alike, `0,5` under a decimal comma), text as it is. */
function cellValue(cell: string, decimal: '.' | ','): string {
  const plain = decimal === ',' ? cell.replace(',', '.') : cell;
  return /^-?\d+(\.\d+)?$/.test(plain) ? String(Number(plain)) : cell;
}

function expectSameTable(original: string[][], back: string[][], decimal: '.' | ',', name: string): void {
  expect(back.length, `${name}: rows`).toBe(original.length);
  original.forEach((row, i) => {
    expect(back[i]!.map((c) => cellValue(c, decimal)), `${name}: row ${i + 1}`).toEqual(row.map((c) => cellValue(c, decimal)));
  });
}

describe.skipIf(!runs)('the CSV files in LibreOffice Calc', () => {
  const root = tmpDir('spreadsheets');
  const out = join(root, 'out');
  const semi = join(root, 'semi');

  beforeAll(async () => {
    const a = await runCliAsync(['run', SEEDS, '-o', out, '--format', 'all,glossary-pairs', '-q']);
    expect(a.code, a.stderr).toBe(0);
    const b = await runCliAsync(['run', SEEDS, '-o', semi, '--format', 'csv,quotes', '--csv-delimiter', ';', '--locales', 'bs=bs-BA,da=da-DK,sl=sl-SI,ro=ro-RO,mk=mk-MK', '-q']);
    expect(b.code, b.stderr).toBe(0);
  }, 120_000);

  it('opens every CSV, saves it as .ods and back, and loses no row and no character', async () => {
    const csvs = readdirSync(out).filter((n) => n.endsWith('.csv')).sort();
    expect(csvs).toEqual(expect.arrayContaining(['alignments.csv', 'glossary.csv', 'parallel.csv', 'quotes.csv', 'sentences.csv', 'glossary.bs_da.csv']));
    const ods = join(root, 'ods');
    const back = join(root, 'back');
    mkdirSync(ods);
    mkdirSync(back);
    await soffice(csvs.map((n) => join(out, n)), 'ods', ods, csvFilter(','));
    await soffice(csvs.map((n) => join(ods, n.replace(/\.csv$/, '.ods'))), csvTarget(','), back);
    for (const name of csvs) expectSameTable(table(join(out, name), ','), table(join(back, name), ','), '.', name);
  }, 300_000);

  it("with --csv-delimiter ';': Calc set to Danish splits the columns, reads the decimal commas as numbers, and the review import reads what it saved", async () => {
    const file = join(semi, 'alignments.csv');
    const original = table(file, ';');
    expect(original[0]!.length).toBe(15);
    expect(original[1]![1]).toMatch(/^0,\d+$/);
    const ods = join(root, 'semi-ods');
    mkdirSync(ods);
    await soffice([file, join(semi, 'parallel.csv'), join(semi, 'glossary.csv')], 'ods', ods, csvFilter(';', 1030));
    // the score of the first link is a number cell in the sheet, with its value
    const content = execFileSync('unzip', ['-p', join(ods, 'alignments.ods'), 'content.xml'], { encoding: 'utf8' });
    expect(content).toContain(`office:value-type="float" office:value="${original[1]![1]!.replace(',', '.')}"`);
    const glossaryHeader = table(join(semi, 'glossary.csv'), ';')[0]!;
    expect(glossaryHeader).toEqual(expect.arrayContaining(['bs-BA', 'sl-SI', 'ro-RO', 'mk-MK', 'da-DK']));

    // a reviewer rejects the first link in Calc and saves as CSV (semicolons): the next run applies it
    const saved = join(root, 'semi-back');
    mkdirSync(saved);
    await soffice([join(ods, 'alignments.ods')], csvTarget(';'), saved);
    const rows = table(join(saved, 'alignments.csv'), ';');
    expectSameTable(original, rows, ',', 'alignments.csv (;)');
    const status = rows[0]!.indexOf('status');
    rows[1]![status] = 'rejected';
    const edited = join(root, 'edited.csv');
    writeFileSync(edited, rows.map((r) => r.map((c) => (/[;"\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\n') + '\n');
    const r = await runCliAsync(['run', SEEDS, '-o', semi, '--csv-delimiter', ';', '--review', edited]);
    expect(r.code, r.stderr).toBe(0);
    const after = table(file, ';');
    const at = (row: string[]) => `${row[7]}|${row[9]}|${row[11]}|${row[13]}`;
    const rejected = after.find((row) => at(row) === at(rows[1]!));
    expect(rejected?.[status] ?? 'gone').toMatch(/rejected|gone/);
    expect(after.filter((row) => row[status] === 'auto').some((row) => at(row) === at(rows[1]!))).toBe(false);
  }, 300_000);
});
