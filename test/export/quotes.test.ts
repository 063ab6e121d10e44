// quotes.csv and quotes.jsonl of a run of the fixture event: one row per quote in a document, the
// rows of one quote together; offsets into the decoded file; the JSON lines the same quotes.

import { beforeAll, describe, expect, it } from 'vitest';
import { QUOTES_HEADER, quotesCsv, quotesJsonl } from '../../src/export/quotes.ts';
import type { RunResult } from '../../src/types.ts';
import { fixtureRun } from '../helpers/quote-gold.ts';
import { readCsv } from './read-csv.ts';

let result: RunResult;
beforeAll(async () => {
  result = await fixtureRun();
});

describe('quotes.csv', () => {
  it('has a row per quote in a document, with the text at its offsets, its group, kind and speaker', () => {
    const { header, rows } = readCsv(quotesCsv(result));
    expect(header).toEqual(QUOTES_HEADER);
    const all = result.quotes!.flatMap((g) => g.members);
    expect(rows).toHaveLength(all.length);
    const col = (name: string) => QUOTES_HEADER.indexOf(name);
    for (const row of rows) {
      const doc = result.documents.find((d) => d.doc.id === row[col('doc')])!;
      expect(doc.doc.text.slice(Number(row[col('start')]), Number(row[col('end')]))).toBe(row[col('text')]);
      expect(['speech', 'term', 'reported']).toContain(row[col('kind')]);
      expect(row[col('status')]).toBe('auto');
    }
    // the rows of a quote stand together, and a shared quote has a confidence in (0, 1]
    const ids = rows.map((r) => r[col('quote_id')]!);
    expect(ids).toEqual([...ids].sort());
    const shared = rows.filter((r) => ids.filter((id) => id === r[col('quote_id')]).length > 1);
    expect(shared.length).toBeGreaterThan(10);
    for (const r of shared) expect(Number(r[col('confidence')])).toBeGreaterThan(0);
    expect(rows.filter((r) => r[col('speaker')] === 'Marko Horvat').map((r) => r[col('lang')])).toContain('mk');
  });

  it('and quotes.jsonl hold the same quotes, one quote across the documents a line', () => {
    const lines = quotesJsonl(result).trim().split('\n').map((l) => JSON.parse(l) as { id: string; members: Array<{ quote: string; text: string }> });
    expect(lines.map((l) => l.id)).toEqual(result.quotes!.map((g) => g.id));
    expect(lines.flatMap((l) => l.members.map((m) => m.text))).toEqual(result.quotes!.flatMap((g) => g.members.map((q) => q.text)));
  });
});
