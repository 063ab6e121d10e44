// The files a batch writes at the top of its output folder: the combined outputs of the formats
// asked for, and batch.json (every event with its status, counts and timings).

import type { Format } from '../export/formats.ts';
import type { OutputFile } from '../export/write.ts';
import { VERSION } from '../version.ts';
import { corpusTmx, glossaryCsv, glossaryTbx, mergeGlossaries, parallelCsv, parallelJsonl, type CorpusInput } from './combine.ts';
import type { EventError, EventRecord } from './record.ts';

export const BATCH_MANIFEST = 'batch.json';

const COMBINED: Record<Format, string[]> = {
  csv: ['parallel.csv', 'glossary.csv'],
  tmx: ['corpus.tmx'],
  tbx: ['glossary.tbx'],
  jsonl: ['parallel.jsonl'],
  html: [],
};

export function batchOutputNames(): Set<string> {
  return new Set([...Object.values(COMBINED).flat(), BATCH_MANIFEST]);
}

export interface BatchEventEntry {
  id: string;
  status: 'ok' | 'reused' | 'failed';
  error?: EventError;
  /** The event's own outputs, relative to the batch folder. */
  folder: string;
  documents: number;
  sentences: number;
  groups: number;
  glossaryEntries: number;
  seconds: number;
}

export interface BatchManifest {
  tool: { name: string; version: string; node: string };
  startedAt: string;
  source: { root?: string; eventsFile?: string; merged?: string[] };
  shard?: { index: number; count: number };
  /** Names at the top of the root that are not folders, so not events. */
  ignored?: string[];
  parameters: Record<string, unknown>;
  embedder: string;
  events: BatchEventEntry[];
  counts: Record<string, number>;
  timings: Record<string, number>;
  outputs: string[];
}

/** The combined files of the chosen formats (pure: records in event order, contents out). */
export function combinedOutputs(records: readonly EventRecord[], formats: readonly Format[]): { files: OutputFile[]; glossaryEntries: number } {
  const input: CorpusInput = { events: records, version: VERSION };
  const entries = mergeGlossaries(records);
  const render: Record<string, () => string> = {
    'parallel.csv': () => parallelCsv(input),
    'glossary.csv': () => glossaryCsv(input, entries),
    'corpus.tmx': () => corpusTmx(input),
    'glossary.tbx': () => glossaryTbx(input, entries),
    'parallel.jsonl': () => parallelJsonl(input),
  };
  const chosen = new Set(formats);
  const names = (Object.keys(COMBINED) as Format[]).filter((f) => chosen.has(f)).flatMap((f) => COMBINED[f]);
  return { files: names.map((name) => ({ name, content: render[name]!() })), glossaryEntries: entries.length };
}
