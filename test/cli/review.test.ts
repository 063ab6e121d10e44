// End to end: a reviewer's round trip through the CLI in a subprocess, on the seed articles with the
// lexical embedder. The decisions files are written the way a spreadsheet saves them (no BOM, LF).

import { haveXmllint } from '../helpers/tools.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliAsync, runSeeds, type CliResult } from '../helpers/run-cli.ts';
import { tmpPath } from '../helpers/tmp.ts';

const SEEDS = join(ROOT, 'seeds');
const DTD = new URL('../../schemas/tmx14.dtd', import.meta.url).pathname;
const hasXmllint = haveXmllint('the xmllint validation of a reviewed corpus.tmx');

type Row = Record<string, string>;

function readRows(file: string): Row[] {
  return parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Row[];
}

/** Saved as a spreadsheet would: no BOM, LF line ends, quoting only where needed. */
function writeRows(file: string, rows: Row[], header = Object.keys(rows[0]!)): void {
  writeFileSync(file, stringify(rows, { header: true, columns: header }));
}

const key = (r: Row) => `${r.src_doc}|${r.src_sent}|${r.tgt_doc}|${r.tgt_sent}`;

/** Whether a row of parallel.csv holds both texts. */
function togetherInParallel(out: string, a: string, b: string): boolean {
  return readRows(join(out, 'parallel.csv')).some((r) => Object.values(r).includes(a) && Object.values(r).includes(b));
}

/** Whether a tu of corpus.tmx holds both texts. */
function togetherInTmx(out: string, a: string, b: string): boolean {
  const tmx = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(out, 'corpus.tmx'), 'utf8'));
  const tus = [tmx.tmx.body?.tu ?? []].flat() as Array<{ tuv: unknown }>;
  return tus.some((tu) => {
    const segs = [tu.tuv].flat().map((t) => String((t as { seg: unknown }).seg));
    return segs.includes(a) && segs.includes(b);
  });
}

function manifest(out: string) {
  return JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
}

