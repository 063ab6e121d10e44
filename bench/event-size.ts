// One event told by many articles: `polyalign run` on 5, 10, 15 and 18 articles of one NTREX article
// (its 9 languages, each perturbed in the ordered and in the comparable way of bench/ntrex.ts, so no
// two are the same text), seconds (the better of 2 runs of the CLI, whole process) and how they grow with the number of
// articles, whose pairs grow as n·(n−1)/2. The longest NTREX article is used (about 30 sentences).
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

export function runEventSize(sizes = [5, 10, 15, 18]) {
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
  const tmp = mkdtempSync(join(tmpdir(), 'polyalign-event-size-'));
  try {
    const rows = sizes.map((n) => {
      const dir = join(tmp, `n${n}`);
      mkdirSync(dir);
      for (const v of versions.slice(0, n)) writeFileSync(join(dir, v.name), v.text);
      const times: number[] = [];
      for (let r = 0; r < 2; r++) {
        const t0 = performance.now();
        const run = spawnSync(process.execPath, [BIN, 'run', dir, '-o', join(tmp, `out${n}`), '-q', '--skip-bad', '--format', 'csv'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
        if (run.status !== 0) throw new Error(`run on ${n} articles failed: ${run.stderr}`);
        times.push((performance.now() - t0) / 1000);
      }
      times.sort((x, y) => x - y);
      return { articles: n, pairs: (n * (n - 1)) / 2, sentencesPerArticle: corpus.articles[article]!.length, seconds: Number(times[0]!.toFixed(2)) };
    });
    return rows.map((r) => ({ ...r, secondsPerPair: Number((r.seconds / r.pairs).toFixed(3)) }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = runEventSize();
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows);
}
