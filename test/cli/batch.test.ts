// `polyalign batch` end to end in a subprocess, as a corpus builder runs it: a small corpus with one
// bad event, the combined outputs read back, a batch killed half way and resumed, two shards and a
// merge against the unsharded batch.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseDtd, validate } from '../export/dtd.ts';
import { readCsv, readCsvObjects } from '../export/read-csv.ts';
import { toCsv } from '../../src/export/csv.ts';
import { ROOT, runCliAsync, spawnCli } from '../helpers/run-cli.ts';
import { SEED_FILES, seedEvents, tmpDir, tmpPath } from '../helpers/tmp.ts';

const COMBINED = ['parallel.csv', 'glossary.csv', 'corpus.tmx', 'glossary.tbx', 'parallel.jsonl'];
const tmxDtd = parseDtd(new URL('../../schemas/tmx14.dtd', import.meta.url).pathname);

function read(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

function manifest(dir: string) {
  return JSON.parse(read(dir, 'batch.json')) as {
    events: Array<{ id: string; status: string; error?: { code: string; message: string }; groups: number }>;
    counts: Record<string, number>;
    ignored?: string[];
  };
}

describe('polyalign batch', () => {
  it('aligns every good event, names the bad one, and writes combined outputs that parse and hold every good event', async () => {
    const root = seedEvents(tmpPath('batch', 'corpus'), { 'putin-kim': [0, 1, 2, 3, 4], 'agency-story': [0, 4], 'lonely': [1] });
    const out = join(root, '..', 'out');
    const r = await runCliAsync(['batch', root, '-o', out, '--jobs', '2']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.code).toBe(3); // finished, but one event failed
    expect(r.stdout).toMatch(/batch: 3 events: 2 aligned, 1 failed/);
    expect(r.stdout).toMatch(/failed lonely: expected at least two documents to align, found 1/);
    expect(r.stderr).toMatch(/\[\s*\d\/3\] lonely failed/);

    const m = manifest(out);
    expect(m.events.map((e) => [e.id, e.status])).toEqual([
      ['agency-story', 'ok'],
      ['lonely', 'failed'],
      ['putin-kim', 'ok'],
    ]);
    expect(m.events[1]!.error!.code).toBe('input.too-few-documents');

    // every good event has the full output of `run` in its folder, the bad one only its record
    for (const id of ['agency-story', 'putin-kim']) {
      for (const name of ['sentences.csv', 'alignments.csv', 'parallel.csv', 'glossary.csv', 'corpus.tmx', 'glossary.tbx', 'alignments.jsonl', 'review.html', 'run.json']) {
        expect(existsSync(join(out, 'events', id, name)), `${id}/${name}`).toBe(true);
      }
    }
    expect(readdirSync(join(out, 'events', 'lonely'))).toEqual(['batch-event.json']);

    // parallel.csv: one row per group of every good event, and the same groups as each event's own file
    const rows = readCsvObjects(read(out, 'parallel.csv'));
    for (const id of ['agency-story', 'putin-kim']) {
      const own = readCsvObjects(read(join(out, 'events', id), 'parallel.csv'));
      const mine = rows.filter((row) => row.event === id);
      expect(mine.length).toBe(own.length);
      expect(mine.map((row) => row.id)).toEqual(own.map((row) => `${id}/${row.group_id}`));
      expect(mine.map((row) => row.da)).toEqual(own.map((row) => row.da ?? ''));
    }
    expect(rows.some((row) => row.event === 'lonely')).toBe(false);

    // parallel.jsonl: the same groups, one per line, with members and stable ids
    const groups = read(out, 'parallel.jsonl').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(groups.map((g) => g.id)).toEqual(rows.map((row) => row.id));
    expect(groups.every((g) => g.members.length >= 2 && g.members.every((x: { text: string }) => x.text.length > 0))).toBe(true);

    // corpus.tmx: valid against the TMX DTD, one unit per part of a group that equivalent links hold
    // together, tuid = the stable id (and `.2` for a second part), in the groups' order
    const tmx = read(out, 'corpus.tmx');
    expect(validate(tmx, tmxDtd, 'tmx')).toEqual([]);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['tu', 'tuv', 'prop'].includes(name) }).parse(tmx);
    const tuids: string[] = parsed.tmx.body.tu.map((tu: Record<string, string>) => tu['@_tuid']);
    expect(tuids.length).toBeGreaterThan(0);
    const order = rows.map((row) => row.id);
    const positions = tuids.map((t) => order.indexOf(t.replace(/\.\d+$/, '')));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const eachGroup = groups.flatMap((g) => g.parts.map((_: number[], k: number) => (k === 0 ? g.id : `${g.id}.${k + 1}`)));
    expect(tuids).toEqual(eachGroup);

    // the corpus glossary merges one entity across events, with per-event mention counts
    const glossary = readCsvObjects(read(out, 'glossary.csv'));
    const putin = glossary.find((e) => e.canonical === 'Vladimir Putin')!;
    expect(putin.events).toBe('2');
    expect(putin.per_event).toMatch(/^putin-kim: \d+ \| agency-story: \d+$/);
    const sum = putin.per_event!.split(' | ').reduce((n, p) => n + Number(p.split(': ')[1]), 0);
    expect(Number(putin.mentions)).toBe(sum);
    expect(putin.mk).toMatch(/Путин/);
    expect(new Set(glossary.map((e) => e.canonical)).size).toBe(glossary.length);
    expect(read(out, 'glossary.tbx')).toMatch(/<termEntry id="e0001">/);
  });

  it('reads events from a JSON lines file, paths relative to it', async () => {
    const dir = tmpDir('batch');
    // paths relative to the events file's folder, as a corpus builder writes them
    const lines = [
      { id: 'first', files: [SEED_FILES[0]!, SEED_FILES[4]!].map((f) => relative(dir, join(ROOT, 'seeds', f))) },
      { id: 'second', files: [relative(dir, join(ROOT, 'seeds'))] },
    ];
    expect(lines[0]!.files[0]).toMatch(/^\.\.\//);
    writeFileSync(join(dir, 'events.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = await runCliAsync(['batch', '--events', join(dir, 'events.jsonl'), '-o', join(dir, 'out'), '-j', '1', '--format', 'csv']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.code).toBe(0);
    expect(manifest(join(dir, 'out')).events.map((e) => e.status)).toEqual(['ok', 'ok']);
    expect(readdirSync(join(dir, 'out', 'events', 'first')).filter((n) => n.endsWith('.csv')).length).toBeGreaterThan(0);
    expect(readCsvObjects(read(join(dir, 'out', 'events', 'first'), 'sentences.csv')).map((r) => r.doc).filter((d, i, a) => a.indexOf(d) === i)).toEqual([SEED_FILES[0], SEED_FILES[4]]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['batch.json', 'events', 'glossary.csv', 'parallel.csv']);

    writeFileSync(join(dir, 'bad.jsonl'), '{"id": "a", "files": ["x.txt"]}\n{"id": "a/b", "files": ["y.txt"]}\n');
    const bad = await runCliAsync(['batch', '--events', join(dir, 'bad.jsonl'), '-o', join(dir, 'out2')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:2: expected an event id that can name a folder/);
  });

  it('resumes a batch killed half way: only unfinished events run again, and the combined outputs are byte-identical', async () => {
    const sets = [
      [0, 1, 2, 3, 4], [0, 1, 2, 3], [1, 2, 3, 4], [0, 2, 3, 4], [0, 1, 3, 4], [0, 1, 2, 4],
      [0, 1, 2], [1, 2, 3], [2, 3, 4], [0, 3, 4], [0, 1, 4], [1, 3, 4],
    ];
    const root = seedEvents(tmpPath('batch', 'corpus'), Object.fromEntries(sets.map((s, i) => [`event-${String(i).padStart(2, '0')}`, s])));
    const whole = join(root, '..', 'whole');
    const killed = join(root, '..', 'killed');

    const full = await runCliAsync(['batch', root, '-o', whole, '-j', '2', '-q']);
    expect(full.code).toBe(0);

    // kill -9 once two events have their records
    const child = spawnCli(['batch', root, '-o', killed, '-j', '1', '-q'], { stdio: 'ignore' });
    const done = () => (existsSync(join(killed, 'events')) ? readdirSync(join(killed, 'events')).filter((id) => existsSync(join(killed, 'events', id, 'batch-event.json'))).length : 0);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (done() >= 2) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 10);
      child.on('exit', (code, signal) => {
        clearInterval(timer);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`the batch ended by itself (code ${code}) before it could be killed`));
      });
    });
    const finished = done();
    expect(finished).toBeGreaterThanOrEqual(2);
    expect(finished).toBeLessThan(sets.length);
    expect(existsSync(join(killed, 'batch.json'))).toBe(false);

    const resumed = await runCliAsync(['batch', root, '-o', killed, '-j', '2']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`batch: ${sets.length} events: ${sets.length} aligned \\(${finished} unchanged, reused\\), 0 failed`));
    // A reused event's line shows no time or rate (it took none).
    const reusedLines = resumed.stderr.split('\n').filter((l) => l.includes('unchanged, reused:'));
    expect(reusedLines).toHaveLength(finished);
    for (const line of reusedLines) expect(line).not.toMatch(/sentences\/s/);
    const m = manifest(killed);
    expect(m.counts.reused).toBe(finished);
    expect(m.counts.ok).toBe(sets.length - finished);
    for (const name of COMBINED) expect(read(killed, name), name).toBe(read(whole, name));

    // a changed input, and a reviewer's new decision, make just those events run again
    writeFileSync(join(root, 'event-11', SEED_FILES[1]!), read(join(ROOT, 'seeds'), SEED_FILES[1]!).replace('Putin', 'Putin,'));
    const { header, rows } = readCsv(read(join(killed, 'events', 'event-00'), 'alignments.csv'));
    const first = Object.fromEntries(header.map((h, i) => [h, rows[0]![i]!]));
    const decisions = join(root, '..', 'decisions.csv');
    writeFileSync(decisions, toCsv(header, [rows[0]!.map((cell, i) => (header[i] === 'status' ? 'rejected' : cell))]));
    const imported = await runCliAsync(['review', 'import', decisions, '-o', join(killed, 'events', 'event-00')]);
    expect(imported.code).toBe(0);
    const again = await runCliAsync(['batch', root, '-o', killed, '-j', '1']);
    expect(again.code).toBe(0);
    const statuses = Object.fromEntries(manifest(killed).events.map((e) => [e.id, e.status]));
    expect(Object.entries(statuses).filter(([, s]) => s === 'ok').map(([id]) => id)).toEqual(['event-00', 'event-11']);
    const rejected = readCsvObjects(read(join(killed, 'events', 'event-00'), 'alignments.csv')).find(
      (row) => row.src_doc === first.src_doc && row.src_sent === first.src_sent && row.tgt_doc === first.tgt_doc && row.tgt_sent === first.tgt_sent,
    )!;
    expect(rejected.status).toBe('rejected');
  });

  it('splits a batch into two shards whose merge equals the unsharded batch', async () => {
    const root = seedEvents(tmpPath('batch', 'corpus'), { a: [0, 4], b: [0, 1, 2], c: [2, 3, 4], d: [1, 3], e: [1] });
    const whole = join(root, '..', 'whole');
    const one = join(root, '..', 'shard-1');
    const two = join(root, '..', 'shard-2');
    const merged = join(root, '..', 'merged');
    expect((await runCliAsync(['batch', root, '-o', whole, '-j', '2', '-q'])).code).toBe(3);
    const s1 = await runCliAsync(['batch', root, '-o', one, '--shard', '1/2', '-j', '1']);
    const s2 = await runCliAsync(['batch', root, '-o', two, '--shard', '2/2', '-j', '1']);
    expect(s1.stdout).toMatch(/batch: 3 events: 2 aligned, 1 failed/); // a, c, e
    expect(s2.stdout).toMatch(/batch: 2 events: 2 aligned, 0 failed/); // b, d
    expect(readdirSync(join(one, 'events')).sort()).toEqual(['a', 'c', 'e']);
    expect(readdirSync(join(two, 'events')).sort()).toEqual(['b', 'd']);
    expect(existsSync(join(one, 'parallel.csv'))).toBe(false);
    expect(existsSync(join(one, 'batch-shard-1-of-2.json'))).toBe(true);

    const m = await runCliAsync(['batch', '--merge', '-o', merged, one, two]);
    expect(m.code).toBe(3); // event e failed in its shard, and the merge says so
    expect(m.stdout).toMatch(/batch: 5 events: 4 aligned, 1 failed/);
    for (const name of COMBINED) expect(read(merged, name), name).toBe(read(whole, name));

    const bad = await runCliAsync(['batch', root, '-o', one, '--shard', '3/2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shard: expected K\/N with 1 ≤ K ≤ N/);
  });

  it('names a stray file in the folder of events before the events run, once', async () => {
    const root = seedEvents(tmpPath('batch', 'corpus'), { a: [0, 4] });
    writeFileSync(join(root, 'notes.txt'), 'not an event');
    const r = await runCliAsync(['batch', root, '-o', join(root, '..', 'out'), '--embedder', 'lexical', '-j', '1']);
    expect(r.code).toBe(0);
    const warning = 'warning: notes.txt is not a folder and was left out (a batch takes one sub-folder per event)';
    const err = r.stderr.split('\n');
    expect(err.indexOf(warning)).toBeGreaterThanOrEqual(0);
    expect(err.indexOf(warning)).toBeLessThan(err.findIndex((l) => / a done: /.test(l)));
    expect(r.stdout).not.toContain(warning);
    expect(manifest(join(root, '..', 'out')).ignored).toEqual(['notes.txt']);
  });

  it('refuses a root without event folders and an unwritable output, naming them', async () => {
    const empty = tmpDir('batch');
    writeFileSync(join(empty, 'article.txt'), 'text');
    const r = await runCliAsync(['batch', empty, '-o', join(empty, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${empty}: has no sub-folders; a batch takes one sub-folder of articles per event`);
    const root = seedEvents(tmpPath('batch', 'corpus'), { a: [0, 4] });
    const file = join(root, '..', 'a-file');
    writeFileSync(file, '');
    const w = await runCliAsync(['batch', root, '-o', file]);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/a-file.*(not a folder|is a file)/);
  });
});