describe('a link rejected in a spreadsheet-edited alignments.csv', () => {
  const out = tmpPath('review-reject');
  let target: Row;
  let before: { parallel: boolean; tmx: boolean };
  let second: CliResult;
  let parallelBefore: Row[];

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
    parallelBefore = readRows(join(out, 'parallel.csv'));
    const rows = readRows(join(out, 'alignments.csv'));
    // a link inside a group of three or more documents: the rejection must also hold against the
    // links through the other documents
    const sizes = new Map<string, number>();
    for (const r of readRows(join(out, 'parallel.csv'))) sizes.set(r.group_id!, Number(r.docs));
    // an equivalent one, so that corpus.tmx holds it before the review
    target = rows.find((r) => r.group_id && (sizes.get(r.group_id) ?? 0) >= 3 && r.kind === 'equivalent')!;
    before = { parallel: togetherInParallel(out, target.src_text!, target.tgt_text!), tmx: togetherInTmx(out, target.src_text!, target.tgt_text!) };
    const edited = rows.map((r) => (r === target ? { ...r, status: 'rejected' } : r));
    writeRows(join(out, '..', 'edited.csv'), edited);
    second = await runSeeds(out, '--review', join(out, '..', 'edited.csv'));
  });

  it('was in a group before the review', async () => {
    expect(target).toBeDefined();
    expect(before).toEqual({ parallel: true, tmx: true });
  });

  it('leaves parallel.csv and corpus.tmx, and stays in alignments.csv as rejected', async () => {
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/review: 1 new decision from .*edited\.csv/);
    expect(second.stdout).toMatch(/applied 0 confirmed .*, 1 rejected/);
    expect(togetherInParallel(out, target.src_text!, target.tgt_text!)).toBe(false);
    expect(togetherInTmx(out, target.src_text!, target.tgt_text!)).toBe(false);
    const row = readRows(join(out, 'alignments.csv')).find((r) => key(r) === key(target))!;
    expect(row).toMatchObject({ status: 'rejected', group_id: '' });
    expect(manifest(out).review.applied.rejected).toBe(1);
    expect(manifest(out).counts.linksRejected).toBe(1);
  });

  it('leaves the ids of the groups it did not touch as they were, and gives the changed group a new one', async () => {
    const after = readRows(join(out, 'parallel.csv'));
    const cells = (r: Row) => Object.entries(r).filter(([k]) => !['group_id', 'score', 'docs'].includes(k) && !k.includes(' ')).map(([, v]) => v).join('|');
    const touched = new Set(parallelBefore.filter((r) => r.group_id === target.group_id).map(cells));
    const same = parallelBefore.filter((r) => r.group_id !== target.group_id && after.some((a) => cells(a) === cells(r)));
    expect(same.length).toBeGreaterThan(5);
    for (const r of same) expect(after.find((a) => cells(a) === cells(r))!.group_id, cells(r).slice(0, 60)).toBe(r.group_id);
    const highest = Math.max(...parallelBefore.map((r) => Number(r.group_id!.slice(1))));
    expect(after.filter((a) => !parallelBefore.some((r) => cells(r) === cells(a))).every((a) => Number(a.group_id!.slice(1)) > highest)).toBe(true);
    expect(after.map((a) => a.group_id)).not.toContain(target.group_id);
    expect(touched.size).toBe(1);
  });

  it('is kept in the store, and applied by a plain re-run and by a run with another --min-score', async () => {
    const store = readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n');
    expect(store).toHaveLength(1);
    expect(JSON.parse(store[0]!)).toMatchObject({ kind: 'link', status: 'rejected' });
    for (const args of [[], ['--min-score', '0.9'], ['--min-score', '2']]) {
      const r = await runSeeds(out, ...args);
      expect(r.code).toBe(0);
      expect(togetherInParallel(out, target.src_text!, target.tgt_text!)).toBe(false);
      expect(togetherInTmx(out, target.src_text!, target.tgt_text!)).toBe(false);
      expect(readRows(join(out, 'alignments.csv')).find((row) => key(row) === key(target))?.status).toBe('rejected');
    }
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!hasXmllint && !process.env.CI)('leaves a corpus.tmx that xmllint finds valid against the TMX 1.4 DTD', () => {
    execFileSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, join(out, 'corpus.tmx')], { stdio: 'pipe' });
    const xml = readFileSync(join(out, 'corpus.tmx'), 'utf8');
    expect(xml).toMatch(/<header [^>]*srclang="[^"]+"/);
    expect(xml).toMatch(/<prop type="x-score">/);
    expect(xml).toMatch(/<prop type="x-doc">/);
  });
});

