import { describe, expect, it } from 'vitest';
import { ALIGNMENTS_HEADER, alignmentsCsv } from '../../src/export/alignments-csv.ts';
import { ACCEPTED_LINKS, DOCS, runResult } from '../fixtures/export/run-result.ts';
import { BOM, readCsv, readCsvObjects } from './read-csv.ts';

describe('alignments.csv', () => {
  const csv = alignmentsCsv(runResult());
  const rows = readCsvObjects(csv);

  it('has a BOM, the header and one row per accepted link, none of the below-threshold ones', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(readCsv(csv).header).toEqual(ALIGNMENTS_HEADER);
    expect(rows).toHaveLength(ACCEPTED_LINKS);
    // The fixture's one rejected candidate is 000:3 -> 001:2 at 0.2.
    expect(rows.some((r) => r.src_doc === DOCS.bs && r.src_sent === '3')).toBe(false);
  });

  it('lists a link a reviewer rejected, with status rejected and no group, so the decision stays in view', () => {
    const result = runResult();
    const pair = result.pairs.find((p) => p.links.some((l) => l.src.doc === DOCS.bs && l.src.first === 0))!;
    const link = pair.links.shift()!;
    pair.rejected.push({ ...link, status: 'rejected' });
    const edited = readCsvObjects(alignmentsCsv(result));
    expect(edited).toHaveLength(ACCEPTED_LINKS);
    const row = edited.find((r) => r.src_doc === link.src.doc && r.src_sent === String(link.src.first) && r.tgt_doc === link.tgt.doc)!;
    expect(row).toMatchObject({ status: 'rejected', group_id: '' });
  });

  it('sorts by source document, target document, then first sentences', () => {
    const keys = rows.map((r) => [r.src_doc, r.tgt_doc, Number(r.src_sent.split('-')[0]), Number(r.tgt_sent.split('-')[0])] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2] || a[3] - b[3]));
    expect(keys).toEqual(sorted);
    expect(rows[0]).toMatchObject({ src_doc: DOCS.bs, tgt_doc: DOCS.mk, src_sent: '0', tgt_sent: '0' });
  });

  it('writes a 1:2 link as a range with the two sentences joined by a space', () => {
    const merge = rows.find((r) => r.src_doc === DOCS.bs && r.tgt_doc === DOCS.da && r.src_sent === '2')!;
    expect(merge.tgt_sent).toBe('2-3');
    expect(merge.tgt_text).toBe('Det var koldt i Pyongyang. Termometret viste\nminus fem grader.');
    expect(merge.group_id).toBe('g0003');
  });

  it('rounds scores to 4 decimals and prints a negative score as a number', () => {
    expect(rows.find((r) => r.src_doc === DOCS.bs && r.tgt_doc === DOCS.mk && r.src_sent === '0')!.score).toBe('0.9124');
    const negative = rows.find((r) => r.src_doc === DOCS.da && r.tgt_doc === DOCS.da2 && r.src_sent === '1')!;
    expect(negative.score).toBe('-0.0123');
    expect(negative.tgt_text).toBe("'+45 er ikke et telefonnummer her.");
  });

  it('leaves group_id empty for a link in no group and fills method, status and languages', () => {
    const outside = rows.find((r) => r.src_doc === DOCS.da && r.src_sent === '1')!;
    expect(outside.group_id).toBe('');
    expect(rows.find((r) => r.src_doc === DOCS.mk && r.tgt_doc === DOCS.da && r.src_sent === '1')).toMatchObject({
      group_id: 'g0002',
      method: 'mining',
      status: 'auto',
      src_lang: 'mk',
      tgt_lang: 'da',
      src_text: 'Путин рече: „Односите се одлични“.',
    });
  });

  it('does not give a link the group of its source when its target is in another group', () => {
    const result = runResult();
    // 000:0 is in g0001; its target 001:1 is in g0002: the link belongs to neither.
    result.pairs[1]!.links.push({ ...result.pairs[1]!.links[0]!, src: { doc: DOCS.bs, first: 0, last: 0 }, tgt: { doc: DOCS.mk, first: 1, last: 1 } });
    const crossing = readCsvObjects(alignmentsCsv(result)).find((r) => r.src_doc === DOCS.bs && r.src_sent === '0' && r.tgt_doc === DOCS.mk && r.tgt_sent === '1')!;
    expect(crossing.group_id).toBe('');
  });
});
