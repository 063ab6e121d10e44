// Longer than 300 lines: a batch and a merge of shards write the same manifest and summary.
// `polyalign batch`: many events, each aligned as `run` does into `<out>/events/<id>/`, on all
// cores, resumable, shardable; then the combined outputs of the whole corpus. `--merge` builds the
// combined outputs from folders that shards wrote. The side effects of a batch live here.

import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseCsvDelimiter } from '../export/csv.ts';
import { localeRequest } from '../job/locales-file.ts';
import { combinedOutputs, BATCH_MANIFEST, type CombinedStyle, isBatchOutput, type BatchEventEntry, type BatchManifest } from '../batch/outputs.ts';
import { eventDir, type EventOptions, type EventOutcome, type EventTask } from '../batch/event-job.ts';
import { eventsFromFile, eventsFromFolder, shardOf, type EventSpec, type Shard } from '../batch/events.ts';
import { embedderFingerprint } from '../batch/fingerprint.ts';
import { runEvents } from '../batch/pool.ts';
import { createBatchProgress } from '../batch/progress.ts';
import { holdsOutputs, readRecord, type EventError, type EventRecord } from '../batch/record.ts';
import type { RecordSource } from '../batch/combine.ts';
import type { TmInclude } from '../types.ts';
import { isEnvironmentFailure, PolyalignError } from '../errors.ts';
import { parseFormats } from '../export/formats.ts';
import { ensureFolder, writeOutputs } from '../export/write.ts';
import { compareStrings } from '../text/compare.ts';
import { VERSION } from '../version.ts';

export interface BatchCommandOptions extends EventOptions {
  /** A folder with one sub-folder per event. */
  root?: string;
  /** `--events file.jsonl`. */
  eventsFile?: string;
  out: string;
  jobs: number;
  shard?: Shard;
  quiet: boolean;
  /** Lines to show before the events run (a stray file in the folder of events), so a user sees them at once. */
  notice?: (line: string) => void;
  /** `--drop-failed`: an event that fails on its input leaves the corpus instead of keeping its earlier outputs (stale). */
  dropFailed?: boolean;
}

export interface BatchResult {
  manifest: BatchManifest;
  /** Folders whose files were written. */
  out: string;
  /**
   * The batch stopped on a failure of the machine (no space, no permission, a lock held) in this
   * event (none: while writing the combined outputs); `notRun` events were not started, and nothing at
   * the top of `out` was written.
   */
  stopped?: { event?: string; error: EventError; notRun: number };
}

function tool() {
  return { name: 'polyalign', version: VERSION, node: process.version };
}

function entryOf(o: EventOutcome, record: EventRecord | undefined, kept: boolean): BatchEventEntry {
  return {
    id: o.event,
    status: o.status === 'failed' && kept ? 'stale' : o.status,
    ...(o.error ? { error: o.error } : {}),
    folder: `events/${o.event}`,
    ...(o.skipped?.length ? { skipped: o.skipped.map((k) => ({ path: k.path, message: k.message })) } : {}),
    documents: kept ? record!.counts.documents : 0,
    sentences: kept ? record!.counts.sentences : 0,
    groups: kept ? record!.counts.groups : 0,
    glossaryEntries: kept ? record!.counts.glossaryEntries : 0,
    seconds: o.seconds,
  };
}

