import { describe, expect, it } from 'vitest';
import { parallelCsv } from '../../src/export/parallel-csv.ts';
import { DOCS, runResult } from '../fixtures/export/run-result.ts';
import { BOM, readCsv, readCsvObjects } from './read-csv.ts';

describe('parallel.csv', () => {
  const csv = parallelCsv(runResult());

  it('heads document columns by language, with the file name when two documents share it', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(readCsv(csv).header).toEqual([
      'group_id', 'docs', 'score', 'bs', 'mk', `da:${DOCS.da}`, `da:${DOCS.da2}`,
      'bs linked', 'mk linked', `da:${DOCS.da} linked`, `da:${DOCS.da2} linked`,
      'bs confidence', 'mk confidence', `da:${DOCS.da} confidence`, `da:${DOCS.da2} confidence`,
      'bs kind', 'mk kind', `da:${DOCS.da} kind`, `da:${DOCS.da2} kind`,
    ]);
  });

  it('uses the bare language code when every document has its own language', () => {
    const result = runResult();
    result.documents[3]!.lang = { ...result.documents[3]!.lang, code: 'sl' };
    expect(readCsv(parallelCsv(result)).header.slice(3, 7)).toEqual(['bs', 'mk', 'da', 'sl']);
  });

  it('writes one row per group, sorted by id, with document count, score and span texts', () => {
    const rows = readCsvObjects(csv);
    expect(rows.map((r) => r.group_id)).toEqual(['g0001', 'g0002', 'g0003']);
    expect(rows.map((r) => r.docs)).toEqual(['4', '3', '3']);
    expect(rows[0]!.score).toBe('0.8354');
    expect(rows[0]!.mk).toBe('Ким Џонг Ун во среда пристигна во Пекинг.');
    expect(rows[2]![`da:${DOCS.da}`]).toBe('Det var koldt i Pyongyang. Termometret viste\nminus fem grader.');
  });

  it('says for each cell to how many of the other members a link ties it directly', () => {
    const result = runResult();
    const rows = readCsvObjects(parallelCsv(result));
    for (const [i, g] of [...result.groups].sort((a, b) => (a.id < b.id ? -1 : 1)).entries()) {
      for (const s of g.spans) {
        const heading = result.documents.filter((d) => d.lang.code === result.documents.find((x) => x.doc.id === s.doc)!.lang.code).length > 1 ? `da:${s.doc}` : result.documents.find((x) => x.doc.id === s.doc)!.lang.code;
        const direct = g.links.filter((l) => [l.src, l.tgt].some((x) => x.doc === s.doc && x.first === s.first && x.last === s.last)).length;
        expect(rows[i]![`${heading} linked`], `${g.id} ${s.doc}`).toBe(String(direct));
      }
    }
    expect(rows.find((r) => r.group_id === 'g0002')![`da:${DOCS.da2} linked`]).toBe('');
  });

  it('leaves the cell empty for a document the group lacks', () => {
    const g2 = readCsvObjects(csv).find((r) => r.group_id === 'g0002')!;
    expect(g2[`da:${DOCS.da2}`]).toBe('');
    expect(g2.bs).toBe('Putin je rekao: "Odnosi su, kako je naveo, odlični."');
  });
});
