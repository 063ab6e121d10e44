// A run with no --embedder uses polyalign's own shipped model with the lexical channel, says so, and
// records which model ran (name, version, hash) in run.json.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.ts';
import { tmpDir, tmpPath } from '../helpers/tmp.ts';

const SEEDS = join(ROOT, 'seeds');

describe('the default embedder', () => {
  it("is polyalign's own model, printed and recorded with its version and hash", () => {
    const out = tmpPath('default');
    // An empty models folder: nothing pulled, so auto takes the shipped model.
    const empty = tmpDir('no-models');
    const r = runCli(['run', SEEDS, '-o', out, '--models-dir', empty, '--format', 'csv']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/embedder: polyalign\/static-v2 \d+\.\d+\.\d+ \(sha256 [0-9a-f]{16}\) with the lexical channel, weight 0\.\d+, and its pair scorer \(links from 0\.\d+\) \(no .*Xenova\/LaBSE, so polyalign's own model; `polyalign models pull Xenova\/LaBSE` gets it\)/);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.embedder.kind).toBe('static+lexical');
    expect(manifest.embedder.model).toMatchObject({ model: 'polyalign/static-v2', sha256: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(manifest.embedder.model.texts).toBeGreaterThan(100);
    const alignments = readFileSync(join(out, 'alignments.csv'), 'utf8').trim().split('\n');
    expect(alignments.length).toBeGreaterThan(20);
  });

  it('can still be asked for by name, and the lexical embedder alone too', () => {
    const out = tmpPath('default');
    const r = runCli(['run', SEEDS, '-o', out, '--embedder', 'polyalign', '--format', 'csv', '-v']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/embedder: polyalign\/static-v2 .* \(asked for\)/);
  });
});
