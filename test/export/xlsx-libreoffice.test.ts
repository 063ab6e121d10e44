// workbook.xlsx through LibreOffice: converted to .ods and back to .xlsx by `soffice --headless`, it
// keeps every sheet, row and cell text, and the file that comes back is still read as the same
// decisions. Each soffice call gets its own profile folder (and HOME), so tests running in parallel do
// not share LibreOffice's user installation, which it locks.

import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, parseWorkbookDecisions } from '../../src/review/workbook.ts';
import { ROOT, runCliAsync } from '../helpers/run-cli.ts';
import { tmpPath } from '../helpers/tmp.ts';
import { haveSoffice } from '../helpers/tools.ts';
import { soffice } from '../helpers/libreoffice.ts';

const hasSoffice = haveSoffice('the LibreOffice round trip of workbook.xlsx');

/** `soffice --headless --convert-to <to>` of one file into `outDir` (asynchronously, with a profile of its own); returns the new file. */
async function convert(file: string, to: 'ods' | 'xlsx', outDir: string): Promise<string> {
  await soffice([file], to, outDir);
  const made = join(outDir, basename(file).replace(/\.[^.]+$/, `.${to}`));
  expect(() => readFileSync(made), `soffice wrote no ${made}`).not.toThrow();
  return made;
}

async function texts(file: string): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const out: Record<string, string[][]> = {};
  for (const sheet of wb.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells = Array.from({ length: sheet.columnCount }, (_, c) => cellText(row.getCell(c + 1).value));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      rows.push(cells);
    });
    out[sheet.name] = rows;
  }
  return out;
}

describe.skipIf(!hasSoffice)('workbook.xlsx through LibreOffice', () => {
  let original: string;
  let back: string;
  beforeAll(async () => {
    const out = tmpPath('xlsx-lo');
    const r = await runCliAsync(['run', join(ROOT, 'seeds'), '-o', out, '--embedder', 'lexical', '--format', 'csv,quotes,xlsx']);
    expect(r.code, r.stderr).toBe(0);
    original = join(out, 'workbook.xlsx');
    // a reviewer's decisions in it, so that there are decisions to compare after the round trip
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(original) as unknown as ExcelJS.Buffer);
    wb.getWorksheet('alignments')!.getCell('G2').value = 'rejected';
    wb.getWorksheet('alignments')!.getCell('G3').value = 'confirmed';
    wb.getWorksheet('glossary')!.getCell('C2').value = 'reject';
    await wb.xlsx.writeFile(original);
    const ods = join(out, '..', 'ods');
    const xlsx = join(out, '..', 'back');
    mkdirSync(ods);
    mkdirSync(xlsx);
    back = await convert(await convert(original, 'ods', ods), 'xlsx', xlsx);
  }, 300_000);

  it('loses no sheet, row or cell text in .xlsx → .ods → .xlsx', async () => {
    const before = await texts(original);
    const after = await texts(back);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) {
      expect(after[name]!.length, name).toBe(before[name]!.length);
      expect(after[name], name).toEqual(before[name]);
    }
  });

  it('comes back as the same decisions, and numbers as numbers', async () => {
    const options = { at: '2026-01-01T00:00:00.000Z' };
    const strip = (p: Awaited<ReturnType<typeof parseWorkbookDecisions>>) => p.map((s) => ({ ...s, links: s.links.map(({ source: _, ...d }) => d), entries: s.entries.map(({ source: _, ...d }) => d), quotes: s.quotes.map(({ source: _, ...d }) => d) }));
    const a = await parseWorkbookDecisions(readFileSync(original), 'a.xlsx', options);
    const b = await parseWorkbookDecisions(readFileSync(back), 'a.xlsx', options);
    expect(a.flatMap((s) => [...s.links, ...s.entries])).toHaveLength(3);
    expect(strip(b)).toEqual(strip(a));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(back) as unknown as ExcelJS.Buffer);
    expect(typeof wb.getWorksheet('alignments')!.getCell('B2').value).toBe('number');
    expect(wb.getWorksheet('alignments')!.getCell('G3').dataValidation).toMatchObject({ type: 'list', formulae: expect.arrayContaining(['"auto,confirmed,rejected"']) });
  });
});
