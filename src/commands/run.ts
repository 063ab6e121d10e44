// `polyalign run`: ingest → pipeline → export. The side effects of a run live here.

import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';
import { MANIFEST_NAME, parseFormats, renderOutputs, writeOutputs } from '../export/index.ts';
import { withFolderLock } from '../export/folder-lock.ts';
import { withOutputHashes } from '../export/manifest.ts';
import { loadInputs, parseEncodings } from '../ingest/index.ts';
import { parseLangOverrides } from '../language/index.ts';
import { runPipeline } from '../pipeline.ts';
import type { Reporter } from '../progress.ts';
import type { Mode, RunResult, TmInclude } from '../types.ts';
import { chooseEmbedder, DEFAULT_CACHE_DIR } from './embedder.ts';
import { EDITABLE_OUTPUTS, importIntoStore, inForce, previousManifest } from './review.ts';
import type { EmbedderChoice } from './embedder.ts';

export interface RunCommandOptions {
  inputs: string[];
  out: string;
  embedder: EmbedderChoice;
  model: string;
  modelsDir: string;
  mode: Mode;
  minScore?: number;
  lang?: string;
  format: string;
  /** `--tm-include`: equivalent links only in the TMX files (the default), or related ones too. */
  tmInclude?: TmInclude;
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
    onProgress: (e) => reporter.progress(e),
    ...(decisions ? { decisions } : {}),
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
  if (tookOver.length > 0) result.manifest.warnings = [...tookOver, ...(result.manifest.warnings ?? [])];
  if (result.manifest.review) {
    const r = result.manifest.review;
    result.manifest.review = { ...r, imported: review.imported, conflicts: [...review.conflicts, ...r.conflicts], changes: review.changes };
  }
  for (const d of result.documents) reporter.detail(`${d.doc.id}: ${d.lang.code}${d.lang.note ? ` (${d.lang.note})` : ''}`);
  for (const p of result.pairs) reporter.detail(`${p.src} ↔ ${p.tgt}: ${p.links.length} links, ${p.below.length} candidates not accepted; ${p.reason}`);

  const t1 = performance.now();
  const files = withOutputHashes(renderOutputs(result, formats), result.manifest, MANIFEST_NAME, {
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

/** The lines a person reads after a run: what was found, what was written. */
export function summarise(result: RunResult, outDir: string): string[] {
  const lines: string[] = [];
  for (const w of result.manifest.warnings ?? []) lines.push(`warning: ${w}`);
  for (const s of result.manifest.skipped ?? []) lines.push(`skipped ${s.path}: ${s.message.startsWith(`${s.path}: `) ? s.message.slice(s.path.length + 2) : s.message}`);
  for (const d of result.documents) {
    const removed = d.doc.removed.length ? `, ${d.doc.removed.length} non-article line${d.doc.removed.length === 1 ? '' : 's'} set aside` : '';
    lines.push(`  ${d.doc.id}  ${d.lang.code.padEnd(7)} ${String(d.sentences.length).padStart(4)} sentences${removed}`);
  }
  const c = result.manifest.counts;
  const ordered = result.pairs.filter((p) => p.method === 'ordered').length;
  lines.push(
    `aligned ${result.pairs.length} document pair${result.pairs.length === 1 ? '' : 's'} (${ordered} ordered, ${result.pairs.length - ordered} mining): ${c.links} links, ${c.linksBelowThreshold} candidates not accepted`,
  );
  const coverage = result.manifest.coverage ?? [];
  if (coverage.length > 0) {
    const each = coverage.map((p) => (p.equivalent + p.related === 0 ? `${p.pair} no link` : `${p.pair} ${p.equivalent}+${p.related}`));
    lines.push(`links by kind: ${c.linksEquivalent ?? 0} equivalent, ${c.linksRelated ?? 0} related; per language pair (equivalent+related): ${each.join(', ')}`);
  }
  lines.push(`${c.groups} groups cover ${c.sentencesInGroups} of ${c.sentences} sentences; glossary: ${c.glossaryEntries} entries`);
  if (result.quotes) lines.push(`quotes: ${c.quotes ?? 0} in the documents, ${c.quotesShared ?? 0} of them found in two documents or more`);
  lines.push(...reviewLines(result));
  const rel = relative(process.cwd(), outDir);
  const dir = rel === '' ? '.' : rel.startsWith('..') ? outDir : rel;
  lines.push(`wrote ${result.manifest.outputs.map((f) => `${dir}/${f}`).join(', ')}`);
  return lines;
}

/** What the reviewer's decisions did, conflicts and orphans spelled out: they are never resolved silently. */
function reviewLines(result: RunResult): string[] {
  const r = result.manifest.review;
  if (!r) return [];
  const lines: string[] = [];
  for (const i of r.imported) {
    if (i.why === 'hand-edited') lines.push(`review: ${i.file} was edited since the last run; ${i.added} decision${i.added === 1 ? '' : 's'} from it saved to the store before overwriting it`);
    else lines.push(`review: ${i.added} new decision${i.added === 1 ? '' : 's'} from ${i.file}`);
  }
  const a = r.applied;
  lines.push(
    `review: ${r.decisions.links} link and ${r.decisions.entries} glossary decisions in ${r.store}; applied ${a.confirmed} confirmed (${a.above} accepted by the tool, ${a.raised} from below the threshold, ${a.added} added by hand), ${a.rejected} rejected; glossary ${a.kept} kept (${a.canonical} renamed), ${a.rejectedEntries} rejected`,
  );
  for (const c of r.changes) lines.push(`review: changed: ${c}`);
  for (const c of r.conflicts) lines.push(`review: conflict: ${c}`);
  if (r.orphaned.length > 0) {
    lines.push(`review: ${r.orphaned.length} decision${r.orphaned.length === 1 ? '' : 's'} not found in this run (kept in the store; listed in run.json):`);
    for (const o of r.orphaned.slice(0, 5)) lines.push(`  ${o}`);
    if (r.orphaned.length > 5) lines.push(`  … and ${r.orphaned.length - 5} more`);
  }
  return lines;
}
