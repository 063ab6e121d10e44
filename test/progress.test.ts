import { describe, expect, it } from 'vitest';
import { createReporter } from '../src/progress.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { isTTY, write: (s: string) => ((out += s), true), columns: 100, on: () => stream, removeListener: () => stream } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe('createReporter', () => {
  it('prints one plain line per stage when not on a terminal', () => {
    const { stream, text } = fakeStream(false);
    const r = createReporter('normal', stream);
    for (let i = 0; i <= 5; i++) r.progress({ stage: 'segment', done: i, total: 5, detail: `doc${i}` });
    r.progress({ stage: 'align', done: 0, total: 10 });
    r.progress({ stage: 'align', done: 10, total: 10 });
    r.progress({ stage: 'glossary', done: 0, total: 1 });
    r.progress({ stage: 'glossary', done: 1, total: 1 });
    r.info('embedder: lexical');
    r.detail('only when verbose');
    expect(text()).toBe('segment: 5 documents\nalign: 10 document pairs\nglossary\nembedder: lexical\n');
  });

  it('prints every step with --verbose, and nothing with --quiet', () => {
    const verbose = fakeStream(false);
    const v = createReporter('verbose', verbose.stream);
    v.progress({ stage: 'align', done: 0, total: 2, detail: 'a ↔ b' });
    v.progress({ stage: 'align', done: 1, total: 2, detail: 'a ↔ c' });
    v.detail('why');
    expect(verbose.text()).toBe('align: 2 document pairs\n  a ↔ b\n  a ↔ c\nwhy\n');

    const quiet = fakeStream(false);
    const q = createReporter('quiet', quiet.stream);
    q.progress({ stage: 'align', done: 0, total: 2 });
    q.info('embedder: lexical');
    expect(quiet.text()).toBe('');
  });

  it('says how far a long stage is, a line each tenth of the way, off a terminal', () => {
    const { stream, text } = fakeStream(false);
    const r = createReporter('normal', stream);
    for (let done = 0; done <= 46_456; done += 4096) r.progress({ stage: 'embed', done, total: 46_456 });
    r.progress({ stage: 'embed', done: 46_456, total: 46_456 });
    const lines = text().trim().split('\n');
    expect(lines[0]).toBe('embed: 46456 texts');
    expect(lines.slice(1)).toEqual(['  embed: 8192 of 46456 texts (17%)', '  embed: 12288 of 46456 texts (26%)', '  embed: 16384 of 46456 texts (35%)', '  embed: 20480 of 46456 texts (44%)', '  embed: 24576 of 46456 texts (52%)', '  embed: 28672 of 46456 texts (61%)', '  embed: 32768 of 46456 texts (70%)', '  embed: 40960 of 46456 texts (88%)', '  embed: 45056 of 46456 texts (96%)']);
    // a short stage says nothing more than its line
    const short = fakeStream(false);
    const q = createReporter('normal', short.stream);
    for (let done = 0; done <= 900; done += 100) q.progress({ stage: 'embed', done, total: 900 });
    expect(short.text()).toBe('embed: 900 texts\n');
  });
});
