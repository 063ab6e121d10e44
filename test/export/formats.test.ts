import { describe, expect, it } from 'vitest';
import { ALL_FORMATS, FORMATS, NAMED_FORMATS, OUTPUT_NAMES, parseFormats } from '../../src/export/formats.ts';
import { PolyalignError } from '../../src/errors.ts';

describe('formats table', () => {
  it('maps each format to the files it writes', () => {
    const names = Object.fromEntries(ALL_FORMATS.map((f) => [f, FORMATS[f].map((o) => o.name)]));
    expect(names).toEqual({
      csv: ['sentences.csv', 'alignments.csv', 'parallel.csv', 'glossary.csv'],
      tmx: ['corpus.tmx'],
      tbx: ['glossary.tbx'],
      jsonl: ['alignments.jsonl'],
      html: ['review.html'],
      quotes: ['quotes.csv', 'quotes.jsonl'],
    });
    expect(NAMED_FORMATS.xlsx.map((o) => o.name)).toEqual(['workbook.xlsx']);
    expect(OUTPUT_NAMES.has('run.json')).toBe(true);
    expect(OUTPUT_NAMES.has('workbook.xlsx')).toBe(true);
    expect(OUTPUT_NAMES.size).toBe(12);
  });
});

describe('parseFormats', () => {
  it('reads a comma list in table order, without repeats, tolerating spaces and case', () => {
    expect(parseFormats('tmx,csv')).toEqual(['csv', 'tmx']);
    expect(parseFormats(' JSONL , tmx,tmx')).toEqual(['tmx', 'jsonl']);
    expect(parseFormats('all')).toEqual(['csv', 'tmx', 'tbx', 'jsonl', 'html', 'quotes']);
  });

  it('takes xlsx by name only: it is not part of all', () => {
    expect(parseFormats('xlsx')).toEqual(['xlsx']);
    expect(parseFormats('xlsx,all')).toEqual(['csv', 'tmx', 'tbx', 'jsonl', 'html', 'quotes', 'xlsx']);
  });

  it('rejects an unknown name with usage.invalid-option listing the valid names', () => {
    let error: unknown;
    try {
      parseFormats('csv,ods');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolyalignError);
    expect((error as PolyalignError).code).toBe('usage.invalid-option');
    expect((error as PolyalignError).exitCode).toBe(2);
    expect((error as PolyalignError).message).toMatch(/"ods".*csv, tmx, tbx, jsonl, html, quotes, xlsx, tmx-pairs, tmx-quotes, tbx-pairs, glossary-pairs \(or all, which is all but xlsx, tmx-pairs, tmx-quotes, tbx-pairs, glossary-pairs\)/);
  });

  it('rejects an empty name', () => {
    expect(() => parseFormats('csv,')).toThrow(/empty name/);
    expect(() => parseFormats('')).toThrow(PolyalignError);
  });
});