describe('confirmed and hand-added links', () => {
  const out = tmpPath('review-confirm');
  const all = tmpPath('review-all');
  let below: Row;
  let added: Row;
  let result: CliResult;

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
    expect((await runSeeds(all, '--min-score', '0')).code).toBe(0);
    const accepted = new Set(readRows(join(out, 'alignments.csv')).map(key));
    // a candidate that only a threshold of 0 accepts: below the default threshold
    below = readRows(join(all, 'alignments.csv')).find((r) => !accepted.has(key(r)) && Number(r.margin) < 1.2 && Number(r.margin) > 0)!;
    // two sentences in no group at all, linked by hand with the sentence indexes left out
    const grouped = new Set<string>();
    for (const r of readRows(join(out, 'alignments.csv'))) {
      if (!r.group_id) continue;
      grouped.add(`${r.src_doc}|${r.src_text}`);
      grouped.add(`${r.tgt_doc}|${r.tgt_text}`);
    }
    const sentences = readRows(join(out, 'sentences.csv'));
    const free = sentences.filter((s) => !grouped.has(`${s.doc}|${s.text}`) && s.text!.length > 30);
    const s0 = free[0]!;
    const s4 = free.find((s) => s.doc !== s0.doc)!;
    added = { status: 'confirmed', src_doc: s0.doc!, src_text: s0.text!, tgt_doc: s4.doc!, tgt_text: s4.text! };
    const decisions = join(out, '..', 'confirm.csv');
    const header = ['group_id', 'score', 'margin', 'method', 'status', 'src_doc', 'src_lang', 'src_sent', 'src_text', 'tgt_doc', 'tgt_lang', 'tgt_sent', 'tgt_text'];
    writeRows(decisions, [{ ...below, status: 'confirmed' }, { group_id: '', score: '', margin: '', method: '', src_lang: '', src_sent: '', tgt_lang: '', tgt_sent: '', ...added }], header);
    result = await runSeeds(out, '--review', decisions);
  });

  it('accepts a confirmed link below the threshold', async () => {
    expect(below).toBeDefined();
    expect(result.code).toBe(0);
    const row = readRows(join(out, 'alignments.csv')).find((r) => key(r) === key(below))!;
    expect(row).toMatchObject({ status: 'confirmed', margin: below.margin });
    expect(row.group_id).not.toBe('');
    expect(togetherInParallel(out, below.src_text!, below.tgt_text!)).toBe(true);
  });

  it('adds a link the tool missed, scored, to alignments.csv, parallel.csv and corpus.tmx', async () => {
    const row = readRows(join(out, 'alignments.csv')).find((r) => r.src_text === added.src_text && r.tgt_text === added.tgt_text)!;
    expect(row).toMatchObject({ status: 'confirmed', src_doc: added.src_doc, tgt_doc: added.tgt_doc });
    expect(row.src_sent).toMatch(/^\d+$/);
    expect(Number.isFinite(Number(row.score))).toBe(true);
    expect(togetherInParallel(out, added.src_text!, added.tgt_text!)).toBe(true);
    expect(togetherInTmx(out, added.src_text!, added.tgt_text!)).toBe(true);
    // one candidate raised from below the threshold, one link added by hand, and the console says which
    expect(manifest(out).review.applied).toMatchObject({ confirmed: 2, added: 1, raised: 1, above: 0 });
    expect(result.stdout).toMatch(/applied 2 confirmed \(0 accepted by the tool, 1 from below the threshold, 1 added by hand\), 0 rejected/);
  });

  it('still holds after a run with a higher threshold', async () => {
    expect((await runSeeds(out, '--min-score', '3')).code).toBe(0);
    expect(togetherInParallel(out, below.src_text!, below.tgt_text!)).toBe(true);
    expect(togetherInParallel(out, added.src_text!, added.tgt_text!)).toBe(true);
  });
});

