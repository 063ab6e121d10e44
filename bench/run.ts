// `npm run bench`: every benchmark, one after another; figures to bench/results.json and a table.
//
//   npm run bench                 # all, NTREX on all 123 articles
//   npm run bench -- --quick      # NTREX on 20 articles, 1,000-sentence speed only (synthetic and real text)
//
// Figures are medians or single runs on whatever machine runs them: compare ratios
// (polyalign vs hunalign on the same pairs, lexical vs neural) rather than absolute seconds.

import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { alignSpeedRows, SPEED_SIZES } from './align-speed.ts';
import { overheadTable } from './embed-overhead.ts';
import type { OverheadResult } from './embed-overhead.ts';
import { formatEmbedQuality, runEmbedQuality } from './embed-quality.ts';
import { formatRetrieval, runRetrieval } from './retrieval.ts';
import { runLongMining } from './mining-long.ts';
import { runEmbedSpeed } from './embed-speed.ts';
import { printGlossaryBench, runGlossaryBench } from './glossary.ts';
import { realSpeedTable, runRealSpeed } from './hunalign-speed.ts';
import { runLanguageBench } from './language.ts';
import { runKernelBench } from './similarity-kernels.ts';
import { runNtrex, summariseNtrex } from './ntrex.ts';
import { runPairScorerBench } from './pair-scorer.ts';
import type { NtrexTiming } from './ntrex.ts';
import { runSeedsAlignment } from './seeds.ts';
import { runConfidenceBench } from './confidence.ts';
import { countFigures } from './figures.ts';
import { runEventSize } from './event-size.ts';
import { embedderFactory } from './embedders.ts';

const quick = process.argv.includes('--quick');
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
  quick,
};

async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  console.error(`bench: ${name} …`);
  const value = await fn();
  console.error(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  results[name] = value;
  return value;
}

const language = await step('language', () => runLanguageBench({ quiet: true }));
console.log('\nLanguage detection accuracy on NTREX articles');
console.table(language.detection);

// The default embedder (polyalign's own model with the lexical channel) beside the lexical channel alone.
const factories = { polyalign: await embedderFactory('polyalign'), lexical: await embedderFactory('lexical') };
const embedQuality = await step('embedQuality', async () => ({
  polyalign: await runEmbedQuality({ embedder: factories.polyalign }),
  lexical: await runEmbedQuality({ embedder: factories.lexical }),
}));
for (const [name, q] of Object.entries(embedQuality)) {
  console.log(`\n${name}: NTREX nearest-neighbour P@1 per language pair`);
  console.log(formatEmbedQuality(q));
}
console.table(
  embedQuality.polyalign.pairs.map((p, i) => ({ pair: `${p.src}-${p.tgt}`, polyalign: Number((p.p1 * 100).toFixed(1)), lexical: Number((embedQuality.lexical.pairs[i]!.p1 * 100).toFixed(1)) })),
);

// The model issue's retrieval figures: each line among all 1,997 of the other language (MTEB's bitext mining).
const retrieval = await step('retrieval', () => runRetrieval());
console.log(`\n${formatRetrieval(retrieval)}`);

// Mining two long comparable documents (NTREX bs against da, shuffled in blocks), at 500 and 1,997 lines.
const longMining = await step('longMining', () => runLongMining('polyalign'));
console.log('\nMining long documents: NTREX bs vs da, 5% dropped each side, da shuffled in blocks of 1–3 (strict P/R of the exported links)');
console.table(longMining);

const ntrexTiming: NtrexTiming = {};
const ntrex = await step('ntrex', () => runNtrex({ ...(quick ? { articles: 20 } : {}), embedder: async (c) => factories.polyalign(c), timing: ntrexTiming }));
results.ntrex = { summary: summariseNtrex(ntrex, ntrexTiming), pairs: ntrex };
console.log('\nAlignment on perturbed NTREX-128, default embedder (strict/lax P/R/F1, mean over 21 language pairs; seconds: total over all pairs, alignSeconds: alignment alone)');
console.table(summariseNtrex(ntrex, ntrexTiming));
// the same comparable condition mined by margin alone, as before the pair scorer
const ntrexMarginOnly = await step('ntrexMarginOnly', () => runNtrex({ ...(quick ? { articles: 20 } : {}), embedder: async (c) => factories.polyalign(c), hunalign: false, pairScorer: false, conditions: ['comparable'] }));
console.log('\nNTREX comparable, polyalign mining by margin alone (--no-pair-scorer)');
console.table(summariseNtrex(ntrexMarginOnly));
const pairScorer = await step('pairScorer', () => runPairScorerBench({ log: () => {} }));
console.log(`\npair scorer refitted on the simulated FLORES events: ${JSON.stringify(pairScorer)}`);
const ntrexLexical = await step('ntrexLexical', () => runNtrex({ ...(quick ? { articles: 20 } : {}), embedder: async (c) => factories.lexical(c), hunalign: false }));
results.ntrexLexical = { summary: summariseNtrex(ntrexLexical), pairs: ntrexLexical };
console.log('\nThe same with the lexical embedder alone');
console.table(summariseNtrex(ntrexLexical));

