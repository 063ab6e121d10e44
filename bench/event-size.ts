// One event told by many articles: `polyalign run` on 5, 10, 15 and 20 articles of one NTREX article
// (its 9 languages, each perturbed in the ordered and in the comparable way of bench/ntrex.ts, and a
// second English and Danish article perturbed with other seeds, as two more outlets; no two are the
// same text), seconds (the better of 2 runs of the CLI, whole process), the seconds of its align stage
// (run.json), with one thread (`-j 1`) and with every core aligning pairs (`-j` left out), and how they
// grow with the number of articles, whose pairs grow as n·(n−1)/2. The longest NTREX article is used
// (about 30 sentences). A last row is one event of 9 long articles (about 220 sentences each).
//
//   node --import tsx bench/event-size.ts [--json]

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGS, loadNtrex, NTREX_DIR, perturb, type Condition } from './ntrex.ts';
import { readFileSync } from 'node:fs';

const BIN = join(import.meta.dirname, '..', 'bin', 'polyalign.js');
// the 7 languages of the quality benchmark and the two more NTREX has
const FILES: Array<{ code: string; file: string }> = [...LANGS, { code: 'en', file: 'eng.txt' }, { code: 'sr-Cyrl', file: 'srp-Cyrl.txt' }];

export function runEventSize(sizes = [5, 10, 15, 20]) {
  const corpus = loadNtrex();
  // the extra languages, read as bench/ntrex.ts reads its own
  for (const { code, file } of FILES) corpus.lines[code] ??= readFileSync(join(NTREX_DIR, file), 'utf8').split('\n');
  const article = corpus.articles.reduce((best, a, i) => (a.length > corpus.articles[best]!.length ? i : best), 0);
  const versions: Array<{ name: string; text: string }> = [];
  for (const condition of ['ordered', 'comparable'] as Condition[]) {
    for (const { code } of FILES) {
      versions.push({ name: `${condition}-${code}.txt`, text: `${perturb(corpus, article, code, condition).map((l) => l.text).join('\n')}\n` });
    }
  }
  // two more outlets: the same lines under another key perturb other ways
  for (const code of ['en', 'da']) {
    corpus.lines[`${code}-2`] = corpus.lines[code]!;
    versions.push({ name: `ordered-${code}-2.txt`, text: `${perturb(corpus, article, `${code}-2`, 'ordered').map((l) => l.text).join('\n')}\n` });
  }
  // One event of long articles: each of the 9 languages tells NTREX articles 0–14 in turn (about 220
  // lines), ordered-perturbed: 36 pairs with far more work each, where the pool of threads pays.
  const long = FILES.map(({ code }) => ({
    name: `long-${code}.txt`,
    text: `${Array.from({ length: 15 }, (_, a) => perturb(corpus, a, code, 'ordered').map((l) => l.text)).flat().join('\n')}\n`,
  }));
  const tmp = mkdtempSync(join(tmpdir(), 'polyalign-event-size-'));
  try {
    const rows = sizes.map((n) => measure(tmp, `n${n}`, versions.slice(0, n), corpus.articles[article]!.length));
    rows.push(measure(tmp, 'long', long, Math.round(long.reduce((s, v) => s + v.text.split('\n').length - 1, 0) / long.length)));
    return rows.map((r) => ({ ...r, secondsPerPair: Number((r.seconds / r.pairs).toFixed(3)) }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The CLI on `files` as one event, with one thread and with every core: the better of 2 runs each. */
function measure(tmp: string, name: string, files: Array<{ name: string; text: string }>, sentencesPerArticle: number) {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const v of files) writeFileSync(join(dir, v.name), v.text);
  const out = join(tmp, `out-${name}`);
  const runs = (jobs: string[]) => {
    const times: Array<{ seconds: number; align: number; threads: number }> = [];
    for (let r = 0; r < 2; r++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [BIN, 'run', dir, '-o', out, '-q', '--skip-bad', '--format', 'csv', ...jobs], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
      if (run.status !== 0) throw new Error(`run on ${name} failed: ${run.stderr}`);
      const seconds = (performance.now() - t0) / 1000;
      const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { timings: { align: number }; threads: { align: number } };
      times.push({ seconds, align: manifest.timings.align / 1000, threads: manifest.threads.align });
    }
    return times.sort((x, y) => x.seconds - y.seconds)[0]!;
  };
  const one = runs(['-j', '1']);
  const all = runs([]);
  const n = files.length;
  return {
    articles: n,
    pairs: (n * (n - 1)) / 2,
    sentencesPerArticle,
    seconds: Number(one.seconds.toFixed(2)),
    alignSeconds: Number(one.align.toFixed(2)),
    secondsAllCores: Number(all.seconds.toFixed(2)),
    alignSecondsAllCores: Number(all.align.toFixed(2)),
    alignThreadsAllCores: all.threads,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = runEventSize();
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows);
}
