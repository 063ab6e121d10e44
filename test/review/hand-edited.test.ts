// How a run reads the outputs a reviewer edited in place (src/job/review-store.ts `importIntoStore`) and
// what run.json keeps for it (src/export/manifest.ts `withOutputHashes`), on small output folders
// written here: the files as a spreadsheet saves them, run.json as the last run wrote it.

import { existsSync, mkdtempSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoStore, inForce } from '../../src/job/review-store.ts';
import { LOCK_NAME, STALE_LOCK_MS } from '../../src/export/folder-lock.ts';
import { sha256, withOutputHashes } from '../../src/export/manifest.ts';
import { linkRowKey, serialiseStore, type Decision, type LinkDecision } from '../../src/review/index.ts';
import type { RunManifest } from '../../src/types.ts';

const A = '000_a.txt';
const B = '001_b.txt';
const HEADER = ['group_id', 'score', 'margin', 'method', 'status', 'src_doc', 'src_lang', 'src_sent', 'src_text', 'tgt_doc', 'tgt_lang', 'tgt_sent', 'tgt_text'];
const LINKS = [
  ['g0001', '0.9', '1.6', 'mining', A, 'bs', '0', 'Kim je stigao.', B, 'da', '0', 'Kim ankom.'],
  ['g0002', '0.8', '1.5', 'mining', A, 'bs', '1', 'Padao je snijeg.', B, 'da', '1', 'Det sneede.'],
  ['g0003', '0.7', '1.4', 'mining', A, 'bs', '2', 'Bilo je hladno.', B, 'da', '2', 'Det var koldt.'],
];

/** alignments.csv with these statuses, one per link, joined by `sep` (a spreadsheet may save `;` or tabs). */
function alignments(statuses: string[], sep = ','): string {
  const rows = LINKS.map((l, i) => [...l.slice(0, 4), statuses[i]!, ...l.slice(4)]);
  return [HEADER, ...rows].map((r) => r.join(sep)).join('\n') + '\n';
}

function link(status: LinkDecision['status'], i: number, source = 'page.csv'): LinkDecision {
  const l = LINKS[i]!;
  return { kind: 'link', status, src: { doc: A, text: l[7]!, sent: l[6]! }, tgt: { doc: B, text: l[11]!, sent: l[10]! }, source, at: '2025-09-01T10:00:00.000Z' };
}

/** An output folder as a run left it: alignments.csv written with the store holding `store` (all of it in force then). */
function outFolder(written: string, store: Decision[], manifest: Partial<RunManifest> = { outputHashes: { 'alignments.csv': sha256(written) }, storeLinesAtWrite: { 'alignments.csv': store.length } }): string {
  const out = join(mkdtempSync(join(tmpdir(), 'polyalign-hand-edited-')), 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'alignments.csv'), written);
  if (store.length > 0) writeFileSync(join(out, 'decisions.jsonl'), serialiseStore(store));
  writeFileSync(join(out, 'run.json'), JSON.stringify({ inputs: [{ doc: A }, { doc: B }], ...manifest }));
  return out;
}

const now = new Date('2025-09-02T10:00:00.000Z');
const statusOf = (log: Decision[], i: number) => inForce(log).links.find((d) => d.src.text === LINKS[i]![7])?.status;