export async function batchCommand(options: BatchCommandOptions): Promise<BatchResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const formats = parseFormats(options.format);
  // parsed first: a bad --locales or --csv-delimiter stops the batch before any event runs
  const style = combinedStyle(options);
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new PolyalignError('usage.invalid-option', `--jobs: expected a whole number of at least 1, not ${options.jobs}`);
  if ((options.root === undefined) === (options.eventsFile === undefined)) {
    throw new PolyalignError('usage.invalid-option', 'expected a folder of events or --events <file.jsonl>, not both or neither');
  }
  const listed = options.root !== undefined ? await eventsFromFolder(options.root, options.out) : { events: await eventsFromFile(options.eventsFile!), ignored: [], outputs: [] };
  const events: EventSpec[] = options.shard ? shardOf(listed.events, options.shard) : listed.events;
  for (const name of listed.ignored) options.notice?.(strayWarning(name));
  for (const line of listed.outputs) options.notice?.(outputFolderWarning(line));

  const out = resolve(options.out);
  await ensureFolder(join(out, 'events'));
  const eventOptions: EventOptions = {
    embedder: options.embedder,
    model: options.model,
    modelsDir: resolve(options.modelsDir),
    mode: options.mode,
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
    ...(options.pairScorer === false ? { pairScorer: false } : {}),
    format: options.format,
    ...(options.tmInclude !== undefined ? { tmInclude: options.tmInclude } : {}),
    ...(options.locales !== undefined ? { locales: options.locales } : {}),
    ...(options.csvDelimiter !== undefined ? { csvDelimiter: options.csvDelimiter } : {}),
    cache: options.cache,
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.lang !== undefined ? { lang: options.lang } : {}),
    skipBad: options.skipBad,
  };
  const embedder = await embedderFingerprint(options.embedder, options.model, eventOptions.modelsDir);
  const dropFailed = Boolean(options.dropFailed);
  const tasks: EventTask[] = events.map((event) => ({ event, dir: eventDir(out, event.id), options: eventOptions, embedder, dropFailed }));

  const progress = createBatchProgress(tasks.length, options.quiet);
  const outcomes = await runEvents(tasks, options.jobs, (o) => progress.event(o));
  progress.done();
  const eventsMs = Math.round(performance.now() - t0);

  // The records on disk, not the outcomes in memory, are what the combined outputs are built from,
  // so a batch, a resumed batch and a merge of shards build them the same way. They are read one at
  // a time, here for the counts and again as each combined file is written. An event that failed on
  // its input keeps its earlier record (stale) unless --drop-failed.
  const byId = new Map(outcomes.map((o) => [o.event, o]));
  const good = new Map<string, string>();
  const tally = new Tally();
  const entries: BatchEventEntry[] = [];
  for (const { id } of events) {
    const outcome = byId.get(id);
    if (!outcome) continue; // not run: the batch stopped before it
    const record = await readRecord(eventDir(out, id));
    const kept = holdsOutputs(record) && !outcome.environment && (outcome.status !== 'failed' || !dropFailed);
    if (kept) {
      good.set(id, eventDir(out, id));
      tally.add(record!);
    }
    entries.push(entryOf(outcome, record, kept));
  }

  const manifest: BatchManifest = {
    tool: tool(),
    startedAt,
    source: options.root !== undefined ? { root: options.root } : { eventsFile: options.eventsFile! },
    ...(options.shard ? { shard: options.shard } : {}),
    ...(listed.ignored.length > 0 ? { ignored: listed.ignored } : {}),
    ...(listed.outputs.length > 0 ? { outputFolders: listed.outputs } : {}),
    parameters: { ...eventOptions, jobs: options.jobs, dropFailed },
    embedder,
    events: entries,
    counts: tally.counts(entries),
    timings: { events: eventsMs },
    outputs: [],
  };
  const environment = outcomes.find((o) => o.environment);
  if (environment) {
    // The machine failed, not the events: what is on disk at the top of the folder stays as it was.
    return { manifest, out, stopped: { event: environment.event, error: environment.error!, notRun: events.length - outcomes.length } };
  }
  if (options.shard) {
    // A shard holds part of the corpus: it writes its own manifest and leaves the combined outputs to --merge.
    const name = `batch-shard-${options.shard.index}-of-${options.shard.count}.json`;
    manifest.outputs = [name];
    manifest.timings.total = Math.round(performance.now() - t0);
    await writeOutputs(out, [{ name, content: `${JSON.stringify(manifest, null, 2)}\n` }], (n) => n === name);
    return { manifest, out };
  }
  return writeCombined(out, sourceIn(good), formats, style, manifest, t0);
}

/** The sums of batch.json over the events whose records are combined. */
class Tally {
  private documents = 0;
  private sentences = 0;
  private groups = 0;
  add(record: EventRecord): void {
    this.documents += record.counts.documents;
    this.sentences += record.counts.sentences;
    this.groups += record.counts.groups;
  }
  counts(entries: readonly BatchEventEntry[]): Record<string, number> {
    return {
      events: entries.length,
      ok: entries.filter((e) => e.status === 'ok').length,
      reused: entries.filter((e) => e.status === 'reused').length,
      failed: entries.filter((e) => e.status === 'failed' || e.status === 'stale').length,
      stale: entries.filter((e) => e.status === 'stale').length,
      documents: this.documents,
      sentences: this.sentences,
      groups: this.groups,
    };
  }
}

/** Records read from their folders (event id → folder) when the combined outputs need them. */
function sourceIn(folders: ReadonlyMap<string, string>): RecordSource {
  return {
    events: [...folders.keys()].sort(compareStrings),
    async read(id) {
      const record = await readRecord(folders.get(id)!);
      if (!holdsOutputs(record)) throw new PolyalignError('internal', `the record of event ${id} in ${folders.get(id)} changed while the combined outputs were written`);
      return record;
    },
  };
}

/**
 * The combined outputs and batch.json, written all together or not at all: a failure of the machine
 * (no space, no permission) leaves the earlier ones standing, and the result says the batch stopped.
 */
