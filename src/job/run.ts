// One run: ingest → pipeline → export into an output folder, holding its lock, with the reviewer's
// store read first and the outputs written last. `polyalign run` is this job; a batch runs it for
// each event. The side effects of a run live here.

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';
import { MANIFEST_NAME, parseFormats, renderOutputs, writeOutputs } from '../export/index.ts';
import { withFolderLock } from '../export/folder-lock.ts';
import { withOutputHashes } from '../export/manifest.ts';
import { DEFAULT_CSV_DIALECT, parseCsvDelimiter } from '../export/csv.ts';
import { resolveLocales } from '../export/locales.ts';
import { localeRequest } from './locales-file.ts';
import { loadInputs, parseEncodings } from '../ingest/index.ts';
import { parseLangOverrides } from '../language/index.ts';
import { runPipeline } from '../pipeline.ts';
import type { Reporter } from '../progress.ts';
import type { Mode, RunResult, TmInclude } from '../types.ts';
import { chooseEmbedder, DEFAULT_CACHE_DIR } from './embedder.ts';
import { EDITABLE_OUTPUTS, importIntoStore, inForce, previousManifest } from './review-store.ts';
import { previousGroups } from './previous-groups.ts';
import type { EmbedderChoice } from './embedder.ts';

export interface RunCommandOptions {
  inputs: string[];
  out: string;
  embedder: EmbedderChoice;
  model: string;
  modelsDir: string;
  mode: Mode;
  minScore?: number;
  /** `--no-pair-scorer`: false mines comparable pairs by margin alone. */
  pairScorer?: boolean;
  lang?: string;
  format: string;
  /** `--tm-include`: equivalent links only in the TMX files (the default), or related ones too. */
  tmInclude?: TmInclude;
  /** `--locales`: code=locale pairs, a file of them, or none (export/locales.ts). */
  locales?: string;
  /** `--csv-delimiter`: `,` `;` or tab. */
  csvDelimiter?: string;
  cache: boolean;
  /** Decisions files (alignments.csv or glossary.csv edited, the review page's export) to merge into the store. */
  review?: string[];
  /** `--encoding`: a name for every file, or doc=name pairs. */
  encoding?: string;
  /** `--skip-bad`: leave out files that cannot be read or aligned, as long as two remain. */
  skipBad?: boolean;
  /** `--jobs`: threads that align the pairs of documents (pipeline `jobs`). */
  jobs?: number;
}

export async function runCommand(options: RunCommandOptions, reporter: Reporter): Promise<RunResult> {
  const out = await stat(options.out).catch(() => undefined);
  if (out && !out.isDirectory()) throw new PolyalignError('output.unwritable', '-o names a file, not a folder; give a folder for the outputs (it is made if it is not there)', { path: options.out });
  const same = options.inputs.find((input) => resolve(input) === resolve(options.out));
  if (same !== undefined) {
    throw new PolyalignError('usage.invalid-option', `-o is the input folder ${same}: the next run would read its outputs as articles; give another folder, e.g. -o ${same.replace(/[\\/]+$/, '')}-out`, { path: options.out });
  }
  // The folder's lock is held from the first read of the reviewer's store to the last output written,
  // so a second run into the same folder is stopped and told who is at work there.
  // A left-over lock taken over is said in the run's warnings (console and run.json).
  const tookOver: string[] = [];
  return withFolderLock(options.out, () => runLocked(options, reporter, tookOver), (w) => tookOver.push(w));
}

async function runLocked(options: RunCommandOptions, reporter: Reporter, tookOver: readonly string[]): Promise<RunResult> {
  const formats = parseFormats(options.format);
  const locales = options.locales !== undefined ? localeRequest(options.locales) : undefined;
  const csv = options.csvDelimiter !== undefined ? parseCsvDelimiter(options.csvDelimiter) : DEFAULT_CSV_DIALECT;
  const overrides = options.lang ? parseLangOverrides(options.lang) : {};
  const t0 = performance.now();
  const encodings = options.encoding ? parseEncodings(options.encoding) : {};
  const { documents: docs, skipped } = await loadInputs(options.inputs, { encodings, skipBad: Boolean(options.skipBad), exclude: [options.out] });
  const readMs = Math.round(performance.now() - t0);

  // Decisions first, and into the store before anything is overwritten: a reviewer's edits to the
  // previous outputs are read before this run replaces them.
  const previous = await previousManifest(options.out);
  const review = await importIntoStore({
    outDir: options.out,
    files: options.review ?? [],
    knownDocs: docs.map((d) => d.id),
    handEdited: true,
    now: new Date(),
    locked: true,
  });
  const decisions = review.log.length > 0 || (options.review ?? []).length > 0 ? inForce(review.log) : undefined;
  // under review: the groups the reviewer saw, so that the ones a decision did not touch keep their ids
  const previousRun = decisions ? await previousGroups(options.out, previous?.outputs) : undefined;

  const result = await runPipeline(docs, {
    embedder: async (corpus) => {
      const { embedder, why } = await chooseEmbedder({
        choice: options.embedder,
        model: options.model,
        modelsDir: options.modelsDir,
        corpus,
        ...(options.cache ? { cacheDir: DEFAULT_CACHE_DIR } : {}),
      });
      reporter.info(`embedder: ${embedder.label ?? embedder.id} (${why})`);
      return embedder;
    },
    mode: options.mode,
    lang: overrides,
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
    ...(options.pairScorer === false ? { pairScorer: false } : {}),
    onProgress: (e) => reporter.progress(e),
    ...(decisions ? { decisions } : {}),
    ...(previousRun ? { previousRun } : {}),
    skipBad: Boolean(options.skipBad),
    skipped,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.tmInclude !== undefined ? { tmInclude: options.tmInclude } : {}),
    parameters: {
      inputs: options.inputs,
      embedder: options.embedder,
      model: options.model,
      modelsDir: options.modelsDir,
      format: formats,
      lang: overrides,
      encoding: encodings,
      skipBad: Boolean(options.skipBad),
    },
  });
  result.manifest.timings = { read: readMs, ...result.manifest.timings };
  result.locales = resolveLocales(result.documents.map((d) => d.lang), locales);
  result.csv = csv;
  result.manifest.locales = result.locales.locales;
  result.manifest.csv = csv;
  if (tookOver.length > 0) result.manifest.warnings = [...tookOver, ...(result.manifest.warnings ?? [])];
  if (result.manifest.review) {
    const r = result.manifest.review;
    result.manifest.review = { ...r, imported: review.imported, conflicts: [...review.conflicts, ...r.conflicts], changes: review.changes };
  }
  for (const d of result.documents) reporter.detail(`${d.doc.id}: ${d.lang.code}${d.lang.note ? ` (${d.lang.note})` : ''}`);
  for (const p of result.pairs) reporter.detail(`${p.src} ↔ ${p.tgt}: ${p.links.length} links, ${p.below.length} candidates not accepted; ${p.reason}`);

  const t1 = performance.now();
  const files = withOutputHashes(await renderOutputs(result, formats), result.manifest, MANIFEST_NAME, {
    names: EDITABLE_OUTPUTS,
    storeLines: review.log.length,
    ...(previous ? { previous } : {}),
  });
  result.manifest.timings.export = Math.round(performance.now() - t1);
  const written = await writeOutputs(options.out, files);
  result.manifest.outputs = written;
  reporter.done();
  return result;
}

