// The neural path end to end: a tiny BERT built by the test, served over local HTTP, pulled by the
// CLI into a models folder, listed, and used by `run --embedder auto` and `--embedder transformers`,
// with the embedding cache.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyHub } from '../helpers/tiny-hub.ts';
import type { TinyHub } from '../helpers/tiny-hub.ts';
import { buildTinyModel } from '../helpers/tiny-model.ts';
import { ROOT, runCli, runCliAsync } from '../helpers/run-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { HOST_ENV, resolveHost } from '../../src/commands/models.ts';
import { parse } from 'csv-parse/sync';

function csv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
}

const ID = 'test/tiny-bert';

describe('polyalign models and the transformers embedder', () => {
  let hub: TinyHub;
  const work = tmpDir('models');
  const served = join(work, 'served');
  const models = join(work, 'models');

  beforeAll(async () => {
    await buildTinyModel(served, ID);
    hub = await startTinyHub(served);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('downloads from --host, else POLYALIGN_MODEL_HOST, else the host transformers.js downloads from', async () => {
    const hf = await import('@huggingface/transformers');
    expect(await resolveHost('http://a.example', { [HOST_ENV]: 'http://b.example' })).toBe('http://a.example');
    expect(await resolveHost(undefined, { [HOST_ENV]: 'http://b.example' })).toBe('http://b.example');
    expect(await resolveHost(undefined, {})).toBe(hf.env.remoteHost);
    expect(hf.env.remoteHost).toMatch(/^https:\/\//);
  });

  it('names the URL and status when the mirror lacks the model', async () => {
    const r = await runCliAsync(['models', 'pull', 'test/absent', '--models-dir', models, '--host', hub.url, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/test\/absent/);
    expect(r.stderr).toMatch(/404/);
  });

  it('pulls the model from a mirror with progress lines, then lists it as what auto picks', async () => {
    const pulled = await runCliAsync(['models', 'pull', ID, '--models-dir', models, '--host', hub.url]);
    expect(pulled.code).toBe(0);
    const bytes = `\\d[\\d.]* [kMG]?B`;
    expect(pulled.stdout).toMatch(new RegExp(`^pulled test/tiny-bert into .*: 5 files, ${bytes}; fetched ${bytes} at ${bytes}/s$`, 'm'));
    // Not a terminal: one line as each file starts (with its size) and one as it ends (with the speed).
    expect(pulled.stderr).toMatch(new RegExp(`^downloading onnx/model\\.onnx \\(${bytes}\\)$`, 'm'));
    expect(pulled.stderr).toMatch(new RegExp(`^ {2}onnx/model\\.onnx: ${bytes} in [\\d.]+ s \\(${bytes}/s\\)$`, 'm'));
    expect(hub.requests.some((r) => r.includes('/test/tiny-bert/resolve/main/onnx/'))).toBe(true);

    const listed = runCli(['models', 'list', '--models-dir', models, '--model', ID]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^\* test\/tiny-bert .* complete/m);

    const again = await runCliAsync(['models', 'pull', ID, '--models-dir', models, '--host', hub.url, '-q']);
    expect(again.stdout).toMatch(/nothing to fetch/);
  });

  it('leaves nothing partial in the models folder when the server breaks off, names the file, and resumes', async () => {
    const broken = join(work, 'broken-models');
    hub.truncate.add('onnx/model.onnx');
    try {
      const r = await runCliAsync(['models', 'pull', ID, '--models-dir', broken, '--host', hub.url, '-q']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^polyalign: onnx\/model\.onnx: GET http:\/\/127\.0\.0\.1:\d+\/test\/tiny-bert\/resolve\/main\/onnx\/model\.onnx: the transfer broke off/m);
      expect(r.stderr).toContain('running the pull again resumes');
      expect(existsSync(join(broken, ID))).toBe(false);
      expect(readdirSync(broken)).toEqual(['.partial']);
      expect(runCli(['models', 'list', '--models-dir', broken]).stdout).toMatch(/^no models in /);
    } finally {
      hub.truncate.clear();
    }
    const resumed = await runCliAsync(['models', 'pull', ID, '--models-dir', broken, '--host', hub.url]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/^downloading onnx\/model\.onnx \(\d[\d.]* [kMG]?B, resuming at \d[\d.]* [kMG]?B\)$/m);
    expect(readdirSync(broken)).toEqual(['test']);
    expect(readFileSync(join(broken, ID, 'onnx/model.onnx'))).toEqual(readFileSync(join(served, ID, 'onnx/model.onnx')));
  });

  it('runs the seeds with the pulled model when auto finds it', () => {
    const out = join(work, 'out');
    const r = runCli(['run', join(ROOT, 'seeds'), '-o', out, '--models-dir', models, '--model', ID, '--no-cache']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/embedder: test\/tiny-bert:fp32:mean \(found /);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.embedder).toMatchObject({ kind: 'transformers', dim: 32, pooling: 'mean', poolingSource: 'default' });
    expect(manifest.embedder.cache).toBeUndefined();
    expect(manifest.counts.sentences).toBe(85);
  });

  it('runs the whole pipeline with --embedder transformers, and a second run takes every vector from the cache', () => {
    // The cache lives in .cache/polyalign under the working directory: a fresh one here.
    const cwd = mkdtempSync(join(work, 'cwd-'));
    const args = (out: string) => ['run', join(ROOT, 'seeds'), '-o', join(cwd, out), '--embedder', 'transformers', '--models-dir', models, '--model', ID];
    const first = runCli(args('first'), { cwd });
    expect(first.stderr).not.toMatch(/unexpected failure/);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/embedder: test\/tiny-bert:fp32:mean \(asked for\)/);

    const manifest = JSON.parse(readFileSync(join(cwd, 'first', 'run.json'), 'utf8'));
    // 85 sentences and 80 neighbour pairs (the 1:2 merge candidates) of 5 documents, then the windows
    // of the sentences that links and candidates touch (their evidence, src/align/assess.ts)
    const texts = manifest.embedder.texts;
    expect(texts).toBeGreaterThan(85 + 80);
    expect(manifest.embedder).toMatchObject({ id: 'test/tiny-bert:fp32:mean', kind: 'transformers', dim: 32, dtype: 'fp32', maxTokens: 128 });
    expect(manifest.embedder.cache.hits + manifest.embedder.cache.misses).toBe(texts);
    expect(manifest.embedder.cache.hits).toBe(0);
    expect(manifest.embedder.seconds).toBeGreaterThan(0);
    expect(manifest.counts.sentences).toBe(85);

    // The outputs are whole and consistent with the sentences.
    const sentences = csv(join(cwd, 'first', 'sentences.csv'));
    expect(sentences).toHaveLength(85);
    expect(new Set(sentences.map((s) => s.doc)).size).toBe(5);
    const links = csv(join(cwd, 'first', 'alignments.csv'));
    expect(links.length).toBeGreaterThan(0);
    const known = new Set(sentences.map((s) => `${s.doc}#${s.sent}`));
    for (const link of links) {
      expect(Number(link.score)).toBeGreaterThanOrEqual(-1);
      expect(Number(link.score)).toBeLessThanOrEqual(1.000001);
      expect(['ordered', 'mining']).toContain(link.method);
      expect(known.has(`${link.src_doc}#${link.src_sent!.split('-')[0]}`)).toBe(true);
      expect(known.has(`${link.tgt_doc}#${link.tgt_sent!.split('-')[0]}`)).toBe(true);
    }
    expect(manifest.counts.links).toBeGreaterThan(0);
    for (const file of ['parallel.csv', 'glossary.csv', 'corpus.tmx', 'glossary.tbx', 'alignments.jsonl']) {
      expect(existsSync(join(cwd, 'first', file))).toBe(true);
    }
    expect(readdirSync(join(cwd, '.cache', 'polyalign'))).toHaveLength(1);

    const second = runCli(args('second'), { cwd });
    expect(second.code).toBe(0);
    const again = JSON.parse(readFileSync(join(cwd, 'second', 'run.json'), 'utf8'));
    expect(again.embedder.cache).toEqual({ hits: texts, misses: 0 });
    expect(again.embedder.texts).toBe(0);
    // Vectors from the cache are the model's own: the outputs are the same bytes.
    for (const file of ['alignments.csv', 'parallel.csv', 'glossary.csv']) {
      expect(readFileSync(join(cwd, 'second', file), 'utf8')).toBe(readFileSync(join(cwd, 'first', file), 'utf8'));
    }
  });

  it('agrees with models list: an incomplete model is listed as such and auto falls back to polyalign\'s own model', () => {
    const partial = join(work, 'partial');
    cpSync(join(served, ID), join(partial, ID), { recursive: true });
    rmSync(join(partial, ID, 'tokenizer_config.json'));
    const listed = runCli(['models', 'list', '--models-dir', partial, '--model', ID]);
    expect(listed.stdout).toMatch(/^  test\/tiny-bert .* INCOMPLETE/m);
    const r = runCli(['run', join(ROOT, 'seeds'), '-o', join(work, 'o3'), '--models-dir', partial, '--model', ID, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/embedder: polyalign\/static-v2 .*\(no .*partial.*test\/tiny-bert, so polyalign's own model; `polyalign models pull test\/tiny-bert` gets it\)/);
  });

  it('names the models folder when the transformers embedder is asked for and absent', () => {
    const r = runCli(['run', join(ROOT, 'seeds'), '-o', join(work, 'o2'), '--embedder', 'transformers', '--models-dir', join(work, 'none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/models pull/);
    expect(r.stderr).toContain(join(work, 'none'));
  });
});
