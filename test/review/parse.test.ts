import { describe, expect, it } from 'vitest';
import { caughtError as caught } from '../helpers/errors.ts';
import { parseDecisions } from '../../src/review/parse.ts';
import { toCsv } from '../../src/export/csv.ts';
import { ALIGNMENTS_HEADER } from '../../src/export/alignments-csv.ts';
import { linkRowKey } from '../../src/review/decision.ts';

const HEADER = 'group_id,score,margin,method,status,src_doc,src_lang,src_sent,src_text,tgt_doc,tgt_lang,tgt_sent,tgt_text';
const AT = '2025-09-03T00:00:00.000Z';
const opts = { at: AT };


describe('parseDecisions: link decisions (alignments.csv, the review page export)', () => {
  it('reads a BOM, CRLF rows and a quoted line break, and keeps only confirmed and rejected rows', () => {
    const csv =
      `\uFEFF${HEADER}\r\n` +
      `g0001,0.5,1.4,mining,confirmed,a.txt,bs,3,"Prvi  red\r\ndrugi red.",b.txt,da,2-3,Første. Anden.\r\n` +
      `g0002,0.4,1.3,mining,rejected,a.txt,bs,4,Kim je stigao.,b.txt,da,5,Kim ankom.\r\n` +
      `g0003,0.4,1.3,mining,auto,a.txt,bs,5,Nista.,b.txt,da,6,Intet.\r\n` +
      `,0.4,1.3,mining,,a.txt,bs,6,Nista dalje.,b.txt,da,7,Intet mere.\r\n`;
    const parsed = parseDecisions(csv, 'edited.csv', opts);
    expect(parsed.kind).toBe('links');
    expect(parsed.conflicts).toEqual([]);
    expect(parsed.links).toEqual([
      { kind: 'link', status: 'confirmed', src: { doc: 'a.txt', text: 'Prvi red drugi red.', sent: '3' }, tgt: { doc: 'b.txt', text: 'Første. Anden.', sent: '2-3' }, source: 'edited.csv', at: AT },
      { kind: 'link', status: 'rejected', src: { doc: 'a.txt', text: 'Kim je stigao.', sent: '4' }, tgt: { doc: 'b.txt', text: 'Kim ankom.', sent: '5' }, source: 'edited.csv', at: AT },
    ]);
  });

  it('accepts a hand-added row with only the required columns, in any order and case, status in any case', () => {
    const csv = 'tgt_text,SRC_DOC,Status,src_text,tgt_doc\n"Kim ankom.",a.txt, Confirmed ,"Kim je stigao.",b.txt\n';
    const [d] = parseDecisions(csv, 'added.csv', opts).links;
    expect(d).toMatchObject({ status: 'confirmed', src: { doc: 'a.txt', text: 'Kim je stigao.' }, tgt: { doc: 'b.txt', text: 'Kim ankom.' } });
    expect(d!.src.sent).toBeUndefined();
  });

  it("takes off the ' a spreadsheet-safe cell carries before a formula-looking text", () => {
    const csv = `${HEADER}\n,0.1,1.5,mining,rejected,a.txt,bs,1,'-5 stepeni.,b.txt,da,1,'+45 grader.\n`;
    const [d] = parseDecisions(csv, 'x.csv', opts).links;
    expect(d!.src.text).toBe('-5 stepeni.');
    expect(d!.tgt.text).toBe('+45 grader.');
  });

  it('reports a link both confirmed and rejected in one file, and takes neither; a repeated row is one decision', () => {
    const csv =
      `${HEADER}\n` +
      `,0.1,1.5,mining,confirmed,a.txt,bs,1,Jedan.,b.txt,da,1,En.\n` +
      `,0.1,1.5,mining,rejected,b.txt,da,1,En.,a.txt,bs,1,Jedan.\n` +
      `,0.1,1.5,mining,rejected,a.txt,bs,2,Dva.,b.txt,da,2,To.\n` +
      `,0.1,1.5,mining,rejected,a.txt,bs,2,Dva.,b.txt,da,2,To.\n`;
    const parsed = parseDecisions(csv, 'both.csv', opts);
    expect(parsed.links.map((d) => d.src.text)).toEqual(['Dva.']);
    expect(parsed.conflicts).toHaveLength(1);
    expect(parsed.conflicts[0]).toMatch(/both\.csv: the same link is both confirmed and rejected \(row 3\)/);
  });

  it('reads a file a spreadsheet saved with semicolons or tabs', () => {
    for (const sep of [';', '\t']) {
      const csv = `${HEADER.replaceAll(',', sep)}\n${['g1', '0,5', '1,4', 'mining', 'rejected', 'a.txt', 'bs', '1', 'Jedan, dva.', 'b.txt', 'da', '1', 'En.'].join(sep)}\n`;
      expect(parseDecisions(csv, 'semi.csv', opts).links.map((d) => [d.status, d.src.text])).toEqual([['rejected', 'Jedan, dva.']]);
    }
  });

  it('refuses a file saved in a legacy code page rather than orphaning its decisions', () => {
    const latin1 = Buffer.from(`${HEADER}\n,0.1,1.5,mining,rejected,a.txt,bs,1,Dr\u017Eava.,b.txt,da,1,K\u00F8benhavn.\n`, 'latin1').toString('utf8');
    expect(caught(() => parseDecisions(latin1, 'ansi.csv', opts)).message).toMatch(/^ansi\.csv: is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"/);
  });

  it('names the file and the missing columns', () => {
    const e = caught(() => parseDecisions('status,src_doc,src_text\nconfirmed,a.txt,x\n', 'short.csv', opts));
    expect(e.code).toBe('review.invalid');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^short\.csv: missing columns tgt_doc, tgt_text/);
  });

  it('rejects a file that is not CSV, an empty one and an unknown status, naming the file', () => {
    expect(caught(() => parseDecisions('a,"b\nc', 'broken.csv', opts)).message).toMatch(/^broken\.csv: is not a readable CSV file/);
    expect(caught(() => parseDecisions('PK\u0003\u0004\u0000\u0000', 'book.xlsx', opts)).message).toMatch(/^book\.xlsx: is not a CSV file/);
    expect(caught(() => parseDecisions('', 'empty.csv', opts)).message).toMatch(/^empty\.csv: is empty/);
    const bad = `${HEADER}\n,0.1,1.5,mining,maybe,a.txt,bs,1,Jedan.,b.txt,da,1,En.\n`;
    expect(caught(() => parseDecisions(bad, 'maybe.csv', opts)).message).toMatch(/^maybe\.csv: row 2: status "maybe", expected auto, confirmed or rejected/);
  });

  it('rejects a document the run does not have, an empty text and a link within one document', () => {
    const row = (s: string) => `${HEADER}\n${s}\n`;
    const known = { at: AT, knownDocs: ['a.txt', 'b.txt'] };
    expect(caught(() => parseDecisions(row(',0.1,1.5,mining,confirmed,a.txt,bs,1,Jedan.,c.txt,da,1,En.'), 'd.csv', known)).message).toMatch(
      /^d\.csv: row 2: unknown document "c\.txt"; this run's documents are a\.txt, b\.txt/,
    );
    expect(caught(() => parseDecisions(row(',0.1,1.5,mining,confirmed,a.txt,bs,1,  ,b.txt,da,1,En.'), 'd.csv', known)).message).toMatch(/src_text is empty/);
    expect(caught(() => parseDecisions(row(',0.1,1.5,mining,confirmed,a.txt,bs,1,Jedan.,a.txt,bs,2,Dva.'), 'd.csv', known)).message).toMatch(/both spans are in a\.txt/);
    // the same file is fine when every document is known
    expect(parseDecisions(row(',0.1,1.5,mining,confirmed,a.txt,bs,1,Jedan.,b.txt,da,1,En.'), 'd.csv', known).links).toHaveLength(1);
  });
});