describe('a hand-edited alignments.csv', () => {
  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('saved with %s is recognised as edited and its decisions imported', async (_, sep) => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), []);
    writeFileSync(join(out, 'alignments.csv'), alignments(['rejected', 'auto', 'confirmed'], sep));
    const outcome = await importIntoStore({ outDir: out, files: [], handEdited: true, now });
    expect(outcome.imported).toEqual([{ file: expect.stringMatching(/alignments\.csv$/), why: 'hand-edited', added: 2 }]);
    expect(statusOf(outcome.log, 0)).toBe('rejected');
    expect(statusOf(outcome.log, 2)).toBe('confirmed');
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('that cannot be read stops the run, naming the file, whatever its delimiter', async () => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), []);
    writeFileSync(join(out, 'alignments.csv'), alignments(['rejected', 'maybe', 'auto'], ';'));
    await expect(importIntoStore({ outDir: out, files: [], handEdited: true, now })).rejects.toMatchObject({
      code: 'review.invalid',
      exitCode: 2,
      message: expect.stringMatching(/alignments\.csv: was edited since the last run but cannot be read as decisions \(.*row 3: status "maybe"/),
    });
    writeFileSync(join(out, 'alignments.csv'), '"status;src_doc\nrejected;x\n');
    await expect(importIntoStore({ outDir: out, files: [], handEdited: true, now })).rejects.toMatchObject({ exitCode: 2, message: /alignments\.csv: was edited since the last run/ });
    expect(existsSync(join(out, 'decisions.jsonl'))).toBe(false);
  });

  it('without a status column (written before decisions existed) is left alone', async () => {
    const out = outFolder('group_id;src_doc;src_text\ng0001;a;b\n', [], {});
    const outcome = await importIntoStore({ outDir: out, files: [], handEdited: true, now });
    expect(outcome.imported).toEqual([]);
  });

  it('counts only the rows that differ from what the run wrote: an untouched row never overturns a newer decision', async () => {
    // The run wrote link 0 as confirmed (the one decision in the store then) ...
    const before = [link('confirmed', 0, 'first.csv')];
    const written = alignments(['confirmed', 'auto', 'auto']);
    const out = outFolder(written, before);
    // ... then the reviewer rejected it on the page and imported that ...
    writeFileSync(join(out, 'decisions.jsonl'), serialiseStore([...before, link('rejected', 0, 'page.csv')]));
    // ... and then edited one other row of alignments.csv; link 0's row still says confirmed.
    writeFileSync(join(out, 'alignments.csv'), alignments(['confirmed', 'rejected', 'auto']));
    const outcome = await importIntoStore({ outDir: out, files: [], handEdited: true, now });
    expect(statusOf(outcome.log, 0)).toBe('rejected');
    expect(statusOf(outcome.log, 1)).toBe('rejected');
    expect(outcome.changes).toEqual([]);
    expect(outcome.imported[0]!.added).toBe(1);
    // The same holds for the file given with --review.
    const again = await importIntoStore({ outDir: out, files: [join(out, 'alignments.csv')], handEdited: false, now });
    expect(statusOf(again.log, 0)).toBe('rejected');
    // A row the reviewer did change reverses the decision it showed.
    const changed = outFolder(written, before);
    writeFileSync(join(changed, 'alignments.csv'), alignments(['rejected', 'auto', 'auto']));
    const reversed = await importIntoStore({ outDir: changed, files: [], handEdited: true, now });
    expect(statusOf(reversed.log, 0)).toBe('rejected');
    expect(reversed.changes).toEqual([expect.stringMatching(/confirmed → rejected/)]);
  });

  it('of unknown age adds decisions but says which reversals it left out', async () => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), [link('confirmed', 0)], {});
    writeFileSync(join(out, 'alignments.csv'), alignments(['rejected', 'confirmed', 'auto']));
    const outcome = await importIntoStore({ outDir: out, files: [], handEdited: true, now });
    expect(statusOf(outcome.log, 0)).toBe('confirmed');
    expect(statusOf(outcome.log, 1)).toBe('confirmed');
    expect(outcome.conflicts).toEqual([expect.stringMatching(/"Kim je stigao\." .*: .*alignments\.csv says rejected, .*the store's \(from page\.csv\) was kept/)]);
  });
});

