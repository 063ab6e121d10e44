// Scores quote detection against test/fixtures/quotes/gold.json: a found quote matches a gold one of
// its document when their character ranges overlap by at least half of the longer one. Direct quotes
// (speech and term) and reported speech are scored apart; a speaker is right when the gold names a
// speaker and the found quote's speaker has that surname in its canonical form.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLexicalEmbedder } from '../../src/embed/lexical.ts';
import { loadInputs } from '../../src/ingest/index.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { Quote, RunResult } from '../../src/types.ts';

export const QUOTE_FIXTURES = new URL('../fixtures/quotes/', import.meta.url).pathname;

/** The fixture event run through the pipeline with the lexical embedder (the fastest), at a fixed clock. */
export async function fixtureRun(): Promise<RunResult> {
  const { documents } = await loadInputs([QUOTE_FIXTURES]);
  return runPipeline(documents.filter((d) => d.id.endsWith('.txt')), { embedder: async (corpus) => createLexicalEmbedder({ corpus }), now: () => new Date(0) });
}

type Gold = Record<string, Array<[text: string, kind: string, speaker: string | null]>>;

export interface GroupScores {
  /** Pairs of occurrences in one group that are one gold quote, of all pairs in one group. */
  precision: number;
  /** Pairs of occurrences of one gold quote that are in one group, of all such pairs. */
  recall: number;
  pairs: number;
}

/** The gold quote (its index in every file's list) that each found quote matches, by quote id. */
function goldIndexOf(found: readonly Quote[]): Map<string, number> {
  const gold = JSON.parse(readFileSync(join(QUOTE_FIXTURES, 'gold.json'), 'utf8')) as Gold & { about?: unknown };
  const out = new Map<string, number>();
  for (const [doc, quotes] of Object.entries(gold)) {
    if (doc === 'about') continue;
    const text = readFileSync(join(QUOTE_FIXTURES, doc), 'utf8');
    (quotes as Gold[string]).forEach(([words], k) => {
      const start = text.indexOf(words);
      const end = start + words.length;
      const match = found.find((q) => q.doc === doc && !out.has(q.id) && Math.min(end, q.end) - Math.max(start, q.start) >= 0.5 * Math.max(end - start, q.end - q.start));
      if (match) out.set(match.id, k);
    });
  }
  return out;
}

/** Pairwise precision and recall of the quote groups against the gold (the k-th quote of every file is one quote). */
export function scoreGroups(groups: ReadonlyArray<{ members: readonly Quote[] }>): GroupScores {
  const all = groups.flatMap((g) => g.members);
  const goldOf = goldIndexOf(all);
  let together = 0;
  let right = 0;
  for (const g of groups) {
    for (let i = 0; i < g.members.length; i++) {
      for (let j = i + 1; j < g.members.length; j++) {
        together++;
        const a = goldOf.get(g.members[i]!.id);
        if (a !== undefined && a === goldOf.get(g.members[j]!.id)) right++;
      }
    }
  }
  const byGold = new Map<number, number>();
  for (const k of goldOf.values()) byGold.set(k, (byGold.get(k) ?? 0) + 1);
  const possible = [...byGold.values()].reduce((n, c) => n + (c * (c - 1)) / 2, 0);
  return { precision: together ? right / together : 1, recall: possible ? right / possible : 1, pairs: together };
}

export interface QuoteScores {
  direct: { precision: number; recall: number; found: number; gold: number };
  reported: { precision: number; recall: number; found: number; gold: number };
  speaker: { right: number; of: number; accuracy: number };
  misses: string[];
}

export function scoreQuotes(found: readonly Quote[]): QuoteScores {
  const gold = JSON.parse(readFileSync(join(QUOTE_FIXTURES, 'gold.json'), 'utf8')) as Gold & { about?: unknown };
  const misses: string[] = [];
  const tally = { direct: { tp: 0, found: 0, gold: 0 }, reported: { tp: 0, found: 0, gold: 0 } };
  const speaker = { right: 0, of: 0 };
  const group = (kind: string) => (kind === 'reported' ? 'reported' : 'direct');
  for (const [doc, quotes] of Object.entries(gold)) {
    if (doc === 'about') continue;
    const text = readFileSync(join(QUOTE_FIXTURES, doc), 'utf8');
    const mine = found.filter((q) => q.doc === doc);
    for (const q of mine) tally[group(q.kind)].found++;
    const used = new Set<Quote>();
    for (const [words, kind, who] of quotes as Gold[string]) {
      const start = text.indexOf(words);
      const end = start + words.length;
      tally[group(kind)].gold++;
      const match = mine.find((q) => !used.has(q) && group(q.kind) === group(kind) && Math.min(end, q.end) - Math.max(start, q.start) >= 0.5 * Math.max(end - start, q.end - q.start));
      if (!match) {
        misses.push(`${doc}: missed ${kind} ${JSON.stringify(words)}`);
        continue;
      }
      used.add(match);
      tally[group(kind)].tp++;
      if (who !== null) {
        speaker.of++;
        if (match.speaker?.canonical?.includes(who)) speaker.right++;
        else misses.push(`${doc}: ${JSON.stringify(words)} said by ${who}, found ${match.speaker?.canonical ?? 'no speaker'}`);
      }
    }
    for (const q of mine) if (!used.has(q)) misses.push(`${doc}: found ${q.kind} ${JSON.stringify(q.text)}, not in the gold`);
  }
  const score = (t: { tp: number; found: number; gold: number }) => ({ precision: t.found ? t.tp / t.found : 1, recall: t.gold ? t.tp / t.gold : 1, found: t.found, gold: t.gold });
  return { direct: score(tally.direct), reported: score(tally.reported), speaker: { ...speaker, accuracy: speaker.of ? speaker.right / speaker.of : 1 }, misses };
}
