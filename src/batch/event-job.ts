// One event of a batch, from start to record: reuse it when its fingerprint and its reviewer files
// are unchanged, else run it as `polyalign run` would into its own folder, then write its record.
// Runs in a worker thread (or in the main thread with --jobs 1); every error stays with its event.

import { join } from 'node:path';
import { runCommand } from '../job/run.ts';
import type { EmbedderChoice } from '../job/embedder.ts';
import { removeStaleTemps, writeFileAtomic } from '../export/write.ts';
import { listInputFiles } from '../ingest/index.ts';
import { findOverride, parseLangOverrides } from '../language/override.ts';
import { ENVIRONMENT_ERRNO, isEnvironmentFailure, oneLine, PolyalignError } from '../errors.ts';
import type { Reporter } from '../progress.ts';
import type { Mode, SkippedInput, TmInclude } from '../types.ts';
import type { EventSpec } from './events.ts';
import { eventKey, sameState, stateHashes } from './fingerprint.ts';
import { failedRecord, okRecord, readRecord, RECORD_NAME, recordJson, staleRecord, type EventError, type EventRecord } from './record.ts';

/** The options of `run` that a batch passes to every event; all of them are part of the event's key. */
export interface EventOptions {
  embedder: EmbedderChoice;
  model: string;
  modelsDir: string;
  mode: Mode;
  minScore?: number;
  /** `--no-pair-scorer`: false. */
  pairScorer?: boolean;
  format: string;
  /** `--tm-include`. */
  tmInclude?: TmInclude;
  /** `--locales` and `--csv-delimiter`, as `run` takes them. */
  locales?: string;
  csvDelimiter?: string;
  cache: boolean;
  encoding?: string;
  /** `--lang`: languages named for documents of every event (`000=bs`, `bs.txt=bs`). */
  lang?: string;
  skipBad: boolean;
}

export interface EventTask {
  event: EventSpec;
  /** `<out>/events/<id>`. */
  dir: string;
  options: EventOptions;
  /** From embedderFingerprint, computed once per batch. */
  embedder: string;
  /** `--drop-failed`: an event that fails on its input drops out of the corpus instead of keeping its earlier outputs. */
  dropFailed?: boolean;
}

export interface EventOutcome {
  event: string;
  /** stale: failed on its input, and its earlier outputs stay in the combined corpus until it runs again. */
  status: 'ok' | 'reused' | 'failed' | 'stale';
  error?: EventError;
  /** The failure is the machine's (no space, no permission, a lock held), not the event's: the batch stops. */
  environment?: boolean;
  /** Files left out under --skip-bad. */
  skipped?: SkippedInput[];
  sentences: number;
  groups: number;
  seconds: number;
}

const SILENT: Reporter = { progress() {}, info() {}, detail() {}, done() {} };

function errorOf(error: unknown): EventError {
  if (error instanceof PolyalignError) return { code: error.code, message: error.message };
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && ENVIRONMENT_ERRNO.has(errno)) return { code: 'output.unwritable', message: oneLine((error as Error).message) };
  return { code: 'internal', message: oneLine(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`) };
}

function outcomeOf(record: EventRecord, status: EventOutcome['status'], seconds: number): EventOutcome {
  return {
    event: record.event,
    status,
    ...(record.error ? { error: record.error } : {}),
    ...(record.skipped?.length ? { skipped: record.skipped } : {}),
    sentences: record.counts.sentences,
    groups: record.counts.groups,
    seconds,
  };
}

export async function runEvent(task: EventTask): Promise<EventOutcome> {
  const t0 = performance.now();
  const seconds = () => Number(((performance.now() - t0) / 1000).toFixed(3));
  const { event, dir, options } = task;
  // Where the models are kept and whether embeddings are cached change no output: the embedder's own
  // fingerprint stands for the model, so a batch moved to another folder or machine is still resumed.
  const { modelsDir: _where, cache: _cache, ...outputOptions } = options;
  const key = await eventKey(event.inputs, outputOptions, task.embedder);

  const previous = await readRecord(dir);
  if (previous && previous.status === 'ok' && previous.key === key && sameState(previous.state, await stateHashes(dir))) {
    return outcomeOf(previous, 'reused', seconds());
  }

  await removeStaleTemps(dir);
  let record: EventRecord;
  try {
    const result = await runCommand(
      {
        inputs: event.inputs,
        out: dir,
        embedder: options.embedder,
        model: options.model,
        modelsDir: options.modelsDir,
        mode: options.mode,
        ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
        ...(options.pairScorer === false ? { pairScorer: false } : {}),
        format: options.format,
        ...(options.tmInclude !== undefined ? { tmInclude: options.tmInclude } : {}),
        ...(options.locales !== undefined ? { locales: options.locales } : {}),
        ...(options.csvDelimiter !== undefined ? { csvDelimiter: options.csvDelimiter } : {}),
        cache: options.cache,
        review: [],
        ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
        ...(options.lang !== undefined ? { lang: await langFor(event.inputs, options.lang) } : {}),
        skipBad: options.skipBad,
      },
      SILENT,
    );
    record = okRecord(event.id, key, result, await stateHashes(dir), seconds());
  } catch (error) {
    const why = errorOf(error);
    // The machine's failure says nothing of the event: its record and outputs stay as they were.
    if (isEnvironmentFailure(why.code)) return environmentOutcome(event.id, why, seconds());
    // An event that ran before keeps its earlier outputs in the corpus, marked stale, until it runs again.
    const earlier = previous && previous.status !== 'failed' && !task.dropFailed;
    record = earlier ? staleRecord(previous, why, seconds()) : failedRecord(event.id, key, why, seconds());
  }
  record.embedder ??= task.embedder;
  try {
    await writeFileAtomic(dir, RECORD_NAME, recordJson(record));
  } catch (error) {
    // The event's own outputs may be written, but without its record it is not done.
    return environmentOutcome(event.id, errorOf(error), seconds());
  }
  return outcomeOf(record, record.status, seconds());
}

function environmentOutcome(event: string, error: EventError, seconds: number): EventOutcome {
  return { event, status: 'failed', error, environment: true, sentences: 0, groups: 0, seconds };
}

/**
 * The part of a batch's --lang that names documents of this event: `--lang bs.txt=bs` is for the
 * events that have a bs.txt, and no error for the others (`run` refuses a name it cannot find).
 */
async function langFor(inputs: readonly string[], spec: string): Promise<string> {
  const overrides = parseLangOverrides(spec);
  const ids = (await listInputFiles([...inputs]).catch(() => [])).map((f) => f.id);
  return Object.entries(overrides)
    .filter(([key, code]) => ids.some((id) => findOverride({ [key]: code }, id) !== undefined))
    .map(([key, code]) => `${key}=${code}`)
    .join(',');
}

export function eventDir(out: string, id: string): string {
  return join(out, 'events', id);
}
