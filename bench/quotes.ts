// Quotes: detection and speakers against the fixture gold (test/fixtures/quotes/gold.json: direct and
// reported precision and recall, speaker accuracy), the quote groups' pairwise precision and recall
// there, with each embedder; then the quotes the seeds share, as polyalign groups them (speaker,
// languages, the opening words in each).
//
//   node --import tsx bench/quotes.ts

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadInputs } from '../src/ingest/index.ts';
import { runPipeline } from '../src/pipeline.ts';
import { QUOTE_FIXTURES, scoreGroups, scoreQuotes } from '../test/helpers/quote-gold.ts';
import { embedderFactory, type BenchEmbedder } from './embedders.ts';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const pct = (x: number) => Number((100 * x).toFixed(1));

async function run(inputs: string, name: BenchEmbedder) {
  const { documents } = await loadInputs([inputs]);
  const factory = await embedderFactory(name);
  return runPipeline(documents.filter((d) => d.id.endsWith('.txt')), { embedder: async (corpus) => factory(corpus), now: () => new Date(0) });
}

export async function quoteBench() {
  const fixture = [];
  for (const name of ['lexical', 'polyalign'] as const) {
    const r = await run(QUOTE_FIXTURES, name);
    const s = scoreQuotes(r.quotes!.flatMap((g) => g.members));
    const g = scoreGroups(r.quotes!);
    fixture.push({
      embedder: name,
      'direct P': pct(s.direct.precision),
      'direct R': pct(s.direct.recall),
      'reported P': pct(s.reported.precision),
      'reported R': pct(s.reported.recall),
      'speaker right': `${s.speaker.right}/${s.speaker.of}`,
      'groups P': pct(g.precision),
      'groups R': pct(g.recall),
    });
  }
  const seeds = await run(SEEDS, 'polyalign');
  const shared = seeds.quotes!.filter((g) => g.members.length > 1).map((g) => ({
    id: g.id,
    speaker: g.speaker?.canonical ?? '',
    languages: g.members.map((q) => q.lang).join(' '),
    opening: g.members.map((q) => `${q.lang}: ${q.text.split(/\s+/u).slice(0, 5).join(' ')}`).join(' | '),
  }));
  const all = seeds.quotes!.flatMap((g) => g.members);
  const kinds = { speech: 0, term: 0, reported: 0, withSpeaker: 0 };
  for (const q of all) {
    kinds[q.kind]++;
    if (q.speaker) kinds.withSpeaker++;
  }
  return { fixture, seeds: { quotes: all.length, ...kinds, shared } };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const r = await quoteBench();
  console.log('fixture quotes (test/fixtures/quotes):');
  console.table(r.fixture);
  console.log(`seeds: ${r.seeds.quotes} quotes (${r.seeds.speech} speech, ${r.seeds.term} term, ${r.seeds.reported} reported; ${r.seeds.withSpeaker} with a speaker); shared by two documents or more:`);
  console.table(r.seeds.shared);
}
