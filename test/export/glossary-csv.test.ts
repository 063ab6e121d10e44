import { describe, expect, it } from 'vitest';
import { glossaryCsv } from '../../src/export/glossary-csv.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { BOM, readCsv, readCsvObjects } from './read-csv.ts';

describe('glossary.csv', () => {
  const csv = glossaryCsv(runResult());

  it('has one column per language in document order between the fixed columns', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(readCsv(csv).header).toEqual(['entry_id', 'type', 'status', 'canonical', 'bs', 'mk', 'da', 'mentions', 'docs', 'example']);
  });

  it('writes one row per entry sorted by id, variants most frequent first', () => {
    const rows = readCsvObjects(csv);
    expect(rows.map((r) => r.entry_id)).toEqual(['e0001', 'e0002', 'e0003']);
    expect(rows[0]).toMatchObject({
      type: 'person',
      canonical: 'Kim Jong-un',
      bs: 'Kim Jong-un',
      mk: 'Ким Џонг Ун',
      da: 'Kim Jong Un | Kim Jong-Un',
      mentions: '4',
      docs: '4',
      example: 'Kim Jong-un je u srijedu stigao u Peking.',
    });
  });

  it('leaves languages without a variant empty', () => {
    expect(readCsvObjects(csv)[2]).toMatchObject({ entry_id: 'e0003', type: 'organisation', bs: '', mk: 'КЦНА', da: '', docs: '1' });
  });

  it('adds a column for a language only the glossary uses, after the document languages', () => {
    const result = runResult();
    result.glossary[0]!.variants['en'] = [{ form: 'Pyongyang', count: 1 }];
    expect(readCsv(glossaryCsv(result)).header.slice(4, 8)).toEqual(['bs', 'mk', 'da', 'en']);
  });

  it("writes a reviewer's status: empty while undecided, keep, and reject for a rejected entry listed in id order", () => {
    const result = runResult();
    const byId = (id: string) => result.glossary.find((e) => e.id === id)!;
    const [first, second, third] = [byId('e0001'), byId('e0002'), byId('e0003')];
    result.glossary = [third, { ...first, status: 'keep', canonical: 'Kim Jong Un' }];
    result.rejectedGlossary = [{ ...second, status: 'reject' }];
    const rows = readCsvObjects(glossaryCsv(result));
    expect(rows.map((r) => [r.entry_id, r.status])).toEqual([
      ['e0001', 'keep'],
      ['e0002', 'reject'],
      ['e0003', ''],
    ]);
    expect(rows[0]!.canonical).toBe('Kim Jong Un');
  });
});