describe('conflicting decisions', () => {
  const out = tmpPath('review-conflict');
  let rows: Row[];

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
    rows = readRows(join(out, 'alignments.csv')).filter((r) => r.group_id);
  });

  it('reports a link confirmed and rejected in one file, in the output and run.json, and applies neither', async () => {
    const file = join(out, '..', 'both.csv');
    writeRows(file, [{ ...rows[0]!, status: 'confirmed' }, { ...rows[0]!, status: 'rejected' }]);
    const r = await runSeeds(out, '--review', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review: conflict: .*both\.csv: the same link is both confirmed and rejected/);
    expect(manifest(out).review.conflicts.join('\n')).toMatch(/both confirmed and rejected/);
    expect(readRows(join(out, 'alignments.csv')).find((x) => key(x) === key(rows[0]!))?.status).toBe('auto');
  });

  it('reports a newer file reversing an older decision as a change of mind, and applies the newer', async () => {
    const first = join(out, '..', 'first.csv');
    const second = join(out, '..', 'second.csv');
    writeRows(first, [{ ...rows[1]!, status: 'rejected' }]);
    writeRows(second, [{ ...rows[1]!, status: 'confirmed' }]);
    expect((await runSeeds(out, '--review', first)).code).toBe(0);
    const r = await runSeeds(out, '--review', second);
    expect(r.stdout).toMatch(/review: changed: .*rejected → confirmed/);
    expect(manifest(out).review.changes).toHaveLength(1);
    expect(readRows(join(out, 'alignments.csv')).find((x) => key(x) === key(rows[1]!))?.status).toBe('confirmed');
  });

  it('reports confirmed links that would put two spans of one document in one group', async () => {
    const sentences = readRows(join(out, 'sentences.csv'));
    const s = (doc: string, i: number) => sentences.filter((x) => x.doc.startsWith(doc))[i]!;
    const link = (a: Row, b: Row) => ({ status: 'confirmed', src_doc: a.doc!, src_text: a.text!, tgt_doc: b.doc!, tgt_text: b.text! });
    // 000:2 = 001:3 = 002:4, and 000:5 = 002:4: two sentences of 000 in one group
    const file = join(out, '..', 'two-spans.csv');
    writeRows(file, [link(s('000_', 2), s('001_', 3)), link(s('001_', 3), s('002_', 4)), link(s('000_', 5), s('002_', 4))]);
    const r = await runSeeds(out, '--review', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review: conflict: confirmed link .* is in no group: it would put two spans of (000|001|002)_\S+ in one group/);
    expect(manifest(out).review.conflicts.some((c: string) => /two spans of/.test(c))).toBe(true);
  });
});

describe('a reviewer who edits the outputs in place', () => {
  const out = tmpPath('review-in-place');
  let target: Row;
  let kept: Row;
  let dropped: Row;
  let renamed: Row;
  let retyped: Row;
  let result: CliResult;

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
    const rows = readRows(join(out, 'alignments.csv'));
    target = rows.find((r) => r.group_id)!;
    writeRows(join(out, 'alignments.csv'), rows.map((r) => (r === target ? { ...r, status: 'rejected' } : r)));
    const glossary = readRows(join(out, 'glossary.csv'));
    kept = glossary[0]!;
    dropped = glossary[1]!;
    renamed = glossary[2]!;
    retyped = glossary.find((e, i) => i > 2 && e.type !== 'place')!;
    // the third only has its canonical form edited, the fourth only its type, their status left empty
    writeRows(
      join(out, 'glossary.csv'),
      glossary.map((e) =>
        e === kept ? { ...e, status: 'keep', canonical: 'Kim Chen In' } : e === dropped ? { ...e, status: 'reject' } : e === renamed ? { ...e, canonical: 'Renamed By Hand' } : e === retyped ? { ...e, type: 'Place' } : e,
      ),
    );
    result = await runSeeds(out);
  });

  it('does not lose the edited alignments.csv: a plain run imports its decisions first, and says so', async () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/review: .*alignments\.csv was edited since the last run; 1 decision from it saved to the store/);
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8')).toMatch(/"status":"rejected"/);
    expect(readRows(join(out, 'alignments.csv')).find((r) => key(r) === key(target))?.status).toBe('rejected');
    expect(togetherInParallel(out, target.src_text!, target.tgt_text!)).toBe(false);
    expect(manifest(out).review.imported.map((i: { why: string }) => i.why)).toEqual(['hand-edited', 'hand-edited']);
  });

  it('applies glossary decisions: the edited canonical form replaces the computed one, a rejected entry leaves the TBX', async () => {
    const glossary = readRows(join(out, 'glossary.csv'));
    expect(glossary.find((e) => e.entry_id === kept.entry_id)).toMatchObject({ status: 'keep', canonical: 'Kim Chen In' });
    expect(glossary.find((e) => e.canonical === 'Renamed By Hand')).toMatchObject({ status: 'keep', mentions: renamed.mentions });
    expect(glossary.filter((e) => e.status === '').every((e) => e.canonical === manifest(out).glossaryCanonical[e.entry_id!])).toBe(true);
    expect(glossary.find((e) => e.canonical === dropped.canonical)).toMatchObject({ status: 'reject' });
    const tbx = readFileSync(join(out, 'glossary.tbx'), 'utf8');
    expect(tbx).toContain('canonical: Kim Chen In');
    expect(tbx).not.toContain(`canonical: ${dropped.canonical}<`);
    expect(manifest(out).review.applied).toMatchObject({ kept: 3, rejectedEntries: 1, canonical: 2, retyped: 1 });
  });

  it("applies a glossary type a reviewer edited, in glossary.csv and the TBX, and says so", async () => {
    expect(readRows(join(out, 'glossary.csv')).find((e) => e.entry_id === retyped.entry_id)).toMatchObject({ type: 'place', status: 'keep', canonical: retyped.canonical });
    expect(readFileSync(join(out, 'glossary.tbx'), 'utf8')).toContain(`<note>type: place, set by a reviewer; the text's evidence: `);
    expect(result.stdout).toMatch(/glossary 3 kept \(2 renamed, 1 retyped\), 1 rejected/);
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8')).toMatch(/"kind":"entry","status":"keep","canonical":"[^"]+","type":"place"/);
  });

  it('reads the same outputs unchanged on the next run: nothing imported twice', async () => {
    const r = await runSeeds(out);
    expect(r.stdout).not.toMatch(/was edited since the last run/);
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
  });
});