const seeds = await step('seedsAlignment', async () => ({ polyalign: await runSeedsAlignment('polyalign'), lexical: await runSeedsAlignment('lexical') }));
console.log('\nAlignment on the seed articles against the hand-made gold');
console.table({
  'polyalign strict': seeds.polyalign.all.strict,
  'polyalign lax': seeds.polyalign.all.lax,
  'lexical strict': seeds.lexical.all.strict,
  'lexical lax': seeds.lexical.all.lax,
});

const glossary = await step('glossary', () => runGlossaryBench());
console.log('');
printGlossaryBench(glossary);

const embedSpeed = await step('embedSpeed', () => runEmbedSpeed());
console.log('\nEmbedding speed');
console.table(embedSpeed);

// A child process too: it builds and loads models of several hundred MB, and its timings should
// not share a heap with the benchmarks before it.
const embedOverhead = await step('embedOverhead', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'embed-overhead.ts'), '--json', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`embed-overhead failed with status ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as OverheadResult;
});
console.log(`\nNeural embedder against bare onnxruntime-node on the same token batches (${embedOverhead.threads} thread; medians of ${embedOverhead.rows[0]?.runs} runs)`);
console.table(overheadTable(embedOverhead));
const cached = embedOverhead.cache;
console.log(`cached re-run of ${cached.sentences} sentences (MiniLM-size): ×${cached.speedUp} faster (${cached.coldSeconds.join('/')} s → ${cached.warmSeconds.join('/')} s)`);

// In a child process, so that its peak memory is not the earlier benchmarks'.
const alignSpeed = await step('alignSpeed', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'align-speed.ts'), '--json', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`align-speed failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
});
console.log('\nAlignment speed (synthetic documents, dim 384; peak RSS of the benchmark process)');
console.table(alignSpeedRows(alignSpeed, quick ? SPEED_SIZES.slice(0, 1) : SPEED_SIZES));

const kernels = await step('similarityKernels', () => runKernelBench(quick ? 500 : 2_000));
console.log('\nSimilarity pass on lexical NTREX vectors (bs × da): dense kernel against the inverted index, median of 3');
console.table(kernels);

// Real text beside hunalign; it runs every step in a child process of its own (peak memory per system).
const realSpeed = await step('realSpeed', () => runRealSpeed({ ...(quick ? { sizes: [1_000] } : {}), log: (line) => console.error(`  ${line}`) }));
console.log(`\nAlignment speed on real text (NTREX ${realSpeed.rows[0]?.langs}, ordered-perturbed articles concatenated; passes over the articles: ${JSON.stringify(realSpeed.passes)}; peak RSS per child process)`);
console.table(realSpeedTable(realSpeed.rows));

// The calibrated link confidence: fitted weights, held-out expected calibration error, reliability diagrams.
const confidence = await step('confidence', async () => ({
  polyalign: await runConfidenceBench({ embedder: 'polyalign' }),
  lexical: await runConfidenceBench({ embedder: 'lexical' }),
}));
console.log('\nLink confidence (P(equivalent), fitted on simulated FLORES events) on NTREX: calibration error, ranking AUC, kinds; and the share of group cells and member pairs linked directly');
for (const c of Object.values(confidence)) {
  console.log(`${c.embedder}: cells linked ${c.groups.cellsDirectlyLinked}, member pairs linked ${c.groups.memberPairsDirectlyLinked}${c.png ? `, ${c.png}` : ''}`);
  console.table(c.heldOut);
  console.log(`${c.embedder}, NTREX's translations as they are: ${JSON.stringify(c.translations)}`);
}

// The figure rules of link evidence on translations: what they still flag there.
const figures = await step('figures', () => countFigures(10));
console.log(`\nFigure rules on ${figures.linePairs} translated NTREX line pairs: figures that disagree ${figures.disagree}, a figure on one side only ${figures.oneSide}; most frequent:`);
console.table(figures.patterns.map(({ pattern, count }) => ({ pattern, count })));

// One event told by many articles: the whole `polyalign run` on 5 to 18 articles.
const eventSize = await step('eventSize', () => runEventSize());
console.log('\nOne event, many articles (one NTREX article in 9 languages × 2 perturbations and two more outlets, then 9 long articles; whole CLI run, better of 2, with -j 1 and all cores)');
console.table(eventSize);

// `polyalign batch` as a user runs it: a child process per batch, so peak memory is the batch's own.
const batch = await step('batch', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'batch.ts'), '--json', ...(quick ? ['--events', '30', '--repeat-to', '120'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`batch bench failed with status ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rows: Array<Record<string, unknown>>; speedUp: number; ceiling: { speedUp: number }; resume: Record<string, unknown> };
});
console.log('\nBatch runs: NTREX as a corpus of events (7 comparable articles each), and repeated; peak RSS of the batch process, worker threads included');
console.table(batch.rows);
console.log(`second worker: x${batch.speedUp} (two processes of one job each: x${batch.ceiling.speedUp}); resume after kill -9 half way: ${JSON.stringify(batch.resume)}`);

const file = join(import.meta.dirname, 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${file}`);
