// The options and argument parsers that several commands share, and the output a command writes to.

import { Command, InvalidArgumentError, Option } from 'commander';
import { calibrationFor } from '../align/calibration.ts';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR, EMBEDDER_CHOICES } from '../job/embedder.ts';
import type { Verbosity } from '../progress.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const MODES = ['auto', 'ordered', 'mining'] as const;

export function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative number, not "${value}"`);
  return n;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function verbosityOf(opts: { quiet?: boolean; verbose?: boolean }): Verbosity {
  if (opts.quiet) return 'quiet';
  return opts.verbose ? 'verbose' : 'normal';
}

export function parseJobs(value: string): number {
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
export function defaultThresholds(): string {
  const show = (kind: string) => {
    const t = calibrationFor(kind).thresholds;
    return `ordered ${t.ordered}, mining ${t.mining}`;
  };
  return `polyalign ${show('static+lexical')}; lexical and neural ${show('lexical')}`;
}

/** The options that choose the embedder and the alignment, the same for `run` and `batch`. */
export function withAlignOptions(command: Command): Command {
  return command
    .addOption(new Option('--embedder <kind>', 'auto: a pulled transformers model (--model) when it is in the models folder, else polyalign (its own static model with the lexical channel); lexical: character n-grams alone').choices(EMBEDDER_CHOICES).default('auto'))
    .option('--model <id>', 'transformers model id', DEFAULT_MODEL)
    .option('--models-dir <dir>', 'where models are kept', DEFAULT_MODELS_DIR)
    .addOption(new Option('--mode <mode>', 'per document pair: ordered (translations), mining (comparable reports), auto').choices(MODES).default('auto'))
    .option(
      '--min-score <x>',
      `acceptance threshold on the margin, for both methods (default: per method and embedder: ${defaultThresholds()}; an ordered link that continues the path is accepted whatever its margin)`,
      parseScore,
    )
    .option('--no-pair-scorer', 'comparable reports: mine by margin alone, without the links the pair scorer adds (a --min-score also turns it off)');
}

/** `--locales` and `--csv-delimiter`: how the outputs name languages and separate CSV cells. */
export function withOutputStyle(command: Command): Command {
  return command
    .option(
      '--locales <code=locale,...|file|none>',
      'the locale each language is named by in TMX and TBX (default: bs-BA, hr-HR, sr-Latn-RS or sr-Cyrl-RS, sl-SI, ro-RO, mk-MK, da-DK, en-US); given, the CSV language columns take them too; a file of code=locale lines; none: bare codes',
    )
    .option('--csv-delimiter <sep>', "the CSV list separator: , (default), ; with decimal commas (spreadsheets in Danish, Slovene, Romanian, Bosnian, Croatian, Serbian, Macedonian), or tab");
}

/** `--tm-include`: what the TMX files take besides equivalent links. */
export function withTmInclude(command: Command): Command {
  return command.addOption(
    new Option('--tm-include <kind>', 'what the TMX files hold: equivalent links only (both sides say the same thing), or related ones too (they share a fact or quote, one side says more)')
      .choices(['equivalent', 'related'])
      .default('equivalent'),
  );
}
