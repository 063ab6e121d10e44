import { describe, expect, it } from 'vitest';
import { parallelCsv } from '../../src/export/parallel-csv.ts';
import { DOCS, runResult } from '../fixtures/export/run-result.ts';
import { BOM, readCsv, readCsvObjects } from './read-csv.ts';

describe('parallel.csv', () => {
  const csv = parallelCsv(runResult());

  it('heads document columns by language, with the file name when two documents share it', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(readCsv(csv).header).toEqual(['group_id', 'docs', 'score', 'bs', 'mk', `da:${DOCS.da}`, `da:${DOCS.da2}`]);
  });

  it('uses the bare language code when every document has its own language', () => {
    const result = runResult();
    result.documents[3]!.lang = { ...result.documents[3]!.lang, code: 'sl' };
    expect(readCsv(parallelCsv(result)).header.slice(3)).toEqual(['bs', 'mk', 'da', 'sl']);
  });

  it('writes one row per group, sorted by id, with document count, score and span texts', () => {
    const rows = readCsvObjects(csv);
    expect(rows.map((r) => r.group_id)).toEqual(['g0001', 'g0002', 'g0003']);
    expect(rows.map((r) => r.docs)).toEqual(['4', '3', '3']);
    expect(rows[0]!.score).toBe('0.8354');
    expect(rows[0]!.mk).toBe('Ким Џонг Ун во среда пристигна во Пекинг.');
    expect(rows[2]![`da:${DOCS.da}`]).toBe('Det var koldt i Pyongyang. Termometret viste\nminus fem grader.');
  });

  it('leaves the cell empty for a document the group lacks', () => {
    const g2 = readCsvObjects(csv).find((r) => r.group_id === 'g0002')!;
    expect(g2[`da:${DOCS.da2}`]).toBe('');
    expect(g2.bs).toBe('Putin je rekao: "Odnosi su, kako je naveo, odlični."');
  });
});
