// `polyalign run` and `batch` as a user meets them when something around them is wrong: an output
// folder inside the input folder, run twice; a lock left by a killed run, or held by a live one; two
// runs into one folder at once; --jobs far above the cores; a broken Word document. Each in a
// subprocess, with the lexical embedder (the fastest) on two or three seeds.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME } from '../../src/export/folder-lock.ts';
import { runCli, runCliAsync } from '../helpers/run-cli.ts';
import { SEED_FILES, seedEvents, seedFolder, tmpPath } from '../helpers/tmp.ts';

const groupsIn = (out: string) => (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { counts: { groups: number; sentences: number } }).counts;

describe('an output folder inside the input folder', () => {
  it('is never read back as articles by run, and -o equal to the input is refused', () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0, 4]);
    const out = join(news, 'out');
    const first = runCli(['run', news, '-o', out, '--embedder', 'lexical']);
    expect(first.code).toBe(0);
    const before = groupsIn(out);
    const second = runCli(['run', news, '-o', out, '--embedder', 'lexical']);
    expect(second.code).toBe(0);
    expect(groupsIn(out)).toEqual(before);
    expect(second.stdout).toContain(`skipped ${out}: this run's output folder (-o); not read as articles`);
    // another run's folder in it is left out too, whatever -o says
    const other = runCli(['run', news, '-o', join(news, '..', 'elsewhere'), '--embedder', 'lexical']);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain(`skipped ${out}: an output folder of polyalign (it holds run.json); not read as articles`);
    expect(groupsIn(join(news, '..', 'elsewhere'))).toEqual(before);

    const same = runCli(['run', news, '-o', news, '--embedder', 'lexical']);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(`polyalign: ${news}: -o is the input folder ${news}: the next run would read its outputs as articles; give another folder, e.g. -o ${news}-out\n`);
    const outputs = runCli(['run', out, '-o', join(news, '..', 'again'), '--embedder', 'lexical']);
    expect(outputs.code).toBe(2);
    expect(outputs.stderr).toMatch(/is an output folder of polyalign \(it holds run\.json\), not a folder of articles/);
  });

  it('is never taken for an event by batch, and -o equal to the folder of events is refused', () => {
    const root = seedEvents(tmpPath('faults', 'b'), { e1: [0, 4], e2: [2, 4] });
    const out = join(root, 'out');
    const first = runCli(['batch', root, '-o', out, '--embedder', 'lexical', '-j', '1', '--skip-bad']);
    expect(first.code).toBe(0);
    const corpus = readFileSync(join(out, 'parallel.jsonl'), 'utf8');
    const second = runCli(['batch', root, '-o', out, '--embedder', 'lexical', '-j', '1', '--skip-bad']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("warning: out is this batch's output folder (-o), not an event; left out");
    expect(second.stdout).toMatch(/batch: 2 events: 2 aligned \(2 unchanged, reused\), 0 failed/);
    expect(readFileSync(join(out, 'parallel.jsonl'), 'utf8')).toBe(corpus);
    expect((JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8')) as { outputFolders: string[] }).outputFolders).toEqual(["out: this batch's output folder (-o)"]);

    const same = runCli(['batch', root, '-o', root, '--embedder', 'lexical']);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/-o is the folder of events: the next batch would take its outputs for an event/);
  });
});

describe('batch --skip-bad', () => {
  it('names every file it left out, on the console and in batch.json', () => {
    const root = seedEvents(tmpPath('faults', 'b'), { e1: [0, 4], e2: [1, 2] });
    writeFileSync(join(root, 'e1', 'empty.txt'), '');
    writeFileSync(join(root, 'e2', 'binary.txt'), Buffer.from([0, 1, 2, 0, 98, 105, 110]));
    const out = join(root, '..', 'out');
    const r = runCli(['batch', root, '-o', out, '--embedder', 'lexical', '-j', '1', '--skip-bad']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`  skipped e1: ${join(root, 'e1', 'empty.txt')}: the file is empty; expected article text`);
    expect(r.stdout).toMatch(new RegExp(`  skipped e2: ${join(root, 'e2', 'binary.txt').replace(/[.]/g, '\\.')}: this looks like a binary file`));
    expect(r.stderr).toMatch(/\] e1 done: \d+ sentences, \d+ groups?, 1 file skipped/);
    const m = JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8')) as { events: Array<{ id: string; skipped?: Array<{ path: string }> }> };
    expect(m.events.map((e) => [e.id, e.skipped?.map((k) => k.path)])).toEqual([['e1', [join(root, 'e1', 'empty.txt')]], ['e2', [join(root, 'e2', 'binary.txt')]]]);
  });
});

describe('batch --lang', () => {
  it('names the language of a document in the events that have it, and leaves the others alone', () => {
    const root = seedEvents(tmpPath('faults', 'b'), { e1: [0, 4], e2: [1, 2] });
    const out = join(root, '..', 'out');
    const r = runCli(['batch', root, '-o', out, '--embedder', 'lexical', '-j', '1', '--lang', `${SEED_FILES[0]}=hr`]);
    expect(r.code).toBe(0);
    const langs = (id: string) => (JSON.parse(readFileSync(join(out, 'events', id, 'run.json'), 'utf8')) as { inputs: Array<{ doc: string; lang: { code: string; source: string } }> }).inputs.map((i) => `${i.doc}=${i.lang.code}:${i.lang.source}`);
    expect(langs('e1')).toContain(`${SEED_FILES[0]}=hr:override`);
    expect(langs('e2').every((l) => !l.endsWith(':override'))).toBe(true);
  });
});

