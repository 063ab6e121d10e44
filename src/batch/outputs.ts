// The files a batch writes at the top of its output folder: the combined outputs of the formats
// asked for, and batch.json (every event with its status, counts and timings).

import type { Format } from '../export/formats.ts';
import type { Chunks, WritableFile } from '../export/files.ts';
import { VERSION } from '../version.ts';
import { corpusTmx, glossaryCsv, glossaryTbx, indexCorpus, parallelCsv, parallelJsonl, quotesCsv, quotesJsonl, type RecordSource } from './combine.ts';
import type { EventError } from './record.ts';
import type { CsvDialect, TmInclude } from '../types.ts';
import { resolveLocales, type LocaleRequest } from '../export/locales.ts';

export const BATCH_MANIFEST = 'batch.json';

const COMBINED: Record<Format, string[]> = {
  csv: ['parallel.csv', 'glossary.csv'],
  tmx: ['corpus.tmx'],
  tbx: ['glossary.tbx'],
  jsonl: ['parallel.jsonl'],
  html: [],
  quotes: ['quotes.csv', 'quotes.jsonl'],
  // per event only: a corpus of many events would need one file per pair of languages across all of them
  'tmx-pairs': [],
  'tmx-quotes': [],
  'tbx-pairs': [],
  'glossary-pairs': [],
  // per event only: each event's folder has its own workbook.xlsx, its review decisions with it
  xlsx: [],
};

const BATCH_NAMES = new Set([...Object.values(COMBINED).flat(), BATCH_MANIFEST]);

/** The names a batch writes at the top of its folder. */
export function isBatchOutput(name: string): boolean {
  return BATCH_NAMES.has(name);
}

export interface BatchEventEntry {
  id: string;
  /** stale: this run failed (error), and the event's earlier outputs are in the combined corpus. */
  status: 'ok' | 'reused' | 'failed' | 'stale';
  error?: EventError;
  /** The event's own outputs, relative to the batch folder. */
  folder: string;
  /** Files left out under --skip-bad, with the reason. */
  skipped?: Array<{ path: string; message: string }>;
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
  /** Sub-folders of the folder of events that are polyalign's output folders, left out (`name: why`). */
  outputFolders?: string[];
  parameters: Record<string, unknown>;
  /** The locale each language is named by in the combined TMX and TBX. */
  locales?: Record<string, string>;
  embedder: string;
  events: BatchEventEntry[];
  counts: Record<string, number>;
  timings: Record<string, number>;
  outputs: string[];
}

/**
 * The combined files of the chosen formats, in table order. One pass over the events gathers what
 * must be known before writing (parallel.csv's columns, the merged glossary); the group files are
 * then written event by event as they are read.
 */
/** How the combined files are written: `--tm-include`, `--locales`, `--csv-delimiter` (the events' own take the same). */
export interface CombinedStyle {
  tmInclude?: TmInclude;
  locales?: LocaleRequest;
  csv?: CsvDialect;
}

export async function combinedOutputs(
  source: RecordSource,
  formats: readonly Format[],
  style: CombinedStyle = {},
): Promise<{ files: WritableFile[]; glossaryEntries: number; locales: Record<string, string> }> {
  const index = await indexCorpus(source);
  // the records keep no script, so Serbian takes the table's Latin locale unless --locales names it
  const locales = resolveLocales(index.langs.map((code) => ({ code, script: 'Latn' as const })), style.locales);
  const render: Record<string, () => string | Chunks> = {
    'parallel.csv': () => parallelCsv(source, index, style.csv, locales),
    'glossary.csv': () => glossaryCsv(index, { locales, ...(style.csv ? { csv: style.csv } : {}) }),
    'corpus.tmx': () => corpusTmx(source, VERSION, style.tmInclude ?? 'equivalent', locales),
    'glossary.tbx': () => glossaryTbx(index, source.events.length, VERSION, locales),
    'parallel.jsonl': () => parallelJsonl(source),
    'quotes.csv': () => quotesCsv(source),
    'quotes.jsonl': () => quotesJsonl(source),
  };
  const chosen = new Set(formats);
  const names = (Object.keys(COMBINED) as Format[]).filter((f) => chosen.has(f)).flatMap((f) => COMBINED[f]);
  return { files: names.map((name) => ({ name, content: render[name]!() })), glossaryEntries: index.glossary.length, locales: locales.locales };
}
