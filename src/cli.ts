// The command-line program. Commands are imported when they run, so that `polyalign segment`
// never loads the model runtime.
// Parses, calls a command, and is the one place that turns
// an error into a message and an exit code (0 success, 1 runtime failure, 2 bad usage or input).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { calibrationFor } from './align/calibration.ts';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR, EMBEDDER_CHOICES } from './job/embedder.ts';
import { PolyalignError } from './errors.ts';
import { createReporter } from './progress.ts';
import type { Verbosity } from './progress.ts';
import { VERSION } from './version.ts';

const MODES = ['auto', 'ordered', 'mining'] as const;

function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative number, not "${value}"`);
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function verbosityOf(opts: { quiet?: boolean; verbose?: boolean }): Verbosity {
  if (opts.quiet) return 'quiet';
  return opts.verbose ? 'verbose' : 'normal';
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, not "${value}"`);
  return n;
}

/**
 * `--jobs` as the run takes it: the number of cores when not given, and never more than that. More
 * threads than cores only wait for each other and hold memory each (64 workers on 2 cores took 13
 * times as long and 2.2 GB), so a larger number is lowered with a warning.
 */
export function capJobs(requested: number | undefined, cores: number, warn: (line: string) => void): number {
  if (requested === undefined) return cores;
  if (requested <= cores) return requested;
  warn(`warning: --jobs ${requested} is more than the ${cores} core${cores === 1 ? '' : 's'} here; using ${cores} (more threads than cores only wait for each other)`);
  return cores;
}

/** The default thresholds as --help prints them: `polyalign ordered 1, mining 1.25; lexical …`. */
function defaultThresholds(): string {
  const show = (kind: string) => {
    const t = calibrationFor(kind).thresholds;
    return `ordered ${t.ordered}, mining ${t.mining}`;
  };
  return `polyalign ${show('static+lexical')}; lexical and neural ${show('lexical')}`;
}

/** The options that choose the embedder and the alignment, the same for `run` and `batch`. */
function withAlignOptions(command: Command): Command {
  return command
    .addOption(new Option('--embedder <kind>', 'auto: a pulled transformers model (--model) when it is in the models folder, else polyalign (its own static model with the lexical channel); lexical: character n-grams alone').choices(EMBEDDER_CHOICES).default('auto'))
    .option('--model <id>', 'transformers model id', DEFAULT_MODEL)
    .option('--models-dir <dir>', 'where models are kept', DEFAULT_MODELS_DIR)
    .addOption(new Option('--mode <mode>', 'per document pair: ordered (translations), mining (comparable reports), auto').choices(MODES).default('auto'))
    .option(
      '--min-score <x>',
      `acceptance threshold on the margin, for both methods (default: per method and embedder: ${defaultThresholds()}; an ordered link that continues the path is accepted whatever its margin)`,
      parseScore,
    );
}

/** `--tm-include`: what the TMX files take besides equivalent links. */
function withTmInclude(command: Command): Command {
  return command.addOption(
    new Option('--tm-include <kind>', 'what the TMX files hold: equivalent links only (both sides say the same thing), or related ones too (they share a fact or quote, one side says more)')
      .choices(['equivalent', 'related'])
      .default('equivalent'),
  );
}

/** Exit code 3: a batch finished and wrote its outputs, but some of its events failed (batch.json says which). */
export const EXIT_SOME_EVENTS_FAILED = 3;
/** Exit code 4: a batch stopped on a failure of the machine (no space, no permission, a lock held); its combined outputs were left as they were. */
export const EXIT_BATCH_STOPPED = 4;

