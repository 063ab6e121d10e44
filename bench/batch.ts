// `polyalign batch` at corpus scale, run as a user runs it (the CLI in a child process):
//   - NTREX as a corpus: each of the 123 articles is one event of 7 articles (bs, hr, sr-Latn, sl, ro,
//     mk, da, each perturbed as the comparable condition of bench/ntrex.ts), and the same events
//     repeated to 1,000;
//   - events per second and peak memory (the process's max RSS, worker threads included) with
//     --jobs 1 and --jobs 2, and the speed-up of the second worker;
//   - every batch runs with --skip-bad, as a corpus builder would: the perturbation leaves a few articles
//     with one sentence, which are left out of their event;
//   - the machine's ceiling: the same events as two shards in two processes at once;
//   - resume: a batch killed (SIGKILL) once half its events have records, run again; how many events
//     ran again, and whether the combined outputs equal those of an uninterrupted batch byte for byte.
//
//   node --import tsx bench/batch.ts [--events 123] [--repeat-to 1000] [--json]
//
// The corpus is written to a temporary folder (NTREX is read from ../shared/eval/ntrex, never copied
// into the repository). Timings are wall-clock on whatever machine runs it: read the ratios.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGS, loadNtrex, perturb } from './ntrex.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'polyalign.js');
const COMBINED = ['parallel.csv', 'glossary.csv', 'corpus.tmx', 'glossary.tbx', 'parallel.jsonl'];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The NTREX corpus as event folders; events beyond 123 repeat the articles under new ids. */
export function buildCorpus(root: string, events: number): void {
  const corpus = loadNtrex();
  for (let e = 0; e < events; e++) {
    const article = e % corpus.articles.length;
    const dir = join(root, `ntrex-${String(article).padStart(3, '0')}-r${Math.floor(e / corpus.articles.length)}`);
    mkdirSync(dir, { recursive: true });
    for (const { code } of LANGS) {
      const lines = perturb(corpus, article, code, 'comparable').map((l) => l.text);
      writeFileSync(join(dir, `${code}.txt`), `${lines.join('\n')}\n`);
    }
  }
}

interface Timed {
  seconds: number;
  peakMB: number;
  code: number;
}

/** The CLI under /usr/bin/time: wall seconds and the max RSS of the process (worker threads share it). */
function timedBatch(root: string, out: string, jobs: number): Timed {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'batch', root, '-o', out, '-j', String(jobs), '--skip-bad', '-q'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { seconds, peakMB: Math.round(kb / 1024), code: r.status ?? -1 };
}

function records(out: string): number {
  const dir = join(out, 'events');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((id) => existsSync(join(dir, id, 'batch-event.json'))).length;
}

async function killHalfWay(root: string, out: string, events: number, jobs: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'batch', root, '-o', out, '-j', String(jobs), '--skip-bad', '-q'], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (records(out) >= events / 2) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      resolve();
    });
  });
  return records(out);
}

export async function runBatchBench(options: { events?: number; repeatTo?: number; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const events = options.events ?? 123;
  const repeatTo = options.repeatTo ?? 1000;
  const tmp = mkdtempSync(join(tmpdir(), 'polyalign-bench-batch-'));
  try {
    const small = join(tmp, 'corpus');
    const large = join(tmp, 'corpus-large');
    buildCorpus(small, events);
    buildCorpus(large, repeatTo);
    const rows: Array<Record<string, number | string>> = [];
    const run = (name: string, root: string, n: number, jobs: number) => {
      log(`${name}: ${n} events, --jobs ${jobs}`);
      const out = join(tmp, `out-${name}-${jobs}`);
      const t = timedBatch(root, out, jobs);
      // 3: some events failed (batch.json says which); the rest are measured
      if (t.code !== 0 && t.code !== 3) throw new Error(`batch ${name} --jobs ${jobs} exited with ${t.code}`);
      const m = JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8'));
      rows.push({ corpus: name, events: n, failed: m.counts.failed, jobs, seconds: Number(t.seconds.toFixed(1)), eventsPerSecond: Number((n / t.seconds).toFixed(2)), sentencesPerSecond: Math.round(m.counts.sentences / t.seconds), peakMB: t.peakMB });
      return out;
    };
    const whole = run('ntrex', small, events, 1);
    run('ntrex', small, events, 2);
    run('ntrex-repeated', large, repeatTo, 2);
    const [one, two] = rows;
    const speedUp = Number(((one!.seconds as number) / (two!.seconds as number)).toFixed(2));

    // The machine's own ceiling for this work: the same events as two independent processes (two
    // shards, one job each) at once. Where two processes are no faster than one thread, no threading
    // of polyalign's can be.
    log('ceiling: two shards as two processes at once');
    const t0 = performance.now();
    await Promise.all(
      [1, 2].map(
        (k) =>
          new Promise<void>((resolve) =>
            spawn(process.execPath, [BIN, 'batch', small, '-o', join(tmp, `out-shard-${k}`), '-j', '1', '--shard', `${k}/2`, '--skip-bad', '-q'], { stdio: 'ignore', env: { ...process.env, CI: '1' } }).on('exit', () => resolve()),
          ),
      ),
    );
    const twoProcesses = (performance.now() - t0) / 1000;
    const ceiling = Number(((one!.seconds as number) / twoProcesses).toFixed(2));

    log('resume: kill half way, run again');
    const killed = join(tmp, 'out-killed');
    const done = await killHalfWay(small, killed, events, 2);
    const again = spawnSync(process.execPath, [BIN, 'batch', small, '-o', killed, '-j', '2', '--skip-bad', '-q'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const m = JSON.parse(readFileSync(join(killed, 'batch.json'), 'utf8'));
    const identical = COMBINED.every((name) => readFileSync(join(killed, name)).equals(readFileSync(join(whole, name))));
    const resume = { events, recordsAtKill: done, reused: m.counts.reused, redone: m.counts.ok, failed: m.counts.failed, exitCode: again.status, combinedByteIdentical: identical };
    return { rows, speedUp, ceiling: { seconds: Number(twoProcesses.toFixed(1)), speedUp: ceiling }, resume };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runBatchBench({ events: arg('--events', 123), repeatTo: arg('--repeat-to', 1000), log: (l) => console.error(`  ${l}`) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.table(result.rows);
    console.log(`second worker: ×${result.speedUp}; two processes of one job each (this machine's ceiling for the same work): ×${result.ceiling.speedUp}`);
    console.log(`resume: ${JSON.stringify(result.resume)}`);
  }
}
