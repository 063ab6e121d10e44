// `polyalign run`: ingest → pipeline → export. The side effects of a run live here.

import { relative } from 'node:path';
import { parseFormats, renderOutputs, writeOutputs } from '../export/index.ts';
import { loadDocuments } from '../ingest/index.ts';
import { parseLangOverrides } from '../language/index.ts';
import { runPipeline } from '../pipeline.ts';
import type { Reporter } from '../progress.ts';
import type { Mode, RunResult } from '../types.ts';
import { chooseEmbedder, DEFAULT_CACHE_DIR } from './embedder.ts';
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
  cache: boolean;
}

export async function runCommand(options: RunCommandOptions, reporter: Reporter): Promise<RunResult> {
  const formats = parseFormats(options.format);
  const overrides = options.lang ? parseLangOverrides(options.lang) : {};
  const t0 = performance.now();
  const docs = await loadDocuments(options.inputs);
  const readMs = Math.round(performance.now() - t0);

  const result = await runPipeline(docs, {
    embedder: async (corpus) => {
      const { embedder, why } = await chooseEmbedder({
        choice: options.embedder,
        model: options.model,
        modelsDir: options.modelsDir,
        corpus,
        ...(options.cache ? { cacheDir: DEFAULT_CACHE_DIR } : {}),
      });
      reporter.info(`embedder: ${embedder.id} (${why})`);
      return embedder;
    },
    mode: options.mode,
    lang: overrides,
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
    onProgress: (e) => reporter.progress(e),
    parameters: {
      inputs: options.inputs,
      embedder: options.embedder,
      model: options.model,
      modelsDir: options.modelsDir,
      format: formats,
      lang: overrides,
    },
  });
  result.manifest.timings = { read: readMs, ...result.manifest.timings };
  for (const d of result.documents) reporter.detail(`${d.doc.id}: ${d.lang.code}${d.lang.note ? ` (${d.lang.note})` : ''}`);
  for (const p of result.pairs) reporter.detail(`${p.src} ↔ ${p.tgt}: ${p.links.length} links, ${p.below.length} below threshold; ${p.reason}`);

  const t1 = performance.now();
  const files = renderOutputs(result, formats);
  result.manifest.timings.export = Math.round(performance.now() - t1);
  const written = await writeOutputs(options.out, files);
  result.manifest.outputs = written;
  reporter.done();
  return result;
}

/** The lines a person reads after a run: what was found, what was written. */
export function summarise(result: RunResult, outDir: string): string[] {
  const lines: string[] = [];
  for (const d of result.documents) {
    const removed = d.doc.removed.length ? `, ${d.doc.removed.length} non-article line${d.doc.removed.length === 1 ? '' : 's'} set aside` : '';
    lines.push(`  ${d.doc.id}  ${d.lang.code.padEnd(7)} ${String(d.sentences.length).padStart(4)} sentences${removed}`);
  }
  const c = result.manifest.counts;
  const ordered = result.pairs.filter((p) => p.method === 'ordered').length;
  lines.push(
    `aligned ${result.pairs.length} document pairs (${ordered} ordered, ${result.pairs.length - ordered} mining): ${c.links} links, ${c.linksBelowThreshold} below threshold`,
  );
  lines.push(`${c.groups} groups cover ${c.sentencesInGroups} of ${c.sentences} sentences; glossary: ${c.glossaryEntries} entries`);
  const rel = relative(process.cwd(), outDir);
  const dir = rel === '' ? '.' : rel.startsWith('..') ? outDir : rel;
  lines.push(`wrote ${result.manifest.outputs.map((f) => `${dir}/${f}`).join(', ')}`);
  return lines;
}
