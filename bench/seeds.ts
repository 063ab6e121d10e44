// Alignment quality on the five seed articles (real comparable reports, the hardest case) against
// the hand-made gold in test/fixtures/seeds-gold/: strict and lax P/R/F1 over all ten document pairs.
//
//   node --import tsx bench/seeds.ts [--lexical]

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from '../src/commands/run.ts';
import { evalCommand } from '../src/commands/eval.ts';
import { createReporter } from '../src/progress.ts';

const ROOT = join(import.meta.dirname, '..');
export const SEEDS_GOLD = join(ROOT, 'test', 'fixtures', 'seeds-gold', 'alignments.csv');

export interface SeedsAlignment {
  all: { strict: { precision: number; recall: number; f1: number }; lax: { precision: number; recall: number; f1: number } };
  pairs: Array<{ pair: string; strict: { f1: number }; lax: { f1: number } }>;
}

export async function runSeedsAlignment(embedder: 'lexical' | 'polyalign' = 'polyalign'): Promise<SeedsAlignment> {
  const out = join(mkdtempSync(join(tmpdir(), 'polyalign-bench-seeds-')), 'out');
  await runCommand(
    { inputs: [join(ROOT, 'seeds')], out, embedder, model: '', modelsDir: join(ROOT, 'models'), mode: 'auto', format: 'csv', cache: false },
    createReporter('quiet'),
  );
  return JSON.parse(await evalCommand(SEEDS_GOLD, join(out, 'alignments.csv'), { json: true })) as SeedsAlignment;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runSeedsAlignment(process.argv.includes('--lexical') ? 'lexical' : 'polyalign');
  console.table(r.pairs.map((p) => ({ pair: p.pair, strictF1: p.strict.f1.toFixed(3), laxF1: p.lax.f1.toFixed(3) })));
  console.log('all', JSON.stringify(r.all));
}