async function writeCombined(out: string, source: RecordSource, formats: ReturnType<typeof parseFormats>, style: CombinedStyle, manifest: BatchManifest, t0: number): Promise<BatchResult> {
  try {
    await writeCombinedFiles(out, source, formats, style, manifest, t0);
  } catch (error) {
    if (!(error instanceof PolyalignError) || !isEnvironmentFailure(error.code)) throw error;
    return { manifest, out, stopped: { error: { code: error.code, message: error.message }, notRun: 0 } };
  }
  return { manifest, out };
}

async function writeCombinedFiles(out: string, source: RecordSource, formats: ReturnType<typeof parseFormats>, style: CombinedStyle, manifest: BatchManifest, t0: number): Promise<void> {
  const t1 = performance.now();
  const files = await combinedOutputs(source, formats, style);
  manifest.counts.glossaryEntries = files.glossaryEntries;
  manifest.locales = files.locales;
  manifest.outputs = [...files.files.map((f) => f.name), BATCH_MANIFEST];
  // batch.json last, with the time the combined files took to write
  const all = [...files.files, { name: BATCH_MANIFEST, content: async function* () {
    manifest.timings.combine = Math.round(performance.now() - t1);
    manifest.timings.total = Math.round(performance.now() - t0);
    yield `${JSON.stringify(manifest, null, 2)}\n`;
  } }];
  await writeOutputs(out, all, isBatchOutput);
}

export interface MergeOptions {
  /** The folder the combined outputs go to; its own events/ are read too when it has any. */
  out: string;
  /** Folders written by shards (each with an events/ folder). */
  from: string[];
  format: string;
  /** `--tm-include`. */
  tmInclude?: TmInclude;
  /** `--locales`, `--csv-delimiter`. */
  locales?: string;
  csvDelimiter?: string;
}

/** The combined files' style from the options, parsed (a bad value stops the batch before any event runs). */
function combinedStyle(options: { tmInclude?: TmInclude; locales?: string; csvDelimiter?: string }): CombinedStyle {
  return {
    ...(options.tmInclude !== undefined ? { tmInclude: options.tmInclude } : {}),
    ...(options.locales !== undefined ? { locales: localeRequest(options.locales) } : {}),
    ...(options.csvDelimiter !== undefined ? { csv: parseCsvDelimiter(options.csvDelimiter) } : {}),
  };
}

async function recordsIn(folder: string): Promise<EventRecord[]> {
  const dir = join(folder, 'events');
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined) return [];
  const records: EventRecord[] = [];
  for (const name of names.sort(compareStrings)) {
    if (name.startsWith('.')) continue;
    const record = await readRecord(join(dir, name));
    if (record && record.event === name) records.push(record);
  }
  return records;
}

/** `polyalign batch --merge <out> [shard folders...]`: the combined outputs from the events the shards wrote. */
export async function mergeCommand(options: MergeOptions): Promise<BatchResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const formats = parseFormats(options.format);
  // parsed first: a bad --locales or --csv-delimiter stops the batch before any event runs
  const style = combinedStyle(options);
  const out = resolve(options.out);
  const folders = [...new Set([out, ...options.from.map((f) => resolve(f))])];
  const found = new Map<string, { record: EventRecord; folder: string }>();
  const tally = new Tally();
  for (const folder of folders) {
    for (const full of await recordsIn(folder)) {
      // what batch.json needs; the groups and glossary are read again when the outputs are written
      const record: EventRecord = { ...full, groups: [], glossary: [] };
      const other = found.get(record.event);
      if (!other) {
        found.set(record.event, { record, folder });
        if (holdsOutputs(record)) tally.add(record);
      } else if (other.record.key !== record.key || other.record.status !== record.status) {
        throw new PolyalignError(
          'usage.invalid-option',
          `event ${JSON.stringify(record.event)} is in ${other.folder} and in ${folder} with different inputs, options or results; merge shards of one batch, or rerun one of them`,
        );
      }
    }
  }
  if (found.size === 0) {
    throw new PolyalignError('input.missing', `no batch events found in ${folders.map((f) => join(f, 'events')).join(', ')}; run \`polyalign batch --shard K/N\` into them first`);
  }
  const all = [...found.values()].sort((a, b) => compareStrings(a.record.event, b.record.event));
  const good = new Map(all.filter((f) => holdsOutputs(f.record)).map((f) => [f.record.event, join(f.folder, 'events', f.record.event)]));
  const embedders = [...new Set(all.filter((f) => holdsOutputs(f.record)).map((f) => f.record.embedder ?? 'unknown'))].sort(compareStrings);
  const entries: BatchEventEntry[] = all.map(({ record, folder }) => ({
    id: record.event,
    status: record.status,
    ...(record.error ? { error: record.error } : {}),
    folder: relative(out, join(folder, 'events', record.event)).split('\\').join('/'),
    ...(record.skipped?.length ? { skipped: record.skipped.map((k) => ({ path: k.path, message: k.message })) } : {}),
    documents: record.counts.documents,
    sentences: record.counts.sentences,
    groups: record.counts.groups,
    glossaryEntries: record.counts.glossaryEntries,
    seconds: record.seconds,
  }));
  const manifest: BatchManifest = {
    tool: tool(),
    startedAt,
    source: { merged: folders },
    parameters: { format: options.format },
    embedder: embedders.join(', '),
    events: entries,
    counts: tally.counts(entries),
    timings: {},
    outputs: [],
  };
  return writeCombined(out, sourceIn(good), formats, style, manifest, t0);
}