describe('parseDecisions: glossary decisions (glossary.csv)', () => {
  const header = '\uFEFFentry_id,type,status,canonical,bs,mk,da,mentions,docs,example\r\n';

  it('reads keep and reject rows, keyed by their variants, with the canonical form as edited', () => {
    const csv =
      header +
      'e0001,person,keep,Kim Jong Un,Kim | Kimom,Ким,Kim Jong-un,4,3,x\r\n' +
      'e0002,other,reject,Dana,Dana,,,2,1,y\r\n' +
      'e0003,place,,Peking,Peking,Пекинг,,2,2,z\r\n';
    const parsed = parseDecisions(csv, 'glossary.csv', opts);
    expect(parsed.kind).toBe('glossary');
    expect(parsed.entries).toEqual([
      { kind: 'entry', status: 'keep', variants: ['Kim', 'Kim Jong-un', 'Kimom', 'Ким'], canonical: 'Kim Jong Un', source: 'glossary.csv', at: AT },
      { kind: 'entry', status: 'reject', variants: ['Dana'], canonical: 'Dana', source: 'glossary.csv', at: AT },
    ]);
  });

  it('takes an edited canonical form with an empty status as keep, when it knows the canonical form the file was written with', () => {
    const csv = header + 'e0001,person,,Kim Jong Un,Kim,Ким,,4,3,x\r\ne0002,place,,Peking,Peking,Пекинг,,2,2,z\r\n';
    const canonicalBefore = { e0001: 'Kim Jong-un', e0002: 'Peking' };
    expect(parseDecisions(csv, 'glossary.csv', { at: AT, canonicalBefore }).entries).toEqual([
      { kind: 'entry', status: 'keep', variants: ['Kim', 'Ким'], canonical: 'Kim Jong Un', source: 'glossary.csv', at: AT },
    ]);
    // without knowing what was written, an empty status is no decision
    expect(parseDecisions(csv, 'glossary.csv', opts).entries).toEqual([]);
  });

  it('names the file and the problem: unknown status, no variants, an empty canonical for a kept entry', () => {
    expect(caught(() => parseDecisions(`${header}e1,name,maybe,X,X,,,1,1,x\r\n`, 'g.csv', opts)).message).toMatch(/^g\.csv: row 2: status "maybe", expected keep, reject or nothing/);
    expect(caught(() => parseDecisions(`${header}e1,name,keep,X,,,,1,1,x\r\n`, 'g.csv', opts)).message).toMatch(/row 2: no variants/);
    expect(caught(() => parseDecisions(`${header}e1,name,keep,,X,,,1,1,x\r\n`, 'g.csv', opts)).message).toMatch(/row 2: canonical is empty/);
    expect(caught(() => parseDecisions('entry_id,canonical\ne1,X\n', 'old.csv', opts)).message).toMatch(/^old\.csv: missing column status/);
  });
});

