import { describe, expect, it } from 'vitest';
import { csvRows, parseCsvDelimiter, round4, toCsv } from '../../src/export/csv.ts';
import { PolyalignError } from '../../src/errors.ts';
import { BOM, readCsv } from './read-csv.ts';

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', '2']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });

  it('round-trips quotes, commas, line breaks and Cyrillic', () => {
    const tricky = ['Putin je rekao: "Odnosi su, kako je naveo, odlični."', 'Termometret viste\nminus fem grader.', 'Ким Џонг Ун, „Односите“', 'line\r\nbreak'];
    const csv = toCsv(['text'], tricky.map((t) => [t]));
    expect(csv).toContain('"Putin je rekao: ""Odnosi su, kako je naveo, odlični."""');
    expect(readCsv(csv).rows.map((r) => r[0])).toEqual(tricky);
  });

  it("escapes formula-looking strings with a leading ' (=, +, -, @, tab, CR)", () => {
    const cells = ['=SUM(A1)', '+45 er ikke', '-5 stepeni', '@kremlin', '\tx', '\rx', 'SUM=1'];
    const { rows } = readCsv(toCsv(['c'], cells.map((c) => [c])));
    expect(rows.map((r) => r[0])).toEqual(["'=SUM(A1)", "'+45 er ikke", "'-5 stepeni", "'@kremlin", "'\tx", "'\rx", 'SUM=1']);
  });

  it('writes ; with decimal commas for spreadsheets in our languages, numbers still unescaped, text with ; quoted', () => {
    const semi = parseCsvDelimiter(';');
    expect(semi).toEqual({ delimiter: ';', decimal: ',' });
    const csv = toCsv(['score', 'text'], [[-0.0123, 'a; b'], [12, '-5 stepeni'], [0.5, '1.5']], semi);
    expect(csv).toBe(`${BOM}score;text\r\n-0,0123;"a; b"\r\n12;'-5 stepeni\r\n0,5;1.5\r\n`);
    expect(csvRows(2, [[0.25, 'x']], semi)).toBe('0,25;x\r\n');
    expect(toCsv(['a', 'b'], [[0.5, 'x']], parseCsvDelimiter('tab'))).toBe(`${BOM}a\tb\r\n0.5\tx\r\n`);
    expect(parseCsvDelimiter(',')).toEqual({ delimiter: ',', decimal: '.' });
    expect(() => parseCsvDelimiter('|')).toThrow(/--csv-delimiter "\|": expected ,/);
  });

  it('leaves numbers alone, negative ones included', () => {
    const csv = toCsv(['score', 'start'], [[-0.0123, 0], [0.5, 12]]);
    expect(csv).toBe(`${BOM}score,start\r\n-0.0123,0\r\n0.5,12\r\n`);
  });

  it('escapes a formula-looking header too', () => {
    expect(readCsv(toCsv(['=cmd', 'b'], [])).header).toEqual(["'=cmd", 'b']);
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(PolyalignError);
  });
});

describe('round4', () => {
  it('rounds to 4 decimals and never prints -0', () => {
    expect(round4(0.91237)).toBe(0.9124);
    expect(round4(-0.01234)).toBe(-0.0123);
    expect(Object.is(round4(-0.00001), 0)).toBe(true);
  });
});
