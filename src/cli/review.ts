// `polyalign review import`: a decisions file into an output folder's store.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Io } from './options.ts';

export function addReview(program: Command, write: Io, exit: { code: number }): void {
  const review = program.command('review').description("keep a reviewer's decisions");
  review
    .command('import')
    .description('merge a decisions file into the decisions store of an output folder; every later run applies it')
    .argument('<file>', 'alignments.csv, glossary.csv, quotes.csv or workbook.xlsx with its status column edited, or the review page export')
    .option('-o, --out <dir>', 'output folder that holds the store (decisions.jsonl)', 'out')
    .addHelpText(
      'after',
      `
Examples:
  $ polyalign review import ~/Downloads/decisions.csv      # into out/decisions.jsonl
  $ polyalign review import out/glossary.csv -o out`,
    )
    .action(async (file: string, opts) => {
      const { reviewImportCommand } = await import('../commands/review.ts');
      write.out(await reviewImportCommand(file, resolve(opts.out)));
    });
}
