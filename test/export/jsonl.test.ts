import { describe, expect, it } from 'vitest';
import { alignmentsCsv } from '../../src/export/alignments-csv.ts';
import { alignmentsJsonl } from '../../src/export/jsonl.ts';
import { ACCEPTED_LINKS, DOCS, runResult } from '../fixtures/export/run-result.ts';
import { readCsvObjects } from './read-csv.ts';

describe('alignments.jsonl', () => {
  const text = alignmentsJsonl(runResult());
  const lines = text.split('\n');
  const records = lines.filter((l) => l !== '').map((l) => JSON.parse(l));

  it('has one JSON object per accepted link, one per line, ending with a newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(records).toHaveLength(ACCEPTED_LINKS);
  });

  it('writes spans as {doc, lang, first, last, text} in that key order', () => {
    const merge = records.find((r) => r.src.doc === DOCS.bs && r.tgt.doc === DOCS.da && r.src.first === 2);
    expect(merge).toEqual({
      group_id: 'g0003',
      score: 0.71,
      margin: 1.1,
      confidence: 0.5,
      kind: 'equivalent',
      method: 'ordered',
      status: 'auto',
      src: { doc: DOCS.bs, lang: 'bs', first: 2, last: 2, text: '-5 stepeni izmjereno je u Pjongjangu.' },
      tgt: { doc: DOCS.da, lang: 'da', first: 2, last: 3, text: 'Det var koldt i Pyongyang. Termometret viste\nminus fem grader.' },
    });
    expect(Object.keys(merge.src)).toEqual(['doc', 'lang', 'first', 'last', 'text']);
  });

  it('keeps text as it is (no spreadsheet escaping) and null for a link in no group', () => {
    const outside = records.find((r) => r.src.doc === DOCS.da && r.src.first === 1);
    expect(outside.group_id).toBeNull();
    expect(outside.score).toBe(-0.0123);
    expect(outside.tgt.text).toBe('+45 er ikke et telefonnummer her.');
  });

  it('is in the same order as alignments.csv', () => {
    const csvRows = readCsvObjects(alignmentsCsv(runResult()));
    expect(records.map((r) => `${r.src.doc} ${r.tgt.doc} ${r.src.first} ${r.tgt.first}`)).toEqual(
      csvRows.map((r) => `${r.src_doc} ${r.tgt_doc} ${r.src_sent.split('-')[0]} ${r.tgt_sent.split('-')[0]}`),
    );
  });
});