export function buildProgram(write: { out: (s: string) => void; err: (s: string) => void }, exit: { code: number } = { code: 0 }): Command {
  const program = new Command('polyalign')
    .description('Align news articles that report one event in several languages; export a parallel corpus and a cross-script glossary.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .exitOverride();

  const run = program
    .command('run')
    .description('align the articles and write every output')
    .argument('[inputs...]', 'files or folders of articles: text (UTF-8, UTF-16 or a detected legacy encoding) or web pages (.html); in a folder, links are followed only to files inside it (the others are named and skipped)', ['seeds'])
    .option('-o, --out <dir>', 'output folder', 'out');
  withAlignOptions(run)
    .option('--lang <doc=code,...>', 'override language detection, e.g. 000=bs,003_x.txt=mk')
    .option('--encoding <name|doc=name,...>', 'the encoding of every file (windows-1250), or of the files named (000=windows-1250,003_x.txt=iso-8859-5); default: detected')
    .option('--skip-bad', 'leave out files that cannot be read or aligned (empty, binary, unknown language, one sentence), name them, and align the rest (at least two)')
    .option('--format <list>', 'outputs: csv,tmx,tbx,jsonl,html,quotes, or all; add tmx-pairs for one two-language TMX per pair of languages (CAT tools), tmx-quotes for one of the quotes they share', 'all');
  withTmInclude(run)
    .option('--no-cache', 'do not cache neural embeddings in .cache/polyalign')
    .option('--review <file>', 'merge a decisions file (edited alignments.csv or glossary.csv, the review page export) into the store and apply it; repeatable', collect)
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
  $ polyalign run archive/ --encoding 003=windows-1251 --skip-bad`,
    )
    .action(async (inputs: string[], opts) => {
      if (run.args.length === 0 && !existsSync(resolve('seeds'))) {
        throw new PolyalignError('input.missing', `no articles given, and no seeds/ folder here to run on by default; give the articles' files or folders: polyalign run articles/ -o out/`, { path: resolve('seeds') });
      }
      const { runCommand, summarise } = await import('./commands/run.ts');
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
          lang: opts.lang,
          format: opts.format,
          tmInclude: opts.tmInclude,
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

  const batch = program
    .command('batch')
    .description('align many events (one sub-folder of articles each) on all cores into <out>/events/<id>/, then write the combined corpus; resumable and shardable')
    .argument('[folders...]', 'a folder with one sub-folder of articles per event; with --merge, the shard folders to read')
    .option('-o, --out <dir>', 'output folder: events/<id>/ per event, the combined outputs and batch.json at its top', 'out')
    .option('--events <file.jsonl>', 'the events as JSON lines, {"id": "...", "files": ["a.txt", "b/"]}, paths relative to the file, instead of <root>')
    .option('-j, --jobs <n>', 'events run at once: this thread and N-1 worker threads (default and most: the number of cores)', parseJobs)
    .option('--shard <K/N>', 'process only the K-th of N shares of the events (for a Slurm array, an indexed Job, GNU parallel); combine with --merge')
    .option('--merge', 'build the combined outputs in --out from the events in it and in the shard folders given as arguments');
  withAlignOptions(batch)
    .option('--encoding <name>', 'the encoding of every file; default: detected')
    .option('--lang <doc=code,...>', "as for run, in every event: override language detection for the documents named, e.g. bs.txt=bs (an event without such a document is left as detected)")
    .option('--skip-bad', 'as for run: leave out bad files of an event as long as two remain')
    .option('--drop-failed', 'an event that fails on its input leaves the combined corpus (by default it keeps its earlier outputs there, marked stale in batch.json, until it aligns again)')
    .option('--format <list>', 'outputs of each event and of the corpus: csv,tmx,tbx,jsonl,html, or all', 'all');
  withTmInclude(batch)
    .option('--no-cache', 'do not cache neural embeddings in .cache/polyalign')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
Exit codes: 0 every event aligned; 3 the batch finished but some events failed on their input
(batch.json and the console name them; the combined outputs hold the others, and a failed event's
earlier outputs unless --drop-failed); 4 the batch stopped on a failure of the machine (no space, no
permission, a lock held): no further event was started and the combined outputs were left as they
were; 2 bad usage; 1 the batch itself failed.

Examples:
  $ polyalign batch corpus/ -o corpus-out/                 # corpus/<event>/<article files>
  $ polyalign batch --events events.jsonl -o corpus-out/ -j 8
  $ polyalign batch corpus/ -o shared/out --shard 3/16     # one of 16 machines
  $ polyalign batch --merge -o shared/out                  # then the combined outputs, once`,
    )
    .action(async (folders: string[], opts) => {
      const { batchCommand, mergeCommand, summariseBatch } = await import('./commands/batch.ts');
      if (opts.merge && (opts.shard || opts.events)) {
        throw new PolyalignError('usage.invalid-option', '--merge reads the events that batches wrote; it takes no --shard or --events');
      }
      if (!opts.merge && folders.length > 1) {
        throw new PolyalignError('usage.invalid-option', `expected one folder of events, not ${folders.length} (${folders.join(', ')}); put the events under one folder or list them with --events`);
      }
      const args = folders[0];
      const result = await (opts.merge
        ? mergeCommand({ out: opts.out, from: folders, format: opts.format, tmInclude: opts.tmInclude })
        : (async () => {
            const { parseShard } = await import('./batch/events.ts');
            const { availableParallelism } = await import('node:os');
            return batchCommand({
              ...(args !== undefined ? { root: args } : {}),
              ...(opts.events !== undefined ? { eventsFile: opts.events } : {}),
              out: opts.out,
              jobs: capJobs(opts.jobs, availableParallelism(), (line) => write.err(`${line}\n`)),
              ...(opts.shard !== undefined ? { shard: parseShard(opts.shard) } : {}),
              embedder: opts.embedder,
              model: opts.model,
              modelsDir: opts.modelsDir,
              mode: opts.mode,
              ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}),
              format: opts.format,
              tmInclude: opts.tmInclude,
              cache: opts.cache,
              ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
              ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
              skipBad: Boolean(opts.skipBad),
              dropFailed: Boolean(opts.dropFailed),
              quiet: Boolean(opts.quiet),
              ...(opts.quiet ? {} : { notice: (line: string) => write.err(`${line}\n`) }),
            });
          })()
      );
      if (!opts.quiet || result.stopped) write.out(`${summariseBatch(result, { straysShown: !opts.merge }).join('\n')}\n`);
      if (result.stopped) exit.code = EXIT_BATCH_STOPPED;
      else if (result.manifest.counts.failed! > 0) exit.code = EXIT_SOME_EVENTS_FAILED;
    });

  program
    .command('segment')
    .description('print the sentences of a file with their offsets (to check segmentation)')
    .argument('<file>', 'a UTF-8 text file')
    .option('--lang <code>', 'language code, when detection should be overridden')
    .option('--json', 'one JSON object per sentence')
    .action(async (file: string, opts) => {
      const { segmentCommand } = await import('./commands/segment.ts');
      write.out(await segmentCommand(file, { lang: opts.lang, json: Boolean(opts.json) }));
    });

  program
    .command('eval')
    .description('strict and lax precision, recall and F1 of alignments against a gold file')
    .requiredOption('--gold <file>', 'gold alignments: a CSV with src_doc, src_sent, tgt_doc, tgt_sent columns (alignments.csv works)')
    .requiredOption('--pred <file>', 'predicted alignments.csv')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { evalCommand } = await import('./commands/eval.ts');
      write.out(await evalCommand(opts.gold, opts.pred, { json: Boolean(opts.json) }));
    });

  const review = program.command('review').description("keep a reviewer's decisions");
  review
    .command('import')
    .description('merge a decisions file into the decisions store of an output folder; every later run applies it')
    .argument('<file>', 'alignments.csv or glossary.csv with its status column edited, or the review page export')
    .option('-o, --out <dir>', 'output folder that holds the store (decisions.jsonl)', 'out')
    .addHelpText(
      'after',
      `
Examples:
  $ polyalign review import ~/Downloads/decisions.csv      # into out/decisions.jsonl
  $ polyalign review import out/glossary.csv -o out`,
    )
    .action(async (file: string, opts) => {
      const { reviewImportCommand } = await import('./commands/review.ts');
      write.out(await reviewImportCommand(file, resolve(opts.out)));
    });

  const models = program.command('models').description('get and list embedding models');
  models
    .command('pull')
    .description('download a model into the models folder')
    .argument('[id]', 'model id', DEFAULT_MODEL)
    .option('--models-dir <dir>', 'where models are kept', DEFAULT_MODELS_DIR)
    .option('--host <url>', 'download from this mirror instead of the model hub (or set POLYALIGN_MODEL_HOST); it serves <url>/<id>/resolve/main/<file>')
    .option('--fp32', 'download the full-precision ONNX file instead of the quantized one')
    .option('-q, --quiet', 'no progress bar')
    .action(async (id: string, opts) => {
      const { modelsPullCommand } = await import('./commands/models.ts');
      write.out(await modelsPullCommand(id, { modelsDir: opts.modelsDir, host: opts.host, fp32: Boolean(opts.fp32), quiet: Boolean(opts.quiet) }));
    });
  models
    .command('list')
    .description('what is in the models folder, sizes, and which one auto picks')
    .option('--models-dir <dir>', 'where models are kept', DEFAULT_MODELS_DIR)
    .option('--model <id>', 'the model auto prefers', DEFAULT_MODEL)
    .action(async (opts) => {
      const { modelsListCommand } = await import('./commands/models.ts');
      write.out(await modelsListCommand(opts.modelsDir, opts.model));
    });

  models
    .command('train')
    .description("train polyalign's own static model from the training data and write it with its model card (npm run train-model)")
    .option('--data <dir>', 'training data laid out as ../shared/train (FLORES-200 dev, Tatoeba, Wiktionary; debian-l10n and tatoeba-more where there)', '../shared/train')
    .option('--out <dir>', 'model folder to write (default: the shipped models/polyalign/static-v2)')
    .option('-q, --quiet', 'no progress lines')
    .action(async (opts) => {
      const { trainModelCommand } = await import('./commands/train.ts');
      const t0 = performance.now();
      const log = opts.quiet ? undefined : (line: string) => write.err(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
      const r = await trainModelCommand({ data: resolve(opts.data), ...(opts.out ? { out: resolve(opts.out) } : {}), ...(log ? { log } : {}) });
      const pct = (x: number) => (x * 100).toFixed(1);
      write.out(
        `wrote ${r.dir} (sha256 ${r.hash}) in ${r.seconds.toFixed(0)} s; held-out FLORES P@1: model ${pct(r.heldOut.model)}, lexical ${pct(r.heldOut.lexical)}, combined ${pct(r.heldOut.combined)} at weight ${r.weight}\n`,
      );
    });

  return program;
}

/** Run the program; resolves to the exit code. Never calls process.exit, so it is testable in-process. */
export async function main(argv: string[]): Promise<number> {
  const write = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };
  const exit = { code: 0 };
  const program = buildProgram(write, exit);
  try {
    await program.parseAsync(argv);
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version end here too, with exit code 0
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof PolyalignError) {
      write.err(`polyalign: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (process.env.POLYALIGN_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    write.err(`polyalign: unexpected failure: ${message}\n`);
    return 1;
  }
}
