// `polyalign segment` and `polyalign eval`: the sentences of a file, and alignments scored against a gold.

import type { Command } from 'commander';
import type { Io } from './options.ts';

export function addChecks(program: Command, write: Io, exit: { code: number }): void {
  program
    .command('segment')
    .description('print the sentences of a file with their offsets (to check segmentation)')
    .argument('<file>', 'a UTF-8 text file')
    .option('--lang <code>', 'language code, when detection should be overridden')
    .option('--json', 'one JSON object per sentence')
    .action(async (file: string, opts) => {
      const { segmentCommand } = await import('../commands/segment.ts');
      write.out(await segmentCommand(file, { lang: opts.lang, json: Boolean(opts.json) }));
    });

  program
    .command('eval')
    .description('strict and lax precision, recall and F1 of alignments against a gold file')
    .requiredOption('--gold <file>', 'gold alignments: a CSV with src_doc, src_sent, tgt_doc, tgt_sent columns (alignments.csv works)')
    .requiredOption('--pred <file>', 'predicted alignments.csv')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { evalCommand } = await import('../commands/eval.ts');
      write.out(await evalCommand(opts.gold, opts.pred, { json: Boolean(opts.json) }));
    });
}
