// The neural path end to end: a tiny BERT built by the test, served over local HTTP, pulled by the
// CLI into a models folder, listed, and used by `run --embedder auto`.

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyHub } from '../helpers/tiny-hub.ts';
import type { TinyHub } from '../helpers/tiny-hub.ts';
import { buildTinyModel } from '../helpers/tiny-model.ts';
import { ROOT, runCli, runCliAsync } from '../helpers/run-cli.ts';

const ID = 'test/tiny-bert';

describe('polyalign models and the transformers embedder', () => {
  let hub: TinyHub;
  const work = mkdtempSync(join(tmpdir(), 'polyalign-models-'));
  const served = join(work, 'served');
  const models = join(work, 'models');

  beforeAll(async () => {
    await buildTinyModel(served, ID);
    hub = await startTinyHub(served);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('refuses to pull without a host, and says how to give one', () => {
    const r = runCli(['models', 'pull', ID, '--models-dir', models], { env: { POLYALIGN_MODEL_HOST: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--host/);
    expect(r.stderr).toMatch(/POLYALIGN_MODEL_HOST/);
  });

  it('names the URL and status when the mirror lacks the model', async () => {
    const r = await runCliAsync(['models', 'pull', 'test/absent', '--models-dir', models, '--host', hub.url, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/test\/absent/);
    expect(r.stderr).toMatch(/404/);
  });

  it('pulls the model from a mirror, then lists it as what auto picks', async () => {
    const pulled = await runCliAsync(['models', 'pull', ID, '--models-dir', models, '--host', hub.url, '-q']);
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toMatch(/pulled test\/tiny-bert/);
    expect(hub.requests.some((r) => r.includes('/test/tiny-bert/resolve/main/onnx/'))).toBe(true);

    const listed = runCli(['models', 'list', '--models-dir', models, '--model', ID]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^\* test\/tiny-bert .* complete/m);
  });

  it('runs the seeds with the pulled model when auto finds it', () => {
    const out = join(work, 'out');
    const r = runCli(['run', join(ROOT, 'seeds'), '-o', out, '--models-dir', models, '--model', ID, '--no-cache']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/embedder: test\/tiny-bert/);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.embedder).toMatchObject({ kind: 'transformers', dim: 32 });
    expect(manifest.counts.sentences).toBe(85);
  });

  it('agrees with models list: an incomplete model is listed as such and auto falls back to lexical', () => {
    const partial = join(work, 'partial');
    cpSync(join(served, ID), join(partial, ID), { recursive: true });
    rmSync(join(partial, ID, 'tokenizer_config.json'));
    const listed = runCli(['models', 'list', '--models-dir', partial, '--model', ID]);
    expect(listed.stdout).toMatch(/^  test\/tiny-bert .* INCOMPLETE/m);
    const r = runCli(['run', join(ROOT, 'seeds'), '-o', join(work, 'o3'), '--models-dir', partial, '--model', ID, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/embedder: lexical/);
  });

  it('names the models folder when the transformers embedder is asked for and absent', () => {
    const r = runCli(['run', join(ROOT, 'seeds'), '-o', join(work, 'o2'), '--embedder', 'transformers', '--models-dir', join(work, 'none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/models pull/);
    expect(r.stderr).toContain(join(work, 'none'));
  });
});
