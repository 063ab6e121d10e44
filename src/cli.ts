// The command-line program: the list of commands (one module each in cli/, declaring its options and
// calling its function in commands/ or job/), and the one place that turns an error into a message
// and an exit code (0 success, 1 runtime failure, 2 bad usage or input; a batch adds 3 and 4).
// Commands are imported when they run, so that `polyalign segment` never loads the model runtime.

import { Command, CommanderError } from 'commander';
import { addBatch } from './cli/batch.ts';
import { addChecks } from './cli/check.ts';
import { addModels } from './cli/models.ts';
import { addReview } from './cli/review.ts';
import { addRun } from './cli/run.ts';
import type { Io } from './cli/options.ts';
import { PolyalignError } from './errors.ts';
import { VERSION } from './version.ts';

export { capJobs } from './cli/options.ts';
export { EXIT_BATCH_STOPPED, EXIT_SOME_EVENTS_FAILED } from './cli/batch.ts';

export function buildProgram(write: Io, exit: { code: number } = { code: 0 }): Command {
  const program = new Command('polyalign')
    .description('Align news articles that report one event in several languages; export a parallel corpus and a cross-script glossary.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .exitOverride();
  addRun(program, write, exit);
  addBatch(program, write, exit);
  addChecks(program, write, exit);
  addReview(program, write, exit);
  addModels(program, write, exit);
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
