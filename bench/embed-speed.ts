// Sentences per second of each embedder (the lexical channel, polyalign's static model alone and
// joined with it, which is the default) on 2,000 NTREX lines (1,000 Bosnian, 1,000 Macedonian
// Cyrillic, so transliteration is paid for). The transformers figure comes from the tiny
// test fixture (2 layers, width 32): it measures the plumbing (tokenizer, batching, ONNX
// Runtime calls), not a real model, which is 100–1000× slower: bench/embed-overhead.ts measures
// models of MiniLM and LaBSE size.
// Run: node --import tsx bench/embed-speed.ts

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Embedder } from '../src/embed/embedder.ts';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { createTransformersEmbedder } from '../src/embed/transformers.ts';
import { combineEmbedders } from '../src/embed/combined.ts';
import { createStaticEmbedder, SHIPPED_MODEL, SHIPPED_MODEL_DIR } from '../src/embed/static.ts';
import type { StaticEmbedder } from '../src/embed/static.ts';
import { buildTinyModel } from '../test/helpers/tiny-model.ts';

const DEFAULT_NTREX = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/eval/ntrex');
const LINES_PER_LANGUAGE = 1000;

export interface EmbedSpeedRow {
  embedder: string;
  note: string;
  sentences: number;
  seconds: number;
  sentencesPerSecond: number;
}

async function time(embedder: () => Promise<Embedder> | Embedder, texts: string[]): Promise<{ id: string; seconds: number }> {
  const t0 = performance.now();
  const e = await embedder();
  await e.embed(texts);
  return { id: e.id, seconds: (performance.now() - t0) / 1000 };
}

function row(embedder: string, note: string, sentences: number, seconds: number): EmbedSpeedRow {
  return { embedder, note, sentences, seconds: Number(seconds.toFixed(3)), sentencesPerSecond: Math.round(sentences / seconds) };
}

/**
 * The lexical channel on every Bosnian and Macedonian line (3,994), one thread, three ways:
 * the first embedder of the process (JIT and word tables cold, as `polyalign run`); after other
 * languages warmed the JIT (these words still new, as a new event of a batch); and once its word
 * tables hold these lines' words (a batch's later events), median of 5. IDF over the lines included.
 * One more row embeds as a run does, Slovene and Serbian Cyrillic sentences and every pair of
 * neighbours (which take their halves' features), and counts sentences, not texts.
 */
async function lexicalRows(dir: string): Promise<EmbedSpeedRow[]> {
  const texts = await readLines(dir, ['bos', 'mkd']);
  // The first run of a process, in a process of its own.
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--lexical-first-run', dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the first-run process failed: ${child.stderr}`);
  const first = JSON.parse(child.stdout) as { id: string; seconds: number };
  const id = first.id.replace(/-idf[0-9a-f]+$/, '');
  // Other languages warm the JIT, as a batch's earlier events would; these lines' words are still new.
  const others = await readLines(dir, ['eng', 'dan', 'ron']);
  for (let i = 0; i < 3; i++) await time(() => createLexicalEmbedder({ corpus: others.slice(i * 500) }), others.slice(i * 500));
  const fresh = await time(() => createLexicalEmbedder({ corpus: texts }), texts);
  // As a run embeds: its sentences (the IDF corpus) and every pair of neighbours, of text not seen yet.
  const other = await readLines(dir, ['slv', 'srp-Cyrl']);
  const withPairs = [...other, ...other.slice(1).map((t, i) => `${other[i]} ${t}`)];
  const run = await time(() => createLexicalEmbedder({ corpus: other }), withPairs);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await time(() => createLexicalEmbedder({ corpus: texts }), texts)).seconds);
  return [
    row(id, 'first run of a process (JIT and word tables cold, as `polyalign run`)', texts.length, first.seconds),
    row(id, 'JIT warm, these words new (a new event of a batch)', texts.length, fresh.seconds),
    row(id, `as a run: ${other.length} new sentences and their ${other.length - 1} pairs of neighbours, JIT warm; sentences/s`, other.length, run.seconds),
    row(id, 'word tables warm (a batch\'s later events); median of 5', texts.length, warm.sort((a, b) => a - b)[2]!),
  ];
}

