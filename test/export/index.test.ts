import { describe, expect, it } from 'vitest';
import { ALL_FORMATS, renderOutputs } from '../../src/export/index.ts';
import { runJson } from '../../src/export/manifest.ts';
import { runResult } from '../fixtures/export/run-result.ts';

describe('renderOutputs', () => {
  it('renders the files of the chosen formats and always run.json, last', async () => {
    expect((await renderOutputs(runResult(), ['tmx'])).map((f) => f.name)).toEqual(['corpus.tmx', 'run.json']);
    expect((await renderOutputs(runResult(), [])).map((f) => f.name)).toEqual(['run.json']);
    expect((await renderOutputs(runResult(), ALL_FORMATS)).map((f) => f.name)).toEqual([
      'sentences.csv',
      'alignments.csv',
      'parallel.csv',
      'glossary.csv',
      'corpus.tmx',
      'glossary.tbx',
      'alignments.jsonl',
      'review.html',
      'quotes.csv',
      'quotes.jsonl',
      'run.json',
    ]);
  });

  it('lists what it rendered in run.json without changing the result it was given', async () => {
    const result = runResult();
    const files = await renderOutputs(result, ['csv', 'jsonl']);
    const manifest = JSON.parse(String(files.at(-1)!.content));
    expect(manifest.outputs).toEqual(['sentences.csv', 'alignments.csv', 'parallel.csv', 'glossary.csv', 'alignments.jsonl', 'run.json']);
    expect(manifest.counts.below).toBe(1);
    expect(result.manifest.outputs).toEqual([]);
  });

  it('is deterministic: the same result gives byte-identical files, whatever the input order', async () => {
    const first = await renderOutputs(runResult(), ALL_FORMATS);
    const again = await renderOutputs(runResult(), ALL_FORMATS);
    expect(again).toEqual(first);
    const shuffled = runResult();
    shuffled.pairs.reverse();
    shuffled.groups.reverse();
    shuffled.glossary.reverse();
    shuffled.pairs.forEach((p) => p.links.reverse());
    const reordered = (await renderOutputs(shuffled, ALL_FORMATS)).filter((f) => f.name !== 'run.json');
    expect(reordered).toEqual(first.filter((f) => f.name !== 'run.json'));
  });
});

describe('runJson', () => {
  it('is the manifest as 2-space JSON with a final newline', () => {
    const m = runResult().manifest;
    const text = runJson(m);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "tool": {\n    "name": "polyalign",');
    expect(JSON.parse(text)).toEqual(m);
  });
});
