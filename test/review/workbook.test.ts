// workbook.xlsx as a decisions file (src/review/workbook.ts): sheets read into the CSV parser's table,
// on workbooks built here with exceljs the way a spreadsheet may save them.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, isWorkbook, parseWorkbookDecisions, readWorkbookTables } from '../../src/review/workbook.ts';
import { linkRowKey } from '../../src/review/decision.ts';

const A = '000_a.txt';
const B = '001_b.txt';
const at = '2026-01-01T00:00:00.000Z';

async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => (sheet.getCell(r + 1, c + 1).value = v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const LINK_HEADER = ['group_id', 'score', 'status', 'src_doc', 'src_sent', 'src_text', 'tgt_doc', 'tgt_sent', 'tgt_text'];

describe('cellText', () => {
  it('gives the text a CSV cell would hold', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12)).toBe('12');
    expect(cellText(0.5663)).toBe('0.5663');
    expect(cellText({ richText: [{ text: 'Re' }, { text: 'jected' }] })).toBe('Rejected');
    expect(cellText({ formula: 'LOWER("REJECTED")', result: 'rejected' } as ExcelJS.CellFormulaValue)).toBe('rejected');
    expect(cellText({ text: 'a.txt', hyperlink: 'file:///a.txt' })).toBe('a.txt');
    expect(cellText(true)).toBe('true');
  });
});

describe('isWorkbook', () => {
  it('knows a workbook by its name only: a binary .csv is for the CSV reader to refuse', () => {
    expect(isWorkbook('out/workbook.XLSX')).toBe(true);
    expect(isWorkbook('edited.csv')).toBe(false);
  });
});

describe('parseWorkbookDecisions', () => {
  it('reads the alignments sheet as alignments.csv: case, rich text, numbers and empty rows as a spreadsheet leaves them', async () => {
    const bytes = await workbook({
      alignments: [
        LINK_HEADER.map((h) => h.toUpperCase()),
        ['g0001', 0.9, 'Rejected', A, 0, 'Kim je stigao.', B, 0, 'Kim ankom.'],
        [],
        ['g0002', 0.8, { richText: [{ text: 'confirmed' }] }, A, 1, 'Padao je snijeg.', B, 1, 'Det sneede.'],
        ['g0003', 0.7, 'auto', A, 2, 'Bilo je hladno.', B, 2, 'Det var koldt.'],
      ],
      parallel: [['group_id', 'docs'], ['g0001', 2]],
    });
    const [links, ...rest] = await parseWorkbookDecisions(bytes, 'out/workbook.xlsx', { at, knownDocs: [A, B] });
    expect(rest).toEqual([]);
    expect(links!.kind).toBe('links');
    expect(links!.links).toEqual([
      { kind: 'link', status: 'rejected', src: { doc: A, text: 'Kim je stigao.', sent: '0' }, tgt: { doc: B, text: 'Kim ankom.', sent: '0' }, source: 'out/workbook.xlsx[alignments]', at },
      { kind: 'link', status: 'confirmed', src: { doc: A, text: 'Padao je snijeg.', sent: '1' }, tgt: { doc: B, text: 'Det sneede.', sent: '1' }, source: 'out/workbook.xlsx[alignments]', at },
    ]);
  });

  it('reads an edited kind in the alignments sheet, its sentence numbers number cells, and names the sheet of a bad one', async () => {
    const header = ['group_id', 'kind', 'status', 'src_doc', 'src_sent', 'src_text', 'tgt_doc', 'tgt_sent', 'tgt_text'];
    const bytes = await workbook({
      alignments: [
        header,
        ['g0001', 'related', 'auto', A, 0, 'Kim je stigao.', B, 0, 'Kim ankom.'], // written equivalent
        ['g0002', 'related', 'auto', A, 1, 'Padao je snijeg.', B, 1, 'Det sneede.'], // written related: as it was
        ['g0003', 'Equivalent', 'auto', A, 2, 'Bilo je hladno.', B, 2, 'Det var koldt.'],
      ],
    });
    const relatedBefore = [linkRowKey(A, '1', B, '1'), linkRowKey(A, '2', B, '2')];
    const [links] = await parseWorkbookDecisions(bytes, 'out/workbook.xlsx', { at, relatedBefore });
    expect(links!.links.map((d) => [d.src.sent, d.status, d.linkKind])).toEqual([
      ['0', 'confirmed', 'related'],
      ['2', 'confirmed', 'equivalent'],
    ]);
    const bad = await workbook({ alignments: [header, ['g0001', 'similar', 'auto', A, 0, 'x', B, 0, 'y']] });
    await expect(parseWorkbookDecisions(bad, 'out/workbook.xlsx', { at, relatedBefore })).rejects.toThrow(/^out\/workbook\.xlsx\[alignments\]: row 2: kind "similar", expected equivalent or related$/);
  });

  it('reads every decision sheet it has, by name, and refuses a workbook with none', async () => {
    const bytes = await workbook({
      Glossary: [['entry_id', 'type', 'status', 'canonical', 'bs', 'da', 'mentions'], ['e0001', 'person', 'keep', 'Kim Jong Un', 'Kim Jong-un', 'Kim Jong-un', 3]],
      alignments: [LINK_HEADER],
    });
    const parsed = await parseWorkbookDecisions(bytes, 'w.xlsx', { at });
    expect(parsed.map((p) => p.kind)).toEqual(['glossary', 'links']);
    expect(parsed[0]!.entries).toEqual([expect.objectContaining({ status: 'keep', canonical: 'Kim Jong Un', variants: ['Kim Jong-un'], source: 'w.xlsx[glossary]' })]);
    await expect(parseWorkbookDecisions(await workbook({ Sheet1: [['a']] }), 'w.xlsx', { at })).rejects.toMatchObject({ code: 'review.invalid', message: /w\.xlsx: has none of the sheets alignments, glossary, quotes/ });
  });

  it('names the sheet and row of a status it does not know, and refuses what is not a workbook', async () => {
    const bytes = await workbook({ alignments: [LINK_HEADER, ['g0001', 0.9, 'maybe', A, 0, 'x', B, 0, 'y']] });
    await expect(parseWorkbookDecisions(bytes, 'w.xlsx', { at })).rejects.toThrow(/w\.xlsx\[alignments\]: row 2: status "maybe", expected auto, confirmed or rejected/);
    await expect(readWorkbookTables(Buffer.from('status,src_doc\n'), 'w.xlsx')).rejects.toMatchObject({ code: 'review.invalid', message: /w\.xlsx: is not a readable \.xlsx workbook/ });
    const wide = await workbook({ alignments: [LINK_HEADER, ['g0001', 0.9, 'auto', A, 0, 'x', B, 0, 'y', 'a note']] });
    await expect(parseWorkbookDecisions(wide, 'w.xlsx', { at })).rejects.toThrow(/row 2 has a cell to the right of the last column \(tgt_text\)/);
  });
});