describe('the output folder lock', () => {
  const lockOf = (pid: number, host = hostname()) => `${JSON.stringify({ pid, host, since: '2026-12-07T02:00:00.000Z' })}\n`;

  it('left by a run killed with -9 is taken over with a warning; one whose holder runs stops the run, naming it', () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0, 4]);
    const out = join(news, '..', 'out');
    expect(runCli(['run', news, '-o', out, '--embedder', 'lexical']).code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(out, LOCK_NAME), lockOf(dead));
    const r = runCli(['run', news, '-o', out, '--embedder', 'lexical']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`warning: took over ${join(out, LOCK_NAME)}, left by process ${dead} on this host, since 2026-12-07T02:00:00.000Z, which is no longer running (killed or crashed)`);
    expect(readdirSync(out)).not.toContain(LOCK_NAME);

    writeFileSync(join(out, LOCK_NAME), lockOf(process.pid));
    const held = runCli(['run', news, '-o', out, '--embedder', 'lexical']);
    expect(held.code).toBe(1);
    expect(held.stderr).toBe(
      `polyalign: ${join(out, LOCK_NAME)}: process ${process.pid} on this host, since 2026-12-07T02:00:00.000Z is running polyalign on this output folder (a run, or a review import); run again when it has finished, or give another -o. If it is not running any more, delete this lock file\n`,
    );
  });

  it('is held for the whole run: of two runs into one folder at once, one is stopped and told so', async () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0, 1, 4]);
    const out = join(news, '..', 'out');
    mkdirSync(out);
    const [a, b] = await Promise.all([0, 1].map(() => runCliAsync(['run', news, '-o', out, '--embedder', 'lexical'])));
    expect([a!.code, b!.code].sort()).toEqual([0, 1]);
    expect([a!.stderr, b!.stderr].join('')).toMatch(/is running polyalign on this output folder/);
  });

  it('is taken for a folder the run makes, too: two runs into one new folder at once are told of each other', async () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0, 1, 4]);
    const out = join(news, '..', 'new', 'out');
    const [a, b] = await Promise.all([0, 1].map(() => runCliAsync(['run', news, '-o', out, '--embedder', 'lexical'])));
    expect([a!.code, b!.code].sort()).toEqual([0, 1]);
    expect([a!.stderr, b!.stderr].join('')).toMatch(/is running polyalign on this output folder/);
  });

  it('leaves no folder behind when the run fails on its input', () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0]);
    const out = join(news, '..', 'made', 'out');
    const r = runCli(['run', news, '-o', out, '--embedder', 'lexical']);
    expect(r.code).toBe(2);
    expect(existsSync(join(news, '..', 'made'))).toBe(false);
  });
});

describe('--jobs', () => {
  it('above the cores is lowered to them, with a warning', () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0, 4]);
    const cores = availableParallelism();
    const r = runCli(['run', news, '-o', join(news, '..', 'out'), '--embedder', 'lexical', '-j', '100000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: --jobs 100000 is more than the ${cores} core${cores === 1 ? '' : 's'} here; using ${cores}`);
    const b = runCli(['batch', join(news, '..'), '-o', join(news, '..', '..', 'bout'), '--embedder', 'lexical', '-j', '64', '--skip-bad']);
    expect(b.stderr).toContain(`warning: --jobs 64 is more than the ${cores} core${cores === 1 ? '' : 's'} here; using ${cores}`);
  });
});

describe('a file with no sentence stops', () => {
  it('is cut into sentences of at most 1,000 characters with a warning, and no output cell gets near a spreadsheet limit', () => {
    const news = seedFolder(tmpPath('faults', 'news'), [0, 4]);
    const words = ['putin', 'kim', 'sastanak', 'peking', 'vojnici', 'kursk', 'rusija', 'koreja', 'savez', 'prijateljstvo'];
    writeFileSync(join(news, 'run-on.txt'), `${Array.from({ length: 40_000 }, (_, i) => words[(i * 7) % words.length]).join(' ')}\n`);
    const out = join(news, '..', 'out');
    const r = runCli(['run', news, '-o', out, '--embedder', 'lexical', '--lang', 'run-on.txt=bs', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`warning: ${join(news, 'run-on.txt')}: 1 passage of over 1,000 characters with no sentence stop was cut at clause breaks into \\d+ sentences`));
    let longest = 0;
    for (const name of readdirSync(out).filter((n) => n.endsWith('.csv'))) for (const cell of readFileSync(join(out, name), 'utf8').split(/[,\n]/)) longest = Math.max(longest, cell.length);
    expect(longest).toBeLessThanOrEqual(1100);
  });
});

describe('an error', () => {
  it('is one line naming the file, also when a library reports over several (a broken .docx)', async () => {
    const { default: JSZip } = await import('jszip');
    const news = seedFolder(tmpPath('faults', 'news'), [0, 4]);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Hello &nbsp; world</w:t></w:r></w:p></w:body></w:document>');
    writeFileSync(join(news, 'broken.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = runCli(['run', news, '-o', join(news, '..', 'out'), '--embedder', 'lexical']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`polyalign: ${join(news, 'broken.docx')}: cannot read this Word document (its XML is broken: entity not found:&nbsp;); save the article as plain text (.txt)\n`);
  });
});