describe('document names that the CSV writer guards read back as themselves', () => {
  // Every first character csv-stringify's escape_formulas guards with a leading `'`.
  const GUARDED = ['-', '=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

  it.each(GUARDED.map((c) => [JSON.stringify(c), c]))('a name starting with %s, written by toCsv, edited and imported', async (_label, c) => {
    const { toCsv } = await import('../../src/export/csv.ts');
    const [src, tgt] = [`${c}rf.txt`, `${c}${c}help.txt`];
    const header = HEADER.split(',');
    const row = ['g0001', 0.5, 1.4, 'mining', 'confirmed', src, 'bs', '1', 'Kim je stigao.', tgt, 'da', '2', 'Kim ankom.'];
    const csv = toCsv(header, [row]);
    expect(csv).toContain(`'${c}`); // the guard is there in the file
    const parsed = parseDecisions(csv, 'alignments.csv', { ...opts, knownDocs: [src, tgt] });
    expect(parsed.links.map((d) => [d.src.doc, d.tgt.doc])).toEqual([[src, tgt]]);
  });
});

describe('a glossary type a reviewer edits', () => {
  const header = ['entry_id', 'type', 'canonical', 'status', 'mentions', 'docs', 'example', 'bs', 'da'];
  const parseRows = (rows: string[][], typeBefore?: Record<string, string>) =>
    parseDecisions(toCsv(header, rows), 'glossary.csv', { at: '2026-12-07T00:00:00.000Z', canonicalBefore: { e0001: 'Kyiv' }, ...(typeBefore ? { typeBefore } : {}) });

  it('is a decision to keep the entry with that type, when it differs from what the run wrote', () => {
    const r = parseRows([['e0001', 'Place', 'Kyiv', '', '2', '2', 'x', 'Kijev', 'Kyiv']], { e0001: 'other' });
    expect(r.entries).toEqual([expect.objectContaining({ status: 'keep', canonical: 'Kyiv', type: 'place' })]);
    expect(parseRows([['e0001', 'other', 'Kyiv', '', '2', '2', 'x', 'Kijev', 'Kyiv']], { e0001: 'other' }).entries).toEqual([]);
  });

  it('is refused, naming the row, when it is no type', () => {
    expect(() => parseRows([['e0001', 'city', 'Kyiv', '', '2', '2', 'x', 'Kijev', 'Kyiv']], { e0001: 'other' })).toThrow(/glossary.csv: row 2: type "city", expected person, place, organisation, other/);
  });
});

describe('a link kind a reviewer edits in the run’s own alignments.csv', () => {
  // the columns the run writes, kind among them; run.json says which rows it wrote as related
  const header = ALIGNMENTS_HEADER;
  const row = (kind: string, status: string, sent: number): string[] => ['g0001', '0.5', '1.4', '0.8', kind, 'mining', status, 'a.txt', 'bs', String(sent), `Recenica ${sent}.`, 'b.txt', 'da', String(sent), `Saetning ${sent}.`];
  const relatedBefore = [linkRowKey('a.txt', '2', 'b.txt', '2'), linkRowKey('a.txt', '5', 'b.txt', '5')];
  const parseRows = (rows: string[][], options: { relatedBefore?: readonly string[] } = { relatedBefore }) => parseDecisions(toCsv(header, rows), 'out/alignments.csv', { at: AT, ...options });
  const kinds = (rows: string[][], options?: { relatedBefore?: readonly string[] }) => parseRows(rows, options).links.map((d) => [d.src.text, d.status, d.linkKind]);

  it('is a decision where it differs from what the run wrote: related keeps the link as related, equivalent confirms it', () => {
    expect(
      kinds([
        row('related', 'auto', 1), // written equivalent
        row('equivalent', 'auto', 2), // written related
        row('equivalent', 'auto', 3), // as written: no decision
        row(' Related ', '', 4), // any case and spacing, an empty status as auto
        row('related', 'confirmed', 6), // confirmed too: still related
      ]),
    ).toEqual([
      ['Recenica 1.', 'confirmed', 'related'],
      ['Recenica 2.', 'confirmed', 'equivalent'],
      ['Recenica 4.', 'confirmed', 'related'],
      ['Recenica 6.', 'confirmed', 'related'],
    ]);
  });

  it('a row whose kind is as the run wrote it says nothing of the kind, whatever its status; a file the run did not write, nothing of kinds', () => {
    const rows = [row('related', 'confirmed', 5), row('related', 'rejected', 2), row('equivalent', 'confirmed', 3), row('related', 'auto', 1)];
    expect(kinds(rows)).toEqual([
      ['Recenica 5.', 'confirmed', undefined],
      ['Recenica 2.', 'rejected', undefined],
      ['Recenica 3.', 'confirmed', undefined],
      ['Recenica 1.', 'confirmed', 'related'],
    ]);
    // the review page's export, a copy elsewhere: their kinds are the tool's, so the kind column is not read
    expect(kinds(rows, {})).toEqual([
      ['Recenica 5.', 'confirmed', undefined],
      ['Recenica 2.', 'rejected', undefined],
      ['Recenica 3.', 'confirmed', undefined],
    ]);
  });

  it('knows a row by its documents and sentence cells, the sides in either order', () => {
    const swapped = ['', '', '', '', 'equivalent', '', 'auto', 'b.txt', 'da', '2', 'Saetning 2.', 'a.txt', 'bs', '2', 'Recenica 2.'];
    expect(kinds([swapped])).toEqual([['Saetning 2.', 'confirmed', 'equivalent']]);
  });

  it('is refused, naming the file, the row and the value, when it is neither word', () => {
    const e = caught(() => parseRows([row('equivalent', 'auto', 1), row('partial', 'auto', 3)]));
    expect(e.code).toBe('review.invalid');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('out/alignments.csv: row 3: kind "partial", expected equivalent or related');
  });

  it('is refused on a rejected link, saying what to do instead', () => {
    expect(caught(() => parseRows([row('related', 'rejected', 1)])).message).toMatch(
      /^out\/alignments\.csv: row 2: kind changed to related \(the run wrote equivalent\) on a link whose status is rejected; .*set status to confirmed or auto to keep the link as related, or put kind back to equivalent$/,
    );
  });

  it('two rows of one link: the one that sets the kind is taken; two kinds are said, and neither taken', () => {
    for (const rows of [[row('related', 'auto', 1), row('equivalent', 'confirmed', 1)], [row('equivalent', 'confirmed', 1), row('related', 'auto', 1)]]) {
      const parsed = parseRows(rows);
      expect(parsed.conflicts).toEqual([]);
      expect(parsed.links.map((d) => [d.status, d.linkKind])).toEqual([['confirmed', 'related']]);
    }
    // the same texts under the sentence cells of a row written equivalent and of one written related
    const moved = [...row('equivalent', 'auto', 1)];
    moved[9] = '2';
    moved[13] = '2';
    const parsed = parseRows([row('related', 'auto', 1), moved]);
    expect(parsed.links).toEqual([]);
    expect(parsed.conflicts).toEqual([expect.stringMatching(/^out\/alignments\.csv: the same link is given two kinds \(row 3\); neither was taken: a\.txt:2 "Recenica 1\." ↔ b\.txt:2 "Saetning 1\."$/)]);
  });
});
