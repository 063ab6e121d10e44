// `polyalign batch`: many events, shards and merges, and the exit codes a batch ends with.

import type { Command } from 'commander';
import { PolyalignError } from '../errors.ts';
import { capJobs, parseJobs, withAlignOptions, withOutputStyle, withTmInclude, type Io } from './options.ts';

/** Exit code 3: a batch finished and wrote its outputs, but some of its events failed (batch.json says which). */
export const EXIT_SOME_EVENTS_FAILED = 3;
/** Exit code 4: a batch stopped on a failure of the machine (no space, no permission, a lock held); its combined outputs were left as they were. */
export const EXIT_BATCH_STOPPED = 4;

export function addBatch(program: Command, write: Io, exit: { code: number }): void {
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
  withOutputStyle(withTmInclude(batch))
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
      const { batchCommand, mergeCommand, summariseBatch } = await import('../commands/batch.ts');
      if (opts.merge && (opts.shard || opts.events)) {
        throw new PolyalignError('usage.invalid-option', '--merge reads the events that batches wrote; it takes no --shard or --events');
      }
      if (!opts.merge && folders.length > 1) {
        throw new PolyalignError('usage.invalid-option', `expected one folder of events, not ${folders.length} (${folders.join(', ')}); put the events under one folder or list them with --events`);
      }
      const args = folders[0];
      const style = { ...(opts.locales !== undefined ? { locales: opts.locales as string } : {}), ...(opts.csvDelimiter !== undefined ? { csvDelimiter: opts.csvDelimiter as string } : {}) };
      const result = await (opts.merge
        ? mergeCommand({ out: opts.out, from: folders, format: opts.format, tmInclude: opts.tmInclude, ...style })
        : (async () => {
            const { parseShard } = await import('../batch/events.ts');
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
              ...(opts.pairScorer === false ? { pairScorer: false } : {}),
              format: opts.format,
              tmInclude: opts.tmInclude,
              ...style,
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
}
