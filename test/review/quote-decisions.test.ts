// quotes.csv as a decisions file: the rows of one quote_id confirmed together, a row rejected from the
// rest of its quote, a quote moved by its quote_id, conflicts and bad rows named; the store keeps
// quote decisions and reads them back.

import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv.ts';
import { QUOTES_HEADER } from '../../src/export/quotes.ts';
import { parseDecisions, parseStore, serialiseStore } from '../../src/review/index.ts';

const AT = '2026-12-07T00:00:00.000Z';
const row = (id: string, doc: string, text: string, status: string, sent = '1') => [id, 'speech', 'Vladimir Putin', 'e0002', doc, doc.slice(0, 2), sent, 0, text.length, text, 0.9, status];
const parse = (rows: Array<ReturnType<typeof row>>, knownDocs?: string[]) => parseDecisions(toCsv(QUOTES_HEADER, rows), 'quotes.csv', { at: AT, ...(knownDocs ? { knownDocs } : {}) });
const pairs = (r: ReturnType<typeof parse>) => r.quotes.map((d) => `${d.status} ${d.src.doc}:${d.src.text} ~ ${d.tgt.doc}:${d.tgt.text}`).sort();

describe('quote decisions from quotes.csv', () => {
  it('confirms the confirmed rows of a quote_id as one quote, and rejects a rejected row from every other row of it', () => {
    const r = parse([
      row('Q001', 'bs.txt', 'hrabri', 'confirmed'),
      row('Q001', 'da.txt', 'modige', 'confirmed'),
      row('Q001', 'sl.txt', 'skupaj stojita', 'rejected'),
      row('Q002', 'ro.txt', 'curaj și eroism', 'auto'),
      row('Q002', 'mk.txt', 'храбро', ''),
    ]);
    expect(r.kind).toBe('quotes');
    expect(pairs(r)).toEqual([
      'confirmed bs.txt:hrabri ~ da.txt:modige',
      'rejected sl.txt:skupaj stojita ~ bs.txt:hrabri',
      'rejected sl.txt:skupaj stojita ~ da.txt:modige',
    ]);
  });

  it('moves a quote to another group when its quote_id is changed and it is confirmed there', () => {
    const r = parse([row('Q003', 'bs.txt', 'hrabro i herojski', 'confirmed'), row('Q003', 'ro.txt', 'curaj și eroism', 'confirmed'), row('Q003', 'da.txt', 'modigt og heroisk', 'auto')]);
    expect(pairs(r)).toEqual(['confirmed bs.txt:hrabro i herojski ~ ro.txt:curaj și eroism']);
  });

  it("takes the formula guard off a document's name, and names unknown documents, empty cells and two confirmed rows of one document", () => {
    const guarded = parse([row('Q1', '-bs.txt', 'a', 'confirmed'), row('Q1', 'da.txt', 'b', 'confirmed')], ['-bs.txt', 'da.txt']);
    expect(guarded.quotes[0]!.src.doc).toBe('-bs.txt');
    expect(() => parse([row('Q1', 'xx.txt', 'a', 'confirmed')], ['bs.txt'])).toThrow(/quotes.csv: row 2: unknown document "xx.txt"; this run's documents are bs.txt/);
    expect(() => parse([row('Q1', 'bs.txt', '', 'confirmed')])).toThrow(/row 2: text is empty/);
    expect(() => parse([row('Q1', 'bs.txt', 'a', 'maybe')])).toThrow(/row 2: status "maybe", expected auto, confirmed or rejected/);
    expect(() => parse([row('Q1', 'bs.txt', 'a', 'confirmed'), row('Q1', 'bs.txt', 'b', 'confirmed')])).toThrow(/row 3: quote Q1 has two confirmed rows of bs.txt \(rows 2 and 3\)/);
  });

  it('takes neither decision when one file confirms and rejects the same two quotes', () => {
    const r = parse([row('Q1', 'bs.txt', 'a', 'confirmed'), row('Q1', 'da.txt', 'b', 'confirmed'), row('Q2', 'bs.txt', 'a', 'rejected'), row('Q2', 'da.txt', 'b', 'auto')]);
    expect(r.quotes).toEqual([]);
    expect(r.conflicts).toEqual([expect.stringContaining('two quotes are both confirmed and rejected as one')]);
  });

  it('are kept in the store and read back the same', () => {
    const r = parse([row('Q1', 'bs.txt', 'a  b', 'confirmed', '3'), row('Q1', 'da.txt', 'c', 'confirmed')]);
    const text = serialiseStore(r.quotes);
    expect(text).toBe('{"kind":"quote","status":"confirmed","src":{"doc":"bs.txt","sent":"3","text":"a b"},"tgt":{"doc":"da.txt","sent":"1","text":"c"},"source":"quotes.csv","at":"2026-12-07T00:00:00.000Z"}\n');
    expect(parseStore(text, 'decisions.jsonl')).toEqual(r.quotes);
  });
});
