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
});
