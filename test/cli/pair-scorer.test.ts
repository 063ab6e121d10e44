// The pair scorer in a run on the seeds: on by default with the shipped model, said on the console and in
// run.json, and off with --no-pair-scorer (and under a plain --min-score).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliAsync } from '../helpers/run-cli.ts';
import { tmpPath } from '../helpers/tmp.ts';

const SEEDS = join(ROOT, 'seeds');
const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));

describe('polyalign run with the pair scorer', () => {
  it('adds links to the comparable pairs and says so; --no-pair-scorer mines by margin alone', async () => {
    const [on, off] = [tmpPath('scorer-cli'), tmpPath('scorer-cli')];
    const [a, b] = await Promise.all([runCliAsync(['run', SEEDS, '-o', on]), runCliAsync(['run', SEEDS, '-o', off, '--no-pair-scorer'])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stderr + a.stdout).toMatch(/with the lexical channel, weight 0\.7, and its pair scorer \(links from 0\.\d+\)/);
    const added = Number(/the pair scorer added (\d+)/.exec(a.stdout)?.[1]);
    expect(added).toBeGreaterThan(0);
    expect(b.stdout).not.toMatch(/pair scorer added/);
    const [ma, mb] = [manifest(on), manifest(off)];
    expect(ma.parameters.pairScorer.accept).toBeGreaterThan(0);
    expect(mb.parameters.pairScorer).toBe('off');
    expect(ma.counts.linksAddedByPairScorer).toBe(added);
    // the links it added are links the run without it does not have (the settling may move others)
    const rows = (out: string) => readFileSync(join(out, 'alignments.csv'), 'utf8').split('\n').filter((l) => /,auto,/.test(l)).map((l) => l.replace(/^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,/, ''));
    expect(rows(on).filter((r) => !rows(off).includes(r)).length).toBeGreaterThanOrEqual(added);
    // each pair the scorer added to says how many in its reason
    expect(ma.pairs.some((p: { reason: string }) => /pair scorer: \d+ links? added/.test(p.reason))).toBe(true);
  });

  it('is off under a plain --min-score, which is a threshold on the margin alone', async () => {
    const out = tmpPath('scorer-cli');
    const r = await runCliAsync(['run', SEEDS, '-o', out, '--min-score', '1.3', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(manifest(out).parameters.pairScorer).toBe('off');
  });
});