async function readLines(dir: string, langs: string[]): Promise<string[]> {
  const files = await Promise.all(langs.map((l) => readFile(join(dir, `${l}.txt`), 'utf8')));
  return files.flatMap((t) => t.split('\n').filter(Boolean));
}

export async function runEmbedSpeed(options: { dir?: string } = {}): Promise<EmbedSpeedRow[]> {
  const dir = options.dir ?? process.env.POLYALIGN_NTREX ?? DEFAULT_NTREX;
  const texts: string[] = [];
  for (const lang of ['bos', 'mkd']) texts.push(...(await readFile(join(dir, `${lang}.txt`), 'utf8')).split('\n').slice(0, LINES_PER_LANGUAGE));

  const rows: EmbedSpeedRow[] = [];
  rows.push(...(await lexicalRows(dir)));

  // polyalign's own static model: loading it, embedding with it alone, and the default (it joined with the lexical channel).
  const loads: number[] = [];
  let model: StaticEmbedder | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    model = await createStaticEmbedder(SHIPPED_MODEL_DIR);
    loads.push((performance.now() - t0) / 1000);
  }
  const mid = (xs: number[]) => xs.slice().sort((a, b) => a - b)[1]!;
  rows.push({ embedder: `${SHIPPED_MODEL} (load)`, note: 'reading the three files; median of 3', sentences: 0, seconds: Number(mid(loads).toFixed(3)), sentencesPerSecond: 0 });
  const alone = [];
  for (let i = 0; i < 3; i++) alone.push(await time(() => model!, texts));
  rows.push(row(SHIPPED_MODEL, 'the static model alone; median of 3', texts.length, mid(alone.map((r) => r.seconds))));
  // as a run embeds: the lines and every pair of neighbours, which go on from their first half's sum
  const withPairs = [...texts, ...texts.slice(1).map((t, i) => `${texts[i]} ${t}`)];
  const paired = [];
  for (let i = 0; i < 3; i++) paired.push(await time(() => model!, withPairs));
  rows.push(row(SHIPPED_MODEL, `as a run: the ${texts.length} lines and their ${texts.length - 1} pairs of neighbours; sentences/s; median of 3`, texts.length, mid(paired.map((r) => r.seconds))));
  const both = [];
  for (let i = 0; i < 3; i++) both.push(await time(() => combineEmbedders(model!, createLexicalEmbedder({ corpus: texts }), model!.model.config.polyalign.weight), texts));
  rows.push(row('polyalign (default)', 'static model + lexical channel, IDF included; median of 3', texts.length, mid(both.map((r) => r.seconds))));

  const modelsDir = await mkdtemp(join(tmpdir(), 'polyalign-speed-'));
  try {
    await buildTinyModel(modelsDir, 'test/tiny-bert', { pooling: 'mean' });
    const tiny = await createTransformersEmbedder({ model: 'test/tiny-bert', modelsDir, batchSize: 16 });
    await tiny.embed(texts.slice(0, 32));
    const t0 = performance.now();
    await tiny.embed(texts);
    rows.push(row('tiny test fixture (transformers.js)', '2-layer, 32-wide BERT: plumbing cost only, NOT a real model', texts.length, (performance.now() - t0) / 1000));
    await tiny.dispose();
  } finally {
    await rm(modelsDir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--lexical-first-run') {
    const texts = await readLines(process.argv[3]!, ['bos', 'mkd']);
    console.log(JSON.stringify(await time(() => createLexicalEmbedder({ corpus: texts }), texts)));
  } else {
    console.table(await runEmbedSpeed());
  }
}