describe('a link kind a reviewer edits in out/alignments.csv', () => {
  const out = tmpPath('review-kind');
  let target: Row; // equivalent, set to related
  let lifted: Row; // related, set to equivalent
  let before: { target: boolean; lifted: boolean };
  let second: CliResult;
  const rowOf = (r: Row) => readRows(join(out, 'alignments.csv')).find((x) => key(x) === key(r));
  const storeLines = () => readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n');

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
    const rows = readRows(join(out, 'alignments.csv'));
    // links that are the only link of their group, so that their kind alone decides whether corpus.tmx holds them
    const sizes = new Map<string, number>();
    for (const r of readRows(join(out, 'parallel.csv'))) sizes.set(r.group_id!, Number(r.docs));
    const alone = (kind: string) => rows.find((r) => r.group_id && sizes.get(r.group_id) === 2 && r.kind === kind && r.status === 'auto')!;
    target = alone('equivalent');
    lifted = alone('related');
    before = { target: togetherInTmx(out, target.src_text!, target.tgt_text!), lifted: togetherInTmx(out, lifted.src_text!, lifted.tgt_text!) };
    // edited in place, the status left as it was; a plain re-run reads it
    writeRows(join(out, 'alignments.csv'), rows.map((r) => (r === target ? { ...r, kind: 'related' } : r === lifted ? { ...r, kind: 'equivalent' } : r)));
    second = await runSeeds(out);
  });

  it('is applied: the link set to related stays in its group, confirmed and related, and leaves corpus.tmx; the one set to equivalent is confirmed', () => {
    // as written: the one in corpus.tmx, the other not
    expect(target).toBeDefined();
    expect(lifted).toBeDefined();
    expect(before).toEqual({ target: true, lifted: false });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/review: .*alignments\.csv was edited since the last run; 2 decisions from it saved to the store/);
    expect(rowOf(target)).toMatchObject({ kind: 'related', status: 'confirmed', group_id: target.group_id });
    expect(togetherInParallel(out, target.src_text!, target.tgt_text!)).toBe(true);
    expect(togetherInTmx(out, target.src_text!, target.tgt_text!)).toBe(false);
    expect(rowOf(lifted)).toMatchObject({ kind: 'equivalent', status: 'confirmed' });
    expect(togetherInTmx(out, lifted.src_text!, lifted.tgt_text!)).toBe(true);
  });

  it('is counted on the console and in run.json, and kept in the store by documents and words', () => {
    expect(second.stdout).toMatch(/applied 2 confirmed \(2 accepted by the tool, 0 from below the threshold, 0 added by hand\), 0 rejected, 2 kinds set by a reviewer \(1 related, 1 equivalent\); glossary/);
    expect(manifest(out).review.applied).toMatchObject({ confirmed: 2, kindRelated: 1, kindEquivalent: 1 });
    const lines = storeLines().map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ kind: 'link', status: 'confirmed', linkKind: 'related', src: expect.objectContaining({ doc: target.src_doc, text: target.src_text }), tgt: expect.objectContaining({ doc: target.tgt_doc, text: target.tgt_text }) }),
      expect.objectContaining({ kind: 'link', status: 'confirmed', linkKind: 'equivalent', src: expect.objectContaining({ doc: lifted.src_doc, text: lifted.src_text }) }),
    ]);
  });

  it('holds on a further plain run, which imports nothing, and with --tm-include related the link is in corpus.tmx again', async () => {
    const third = await runSeeds(out);
    expect(third.code).toBe(0);
    expect(third.stdout).not.toMatch(/was edited since the last run/);
    expect(rowOf(target)).toMatchObject({ kind: 'related', status: 'confirmed' });
    expect(togetherInTmx(out, target.src_text!, target.tgt_text!)).toBe(false);
    expect(storeLines()).toHaveLength(2);
    expect((await runSeeds(out, '--tm-include', 'related')).code).toBe(0);
    expect(togetherInTmx(out, target.src_text!, target.tgt_text!)).toBe(true);
  });

  it('set back to equivalent and given with --review, is a change of mind, said', async () => {
    const rows = readRows(join(out, 'alignments.csv'));
    writeRows(join(out, 'alignments.csv'), rows.map((r) => (key(r) === key(target) ? { ...r, kind: 'equivalent' } : r)));
    const r = await runSeeds(out, '--review', join(out, 'alignments.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review: changed: .*kind related → equivalent/);
    expect(rowOf(target)).toMatchObject({ kind: 'equivalent', status: 'confirmed' });
    expect(togetherInTmx(out, target.src_text!, target.tgt_text!)).toBe(true);
  });

  it('that is neither word stops the run (exit 2), naming the file, the row and the value, and the file is left as it is', async () => {
    const rows = readRows(join(out, 'alignments.csv'));
    const line = rows.findIndex((r) => key(r) === key(lifted)) + 2;
    writeRows(join(out, 'alignments.csv'), rows.map((r) => (key(r) === key(lifted) ? { ...r, kind: 'partly' } : r)));
    const edited = readFileSync(join(out, 'alignments.csv'), 'utf8');
    const r = await runSeeds(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`alignments\\.csv: was edited since the last run but cannot be read as decisions \\(.*row ${line}: kind "partly", expected equivalent or related`));
    expect(readFileSync(join(out, 'alignments.csv'), 'utf8')).toBe(edited);
  });
});

