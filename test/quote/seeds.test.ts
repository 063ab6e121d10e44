// The seeds' quotes through the whole pipeline with the default embedder (polyalign's own model with
// the lexical channel): the quotes several reports share come out as one group each, with the speaker.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseEmbedder } from '../../src/job/embedder.ts';
import { loadDocuments } from '../../src/ingest/index.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { QuoteGroup, RunResult } from '../../src/types.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let result: RunResult;

beforeAll(async () => {
  const docs = await loadDocuments([SEEDS]);
  const embedder = async (corpus: string[]) => (await chooseEmbedder({ choice: 'polyalign', model: 'none', modelsDir: join(SEEDS, '..', 'models'), corpus })).embedder;
  result = await runPipeline(docs, { embedder, now: () => new Date(0) });
}, 60_000);

/** The group that holds a quote of each language starting with the words given. */
function groupOf(openings: Record<string, string>): QuoteGroup {
  const [lang, start] = Object.entries(openings)[0]!;
  const g = result.quotes!.find((x) => x.members.some((q) => q.lang === lang && q.text.startsWith(start)));
  expect(g, `a quote in ${lang} starting ${start}`).toBeDefined();
  for (const [l, s] of Object.entries(openings)) expect(g!.members.map((q) => `${q.lang}: ${q.text.slice(0, 40)}`), `${l}: ${s}`).toContainEqual(expect.stringMatching(new RegExp(`^${l}: ${s}`)));
  return g!;
}

describe('the seeds quotes', () => {
  it('groups the quotes the reports share, each with its speaker', () => {
    expect(groupOf({ bs: 'Na vašu inicijativu', ro: 'La inițiativa dumneavoastră', da: 'På Deres initiativ' }).speaker?.canonical).toBe('Vladimir Putin');
    // the Macedonian one ends "…“, додаде KCNA": the agency reports Putin's words, it does not say them
    expect(groupOf({ bs: 'poseban karakter povjerenja', sl: 'zaupanje in prijateljstvo', mk: 'посебни односи на доверба', da: 'særlig tillidsfuld' }).speaker?.canonical).toBe('Vladimir Putin');
    expect(groupOf({ bs: 'najtoplije riječi zahvalnosti', ro: 'Vă rog să transmiteți', da: 'dybfølte taknemmelighed' }).speaker?.canonical).toBe('Vladimir Putin');
    expect(groupOf({ bs: 'hrabro i herojski', da: 'modigt og heroisk' }).speaker?.canonical).toBe('Vladimir Putin');
    expect(groupOf({ sl: 'bratsko dolžnost', mk: 'братска должност' }).speaker?.canonical).toBe('Kim Jong-un');
    expect(groupOf({ bs: 'Veoma mi je drago', da: 'Jeg er meget tilfreds' }).speaker?.canonical).toBe('Kim Jong-un');
  });

  it('never puts two quotes of one document, or of two speakers, in one group', () => {
    for (const g of result.quotes!) {
      expect(new Set(g.members.map((q) => q.doc)).size).toBe(g.members.length);
      expect(new Set(g.members.map((q) => q.speaker?.entry).filter(Boolean)).size).toBeLessThanOrEqual(1);
    }
    expect(result.manifest.counts.quotesShared).toBeGreaterThanOrEqual(6);
  });

  it('does not take the one spoken with or to for the speaker', () => {
    // ro: "Într-o discuție cu Vladimir Putin, … liderul de la Phenian a spus că …" and "liderul nord-coreean
    // i-a spus lui Putin că …": Kim's words, which no name in the sentence says; empty rather than Putin
    const kims = result.quotes!.flatMap((g) => g.members).filter((q) => q.lang === 'ro' && /tot ce poate pentru a ajuta|cooperarea dintre cele două țări/u.test(q.text));
    expect(kims.length).toBeGreaterThanOrEqual(3);
    for (const q of kims) expect(q.speaker?.canonical, q.text).not.toBe('Vladimir Putin');
  });
});

describe("a reviewer's quote decisions", () => {
  const side = (lang: string, start: string) => {
    const q = result.quotes!.flatMap((g) => g.members).find((m) => m.lang === lang && m.text.startsWith(start))!;
    expect(q, `a quote in ${lang} starting ${start}`).toBeDefined();
    return { doc: q.doc, text: q.text.replace(/\s+/gu, ' ').trim() };
  };
  const decision = (status: 'confirmed' | 'rejected', a: ReturnType<typeof side>, b: ReturnType<typeof side>) => ({ kind: 'quote' as const, status, src: a, tgt: b, source: 'test.csv', at: '2026-12-07T00:00:00.000Z' });

  it('join two quotes the tool left apart, even of another speaker, and part two it joined; a decision on a quote the run lacks is said', async () => {
    const docs = await loadDocuments([SEEDS]);
    const embedder = async (corpus: string[]) => (await chooseEmbedder({ choice: 'polyalign', model: 'none', modelsDir: join(SEEDS, '..', 'models'), corpus })).embedder;
    const ro = side('ro', 'Soldații dumneavoastră');
    const bs = side('bs', 'hrabro i herojski');
    const da = side('da', 'modigt og heroisk');
    const sl = side('sl', 'bratsko dolžnost');
    const mk = side('mk', 'братска должност');
    const reviewed = await runPipeline(docs, {
      embedder,
      now: () => new Date(0),
      decisions: {
        links: [],
        entries: [],
        quotes: [decision('confirmed', ro, bs), decision('rejected', sl, mk), decision('confirmed', ro, { doc: ro.doc, text: 'words no quote has' })],
      },
    });
    const groupWith = (s: { doc: string; text: string }) => reviewed.quotes!.find((g) => g.members.some((q) => q.doc === s.doc && q.text === s.text))!;
    const joined = groupWith(ro);
    expect(joined.members.map((q) => q.lang).sort()).toEqual(['bs', 'da', 'ro']);
    expect(joined.members.map((q) => joined.status?.[q.id] ?? 'auto').sort()).toEqual(['auto', 'confirmed', 'confirmed']);
    expect(groupWith(da)).toBe(joined);
    expect(groupWith(sl).members).toHaveLength(1);
    expect(groupWith(sl)).not.toBe(groupWith(mk));
    expect(Object.values(groupWith(sl).status ?? {})).toEqual(['rejected']);
    const review = reviewed.manifest.review!;
    expect(review.applied).toMatchObject({ quotesConfirmed: 1, quotesRejected: 1 });
    expect(review.orphaned).toEqual([expect.stringContaining('no quote of 002_')]);
  }, 60_000);
});