describe('a kind a reviewer edited in alignments.csv', () => {
  // the run's own columns, kind among them
  const header = ['group_id', 'score', 'margin', 'kind', 'method', 'status', 'src_doc', 'src_lang', 'src_sent', 'src_text', 'tgt_doc', 'tgt_lang', 'tgt_sent', 'tgt_text'];
  const table = (kinds: string[], statuses = ['auto', 'auto', 'auto']) =>
    [header, ...LINKS.map((l, i) => [...l.slice(0, 3), kinds[i]!, l[3]!, statuses[i]!, ...l.slice(4)])].map((r) => r.join(',')).join('\n') + '\n';
  const written = table(['equivalent', 'related', 'equivalent']);
  const record = (extra: Partial<RunManifest> = {}): Partial<RunManifest> => ({
    outputHashes: { 'alignments.csv': sha256(written) },
    storeLinesAtWrite: { 'alignments.csv': 0 },
    alignmentsRelated: [linkRowKey(A, '1', B, '1')],
    ...extra,
  });
  const kinds = (log: Decision[]) => inForce(log).links.map((d) => [d.src.text, d.status, d.linkKind]);

  it('is taken from the run’s own file, by a plain run and by --review, against the kinds run.json says it wrote', async () => {
    const edited = table(['related', 'equivalent', 'equivalent']);
    const expected = [
      ['Kim je stigao.', 'confirmed', 'related'],
      ['Padao je snijeg.', 'confirmed', 'equivalent'],
    ];
    const plain = outFolder(written, [], record());
    writeFileSync(join(plain, 'alignments.csv'), edited);
    const outcome = await importIntoStore({ outDir: plain, files: [], handEdited: true, now });
    expect(kinds(outcome.log)).toEqual(expected);
    expect(outcome.imported).toEqual([{ file: expect.stringMatching(/alignments\.csv$/), why: 'hand-edited', added: 2 }]);
    expect(readFileSync(join(plain, 'decisions.jsonl'), 'utf8')).toMatch(/^\{"kind":"link","status":"confirmed","linkKind":"related","src":\{"doc":"000_a\.txt","sent":"0","text":"Kim je stigao\."\}/);
    const review = outFolder(written, [], record());
    writeFileSync(join(review, 'alignments.csv'), edited);
    expect(kinds((await importIntoStore({ outDir: review, files: [join(review, 'alignments.csv')], handEdited: false, now })).log)).toEqual(expected);
    // not read where the run cannot tell an edited kind from its own: a copy elsewhere, a run.json from before kinds were recorded
    const out = outFolder(written, [], record());
    const copy = join(out, '..', 'copy.csv');
    writeFileSync(copy, edited);
    expect((await importIntoStore({ outDir: out, files: [copy], handEdited: false, now })).log).toEqual([]);
    const older = outFolder(written, [], record({ alignmentsRelated: undefined }));
    writeFileSync(join(older, 'alignments.csv'), edited);
    expect((await importIntoStore({ outDir: older, files: [], handEdited: true, now })).log).toEqual([]);
  });

  it('leaves a related link the store holds as it is when a row of it is only confirmed again', async () => {
    const store = [{ ...link('confirmed', 0, 'out/alignments.csv'), linkKind: 'related' as const }];
    const shown = table(['related', 'related', 'equivalent'], ['confirmed', 'auto', 'auto']);
    const out = outFolder(shown, store, record({ outputHashes: { 'alignments.csv': sha256(shown) }, storeLinesAtWrite: { 'alignments.csv': 1 }, alignmentsRelated: [linkRowKey(A, '0', B, '0'), linkRowKey(A, '1', B, '1')] }));
    // the reviewer rejects another link; the related one's row is as it was written
    writeFileSync(join(out, 'alignments.csv'), table(['related', 'related', 'equivalent'], ['confirmed', 'auto', 'rejected']));
    const outcome = await importIntoStore({ outDir: out, files: [], handEdited: true, now });
    expect(kinds(outcome.log)).toEqual([
      ['Kim je stigao.', 'confirmed', 'related'],
      ['Bilo je hladno.', 'rejected', undefined],
    ]);
    expect(outcome.changes).toEqual([]);
  });
});

describe('run.json after a run that does not rewrite alignments.csv or glossary.csv', () => {
  const manifest = { outputs: [], glossaryCanonical: { e0001: 'Computed' } } as unknown as RunManifest;
  const previous: Partial<RunManifest> = {
    outputHashes: { 'alignments.csv': 'a'.repeat(64), 'glossary.csv': 'b'.repeat(64), 'corpus.tmx': 'c'.repeat(64) },
    storeLinesAtWrite: { 'alignments.csv': 3, 'glossary.csv': 2 },
    glossaryCanonical: { e0001: 'Written' },
  };
  const render = (names: string[]) => {
    const files = [...names.map((name) => ({ name, content: `${name} now` })), { name: 'run.json', content: '' }];
    const out = withOutputHashes(files, manifest, 'run.json', { names: ['alignments.csv', 'glossary.csv'], storeLines: 7, previous });
    return JSON.parse(out.find((f) => f.name === 'run.json')!.content as string) as RunManifest;
  };

  it('carries their previous hashes, store lines and canonical forms forward', () => {
    const m = render(['corpus.tmx']);
    expect(m.outputHashes).toEqual({ 'corpus.tmx': sha256('corpus.tmx now'), 'alignments.csv': 'a'.repeat(64), 'glossary.csv': 'b'.repeat(64) });
    expect(m.storeLinesAtWrite).toEqual({ 'alignments.csv': 3, 'glossary.csv': 2 });
    expect(m.glossaryCanonical).toEqual({ e0001: 'Written' });
  });

  it('carries the related rows of alignments.csv forward while neither it nor the workbook is rewritten', () => {
    const withKinds = (names: string[]) => {
      const files = [...names.map((name) => ({ name, content: `${name} now` })), { name: 'run.json', content: '' }];
      const m = { ...manifest, alignmentsRelated: ['now'] } as RunManifest;
      const out = withOutputHashes(files, m, 'run.json', { names: ['alignments.csv', 'glossary.csv', 'workbook.xlsx'], storeLines: 7, previous: { ...previous, alignmentsRelated: ['written'] } });
      return (JSON.parse(out.find((f) => f.name === 'run.json')!.content as string) as RunManifest).alignmentsRelated;
    };
    expect(withKinds(['corpus.tmx'])).toEqual(['written']);
    expect(withKinds(['alignments.csv'])).toEqual(['now']);
    expect(withKinds(['workbook.xlsx'])).toEqual(['now']);
  });

  it('records the new ones for the files it writes', () => {
    const m = render(['alignments.csv', 'glossary.csv']);
    expect(m.outputHashes).toEqual({ 'alignments.csv': sha256('alignments.csv now'), 'glossary.csv': sha256('glossary.csv now') });
    expect(m.storeLinesAtWrite).toEqual({ 'alignments.csv': 7, 'glossary.csv': 7 });
    expect(m.glossaryCanonical).toEqual({ e0001: 'Computed' });
  });

  it('so a later edit reverses a decision instead of being taken as a file of unknown age', async () => {
    const written = alignments(['confirmed', 'auto', 'auto']);
    const out = outFolder(written, [link('confirmed', 0)]);
    const tmxRun = withOutputHashes([{ name: 'corpus.tmx', content: '<tmx/>' }, { name: 'run.json', content: '' }], manifest, 'run.json', {
      names: ['alignments.csv', 'glossary.csv'],
      storeLines: 1,
      previous: JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')),
    });
    writeFileSync(join(out, 'run.json'), tmxRun.find((f) => f.name === 'run.json')!.content);
    writeFileSync(join(out, 'alignments.csv'), alignments(['rejected', 'auto', 'auto']));
    const outcome = await importIntoStore({ outDir: out, files: [], handEdited: true, now });
    expect(statusOf(outcome.log, 0)).toBe('rejected');
    expect(outcome.conflicts).toEqual([]);
  });
});

describe('the store lock', () => {
  const page = (out: string) => {
    const file = join(out, '..', 'page.csv');
    writeFileSync(file, alignments(['rejected', 'auto', 'auto']));
    return file;
  };

  it('is held while the store is updated and removed after, also after an error', async () => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), []);
    await importIntoStore({ outDir: out, files: [page(out)], handEdited: false, now });
    expect(existsSync(join(out, LOCK_NAME))).toBe(false);
    await expect(importIntoStore({ outDir: out, files: [join(out, 'nowhere.csv')], handEdited: false, now })).rejects.toThrow(/no such decisions file/);
    expect(existsSync(join(out, LOCK_NAME))).toBe(false);
  });

  it('stops another update while its holder runs, naming the holder, and leaves the store as it was', async () => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), [link('confirmed', 1)]);
    const store = readFileSync(join(out, 'decisions.jsonl'), 'utf8');
    writeFileSync(join(out, LOCK_NAME), `${JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-12-07T02:00:00.000Z' })}\n`);
    await expect(importIntoStore({ outDir: out, files: [page(out)], handEdited: false, now })).rejects.toMatchObject({
      code: 'review.locked',
      exitCode: 1,
      message: expect.stringContaining(`${join(out, LOCK_NAME)}: process ${process.pid} on this host, since 2026-12-07T02:00:00.000Z is running polyalign on this output folder`),
    });
    expect(readFileSync(join(out, 'decisions.jsonl'), 'utf8')).toBe(store);
    expect(existsSync(join(out, LOCK_NAME))).toBe(true);
  });

  it('takes over at once, with a warning, a lock whose process on this host is gone (killed with -9)', async () => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), []);
    const pid = deadPid();
    for (const content of [`${JSON.stringify({ pid, host: hostname(), since: 'x' })}\n`, `${pid}\n`]) {
      writeFileSync(join(out, LOCK_NAME), content); // fresh: only the holder's death tells it is left over
      const warnings: string[] = [];
      const outcome = await importIntoStore({ outDir: out, files: [page(out)], handEdited: false, now, warn: (w) => warnings.push(w) });
      expect(statusOf(outcome.log, 0)).toBe('rejected');
      expect(warnings).toEqual([expect.stringMatching(new RegExp(`took over .*${LOCK_NAME.replace('.', '\\.')}, left by process ${pid} on this host.*which is no longer running`))]);
      expect(existsSync(join(out, LOCK_NAME))).toBe(false);
    }
  });

  it('waits for a lock of another host while it is touched, and takes it over when it is not', async () => {
    const out = outFolder(alignments(['auto', 'auto', 'auto']), []);
    writeFileSync(join(out, LOCK_NAME), `${JSON.stringify({ pid: 1, host: 'elsewhere.example', since: 'x' })}\n`);
    await expect(importIntoStore({ outDir: out, files: [page(out)], handEdited: false, now })).rejects.toMatchObject({ code: 'review.locked', message: expect.stringContaining('process 1 on host elsewhere.example') });
    const old = (Date.now() - STALE_LOCK_MS - 60_000) / 1000;
    utimesSync(join(out, LOCK_NAME), old, old);
    const warnings: string[] = [];
    const outcome = await importIntoStore({ outDir: out, files: [page(out)], handEdited: false, now, warn: (w) => warnings.push(w) });
    expect(statusOf(outcome.log, 0)).toBe('rejected');
    expect(warnings[0]).toMatch(/left by process 1 on host elsewhere\.example, .*untouched for 11 minutes/);
    expect(existsSync(join(out, LOCK_NAME))).toBe(false);
  });
});

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}