describe('polyalign review import', () => {
  const out = tmpPath('review-import');

  it('merges a decisions file into the store; the next plain run applies it', async () => {
    expect((await runSeeds(out)).code).toBe(0);
    const rows = readRows(join(out, 'alignments.csv'));
    const target = rows.find((r) => r.group_id)!;
    const file = join(out, '..', 'page-export.csv');
    writeRows(file, [{ ...target, status: 'rejected' }]);
    const r = await runCliAsync(['review', 'import', file, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported 1 new decision from .*page-export\.csv into .*decisions\.jsonl/);
    expect((await runCliAsync(['review', 'import', file, '-o', out])).stdout).toMatch(/imported 0 new decisions/);
    expect((await runSeeds(out)).code).toBe(0);
    expect(togetherInParallel(out, target.src_text!, target.tgt_text!)).toBe(false);
  });

  it('reports a decision whose sentences this run lacks as orphaned and keeps it', async () => {
    const other = tmpPath('review-orphan');
    cpSync(out, other, { recursive: true });
    const file = join(other, '..', 'orphan.csv');
    writeRows(file, [{ status: 'rejected', src_doc: '000_f5fabf009eca07d9.txt', src_text: 'A sentence no article has.', tgt_doc: '004_fc47a5a952acfcd1.txt', tgt_text: 'Nor this one.' }]);
    const r = await runSeeds(other, '--review', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review: 1 decision not found in this run \(kept in the store/);
    expect(manifest(other).review.orphaned).toHaveLength(1);
    expect(readFileSync(join(other, 'decisions.jsonl'), 'utf8')).toContain('A sentence no article has.');
  });
});

describe('bad decisions files', () => {
  const out = tmpPath('review-bad');
  const dir = join(out, '..');

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
  });

  it.each([
    ['missing.csv', 'status,src_doc,src_text\nrejected,000_f5fabf009eca07d9.txt,x\n', /missing columns tgt_doc, tgt_text/],
    ['unknown.csv', 'status,src_doc,src_text,tgt_doc,tgt_text\nrejected,000_f5fabf009eca07d9.txt,x,999_nope.txt,y\n', /row 2: unknown document "999_nope\.txt"/],
    ['binary.csv', 'PK\u0003\u0004\u0000\u0000\u0000', /is not a CSV file/],
    ['quote.csv', 'status,src_doc\n"rejected,x\n', /is not a readable CSV file/],
  ])('%s: exit code 2 and a message naming the file and the problem', async (name, content, problem) => {
    writeFileSync(join(dir, name), content);
    const before = readFileSync(join(out, 'parallel.csv'), 'utf8');
    for (const args of [['run', SEEDS, '-o', out, '--embedder', 'lexical', '--review', join(dir, name)], ['review', 'import', join(dir, name), '-o', out]]) {
      const r = await runCliAsync(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(name);
      expect(r.stderr).toMatch(problem);
    }
    expect(readFileSync(join(out, 'parallel.csv'), 'utf8')).toBe(before);
    expect(existsSync(join(out, 'decisions.jsonl'))).toBe(false);
  });

  it('a missing file: exit code 2, named', async () => {
    const r = await runCliAsync(['review', 'import', join(dir, 'nowhere.csv'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere\.csv: no such decisions file/);
  });
});

describe('an alignments.csv edited in a spreadsheet that saves semicolons, then a run with --format', () => {
  const out = tmpPath('review-semicolon');
  let target: Row;
  let header: string[];

  /** Saved the way a spreadsheet in a decimal-comma locale saves "CSV": `;` between cells. */
  function writeSemicolons(rows: Row[]): void {
    writeFileSync(join(out, 'alignments.csv'), stringify(rows, { header: true, columns: header, delimiter: ';' }));
  }

  beforeAll(async () => {
    expect((await runSeeds(out)).code).toBe(0);
    const rows = readRows(join(out, 'alignments.csv'));
    header = Object.keys(rows[0]!);
    target = rows.find((r) => r.group_id)!;
    writeSemicolons(rows.map((r) => (r === target ? { ...r, status: 'rejected' } : r)));
  });

  it('is recognised as edited and imported before the run overwrites it', async () => {
    const r = await runSeeds(out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review: .*alignments\.csv was edited since the last run; 1 decision from it saved to the store/);
    expect(readRows(join(out, 'alignments.csv')).find((x) => key(x) === key(target))?.status).toBe('rejected');
    expect(togetherInParallel(out, target.src_text!, target.tgt_text!)).toBe(false);
  });

  it('stops the run (exit 2), naming it, when it cannot be read, and leaves it as it is', async () => {
    const rows = readRows(join(out, 'alignments.csv'));
    writeSemicolons(rows.map((r) => (key(r) === key(target) ? { ...r, status: 'maybe' } : r)));
    const edited = readFileSync(join(out, 'alignments.csv'), 'utf8');
    const r = await runSeeds(out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/alignments\.csv: was edited since the last run but cannot be read as decisions .*status "maybe"/);
    expect(readFileSync(join(out, 'alignments.csv'), 'utf8')).toBe(edited);
    writeSemicolons(rows);
  });

  it('still sees a later edit after a run with --format that did not rewrite it', async () => {
    expect((await runSeeds(out)).code).toBe(0); // takes back the file as it was written (nothing changed)
    const tmxOnly = await runSeeds(out, '--format', 'tmx');
    expect(tmxOnly.code).toBe(0);
    expect(manifest(out).outputs).not.toContain('alignments.csv');
    expect(Object.keys(manifest(out).outputHashes)).toContain('alignments.csv');
    // the reviewer changes their mind in the file the full run wrote
    const rows = readRows(join(out, 'alignments.csv'));
    writeRows(join(out, 'alignments.csv'), rows.map((r) => (key(r) === key(target) ? { ...r, status: 'confirmed' } : r)));
    const r = await runSeeds(out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review: changed: .*rejected → confirmed/);
    expect(r.stdout).not.toMatch(/conflict/);
    expect(readRows(join(out, 'alignments.csv')).find((x) => key(x) === key(target))?.status).toBe('confirmed');
  });

  it('a store locked by another process: exit 1, the lock file named, the store as it was', async () => {
    const store = readFileSync(join(out, 'decisions.jsonl'), 'utf8');
    // pid 1 (the init process) runs on this host as long as the host does
    writeFileSync(join(out, 'decisions.jsonl.lock'), '1\n');
    const r = await runSeeds(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/decisions\.jsonl\.lock: process 1 on this host is running polyalign on this output folder/);
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8')).toBe(store);
  });
});

describe('what a rejection let in', () => {
  it('is said on the console and in run.json: a link accepted now on a sentence a rejected link had, and not again on the next run', async () => {
    const out = tmpPath('review-let-in');
    expect((await runCliAsync(['run', SEEDS, '-o', out, '-q'])).code).toBe(0);
    const rows = readRows(join(out, 'alignments.csv'));
    const chosen = new Set(rows.filter((r) => r.group_id && r.status === 'auto').slice(0, 6));
    writeRows(join(out, 'alignments.csv'), rows.map((r) => (chosen.has(r) ? { ...r, status: 'rejected' } : r)));
    const second = await runCliAsync(['run', SEEDS, '-o', out]);
    expect(second.code, second.stderr).toBe(0);
    const said = second.stdout.split('\n').filter((l) => / let in /.test(l));
    expect(said.length).toBeGreaterThan(0);
    const letIn = manifest(out).review.letIn as string[];
    expect(said).toEqual(letIn.map((l) => `review: ${l}`));
    const accepted = readRows(join(out, 'alignments.csv')).filter((r) => r.group_id);
    for (const line of letIn) {
      const m = /^rejecting (\S+) (\S+) ↔ (\S+) (\S+) let in (\S+) (\S+) ↔ (\S+) (\S+)$/.exec(line)!;
      expect(m, line).not.toBeNull();
      // the rejected link was one of the reviewer's, the one let in is in a group now and was not before
      expect([...chosen].some((r) => r.src_lang === m[1] && r.src_sent === m[2] && r.tgt_lang === m[3] && r.tgt_sent === m[4])).toBe(true);
      const inNow = (r: Row) => r.src_lang === m[5] && r.src_sent === m[6] && r.tgt_lang === m[7] && r.tgt_sent === m[8];
      expect(accepted.some(inNow)).toBe(true);
      expect(rows.some((r) => r.group_id && inNow(r))).toBe(false);
    }
    const third = await runCliAsync(['run', SEEDS, '-o', out]);
    expect(third.stdout).not.toMatch(/ let in /);
  });
});