function outputFolderWarning(line: string): string {
  return `warning: ${line.replace(': ', ' is ')}, not an event; left out`;
}

function strayWarning(name: string): string {
  return `warning: ${name} is not a folder and was left out (a batch takes one sub-folder per event)`;
}

/** The lines a person reads after a batch. */
export function summariseBatch(result: BatchResult, options: { straysShown?: boolean } = {}): string[] {
  const { manifest: m } = result;
  const c = m.counts;
  const lines: string[] = [];
  if (!options.straysShown) {
    for (const name of m.ignored ?? []) lines.push(strayWarning(name));
    for (const line of m.outputFolders ?? []) lines.push(outputFolderWarning(line));
  }
  const rel = relative(process.cwd(), result.out);
  const dir = rel === '' ? '.' : rel.startsWith('..') ? result.out : rel;
  if (result.stopped) return [...lines, ...stoppedLines(result.stopped, m.events, dir)];
  const reused = c.reused ? ` (${c.reused} unchanged, reused)` : '';
  const stale = c.stale ? ` (${c.stale} kept from an earlier run, marked stale)` : '';
  lines.push(`batch: ${c.events} event${c.events === 1 ? '' : 's'}: ${(c.ok ?? 0) + (c.reused ?? 0)} aligned${reused}, ${c.failed} failed${stale}`);
  lines.push(...skippedLines(m.events));
  for (const e of m.events.filter((x) => x.status === 'failed' || x.status === 'stale')) {
    const kept = e.status === 'stale' ? ' (its earlier outputs stay in the corpus until it aligns again; --drop-failed leaves them out)' : '';
    lines.push(`  failed ${e.id}: ${e.error?.message ?? 'unknown error'}${kept}`);
  }
  if (m.shard) {
    lines.push(`shard ${m.shard.index} of ${m.shard.count}: combined outputs are built by \`polyalign batch --merge\``);
  } else {
    lines.push(`corpus: ${c.groups} groups, ${c.glossaryEntries ?? 0} glossary entries`);
  }
  lines.push(`wrote ${m.outputs.map((f) => `${dir}/${f}`).join(', ')}`);
  return lines;
}

/** The files --skip-bad left out, event by event, at most 20 lines. */
function skippedLines(entries: readonly BatchEventEntry[]): string[] {
  const all = entries.flatMap((e) => (e.skipped ?? []).map((k) => `  skipped ${e.id}: ${k.message.startsWith(`${k.path}: `) ? k.message : `${k.path}: ${k.message}`}`));
  if (all.length === 0) return [];
  const shown = all.slice(0, 20);
  return [...shown, ...(all.length > shown.length ? [`  … and ${all.length - shown.length} more files skipped (batch.json lists them)`] : [])];
}

/** What a person reads after a batch that stopped on a failure of the machine. */
function stoppedLines(stopped: NonNullable<BatchResult['stopped']>, entries: readonly BatchEventEntry[], dir: string): string[] {
  const others = entries.filter((e) => e.id !== stopped.event);
  const done = others.filter((e) => e.status === 'ok' || e.status === 'reused').length;
  const failed = others.filter((e) => e.status === 'failed' || e.status === 'stale');
  const notRun = stopped.notRun;
  const where = stopped.event === undefined ? 'while writing the combined outputs' : `at event ${stopped.event}`;
  const what = stopped.event === undefined ? `every event ran (${done} aligned)` : `${done} event${done === 1 ? '' : 's'} aligned before it, ${notRun} not started`;
  return [
    `batch stopped ${where}: ${stopped.error.message}`,
    `  a failure of the machine, not of ${stopped.event === undefined ? 'an' : 'the'} event: ${what}; the combined outputs and batch.json in ${dir} were left as they were`,
    ...failed.map((e) => `  failed ${e.id}: ${e.error?.message ?? 'unknown error'}`),
    '  make room (or mend the permission, or wait for the lock) and run the batch again: the events that finished are reused',
  ];
}
