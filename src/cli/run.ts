// `polyalign run`: its options, and the call to the run job.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { PolyalignError } from '../errors.ts';
import { createReporter } from '../progress.ts';
import { capJobs, collect, parseJobs, verbosityOf, withAlignOptions, withOutputStyle, withTmInclude, type Io } from './options.ts';

export function addRun(program: Command, write: Io, exit: { code: number }): void {
  const run = program
    .command('run')
    .description('align the articles and write every output')
    .argument('[inputs...]', 'files or folders of articles: text (UTF-8, UTF-16 or a detected legacy encoding) or web pages (.html); in a folder, links are followed only to files inside it (the others are named and skipped)', ['seeds'])
    .option('-o, --out <dir>', 'output folder', 'out');
  withAlignOptions(run)
    .option('--lang <doc=code,...>', 'override language detection, e.g. 000=bs,003_x.txt=mk')
    .option('--encoding <name|doc=name,...>', 'the encoding of every file (windows-1250), or of the files named (000=windows-1250,003_x.txt=iso-8859-5); default: detected')
    .option('--skip-bad', 'leave out files that cannot be read or aligned (empty, binary, unknown language, one sentence), name them, and align the rest (at least two)')
    .option('--format <list>', 'outputs: csv,tmx,tbx,jsonl,html,quotes, or all; add tmx-pairs for one two-language TMX per pair of languages (CAT tools), tbx-pairs and glossary-pairs for a bilingual TBX and glossary CSV per pair, tmx-quotes for one of the quotes they share, xlsx for workbook.xlsx (the CSV tables as sheets, editable for --review)', 'all');
  withOutputStyle(withTmInclude(run))
    .option('--no-cache', 'do not cache neural embeddings in .cache/polyalign')
    .option('--review <file>', 'merge a decisions file (edited alignments.csv, glossary.csv, quotes.csv or workbook.xlsx, the review page export) into the store and apply it; repeatable', collect)
    .option('-j, --jobs <n>', 'threads that align the pairs of documents when there is enough work for them: this thread and N-1 workers (default and most: the number of cores)', parseJobs)
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'print every step')
    .addHelpText(
      'after',
      `
Examples:
  $ polyalign run                          # seeds/ into out/
  $ polyalign run articles/ -o corpus/     # every file in articles/
  $ polyalign run a.txt b.txt --lang a.txt=hr --format csv,tmx
  $ polyalign run articles/ --format all,tmx-pairs   # also corpus.bs_da.tmx, … for OmegaT or Trados
  $ polyalign run articles/ --format all,xlsx        # also workbook.xlsx, to review in Excel or LibreOffice
  $ polyalign run archive/ --encoding 003=windows-1251 --skip-bad`,
    )
    .action(async (inputs: string[], opts) => {
      if (run.args.length === 0 && !existsSync(resolve('seeds'))) {
        throw new PolyalignError('input.missing', `no articles given, and no seeds/ folder here to run on by default; give the articles' files or folders: polyalign run articles/ -o out/`, { path: resolve('seeds') });
      }
      const { runCommand, summarise } = await import('../commands/run.ts');
      const { availableParallelism } = await import('node:os');
      const reporter = createReporter(verbosityOf(opts));
      const outDir = resolve(opts.out);
      const result = await runCommand(
        {
          inputs,
          out: outDir,
          embedder: opts.embedder,
          model: opts.model,
          modelsDir: opts.modelsDir,
          mode: opts.mode,
          minScore: opts.minScore,
          pairScorer: opts.pairScorer !== false,
          lang: opts.lang,
          format: opts.format,
          tmInclude: opts.tmInclude,
          ...(opts.locales !== undefined ? { locales: opts.locales } : {}),
          ...(opts.csvDelimiter !== undefined ? { csvDelimiter: opts.csvDelimiter } : {}),
          cache: opts.cache,
          review: opts.review ?? [],
          encoding: opts.encoding,
          skipBad: Boolean(opts.skipBad),
          jobs: capJobs(opts.jobs, availableParallelism(), (line) => write.err(`${line}\n`)),
        },
        reporter,
      );
      if (!opts.quiet) write.out(`${summarise(result, outDir).join('\n')}\n`);
    });
}
