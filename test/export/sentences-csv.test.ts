import { describe, expect, it } from 'vitest';
import { SENTENCES_HEADER, sentencesCsv } from '../../src/export/sentences-csv.ts';
import { DOCS, runResult } from '../fixtures/export/run-result.ts';
import { BOM, readCsv, readCsvObjects } from './read-csv.ts';

describe('sentences.csv', () => {
  const result = runResult();
  const csv = sentencesCsv(result);

  it('has a BOM, the header and one row per sentence with six columns', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const { header, rows } = readCsv(csv);
    expect(header).toEqual(SENTENCES_HEADER);
    expect(rows).toHaveLength(result.documents.reduce((n, d) => n + d.sentences.length, 0));
  });

  it('sorts by document then sentence, even when the run lists them otherwise', () => {
    const shuffled = runResult();
    shuffled.documents.reverse();
    shuffled.documents[0]!.sentences.reverse();
    expect(sentencesCsv(shuffled)).toBe(csv);
    const keys = readCsvObjects(csv).map((r) => `${r.doc}#${r.sent}`);
    expect(keys.slice(0, 5)).toEqual([`${DOCS.bs}#0`, `${DOCS.bs}#1`, `${DOCS.bs}#2`, `${DOCS.bs}#3`, `${DOCS.mk}#0`]);
  });

  it('gives offsets that point at the sentence in the document text', () => {
    for (const row of readCsvObjects(csv)) {
      const doc = result.documents.find((d) => d.doc.id === row.doc)!;
      const original = doc.doc.text.slice(Number(row.start), Number(row.end));
      // The one formula-looking sentence comes back with its protective quote.
      expect(row.text.replace(/^'(?=[-+=@])/, '')).toBe(original);
    }
  });

  it('keeps a line break inside a sentence and escapes formula-looking text', () => {
    const rows = readCsvObjects(csv);
    expect(rows.find((r) => r.doc === DOCS.da && r.sent === '3')!.text).toBe('Termometret viste\nminus fem grader.');
    expect(rows.find((r) => r.doc === DOCS.bs && r.sent === '3')!.text).toBe("'=SUM(A1) nije formula, nego tekst.");
    expect(rows.find((r) => r.doc === DOCS.bs && r.sent === '2')!.text).toBe("'-5 stepeni izmjereno je u Pjongjangu.");
  });
});
