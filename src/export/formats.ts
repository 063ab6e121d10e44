// Which files each --format value produces, and the exporter that renders each file.
// Dispatch is by this table: adding a format (html) is one entry here.

import { PolyalignError } from '../errors.ts';
import type { RunResult } from '../types.ts';
import { alignmentsCsv } from './alignments-csv.ts';
import { glossaryCsv } from './glossary-csv.ts';
import { glossaryTbx } from './tbx.ts';
import { alignmentsJsonl } from './jsonl.ts';
import { parallelCsv } from './parallel-csv.ts';
import { reviewHtml } from './review-html.ts';
import { sentencesCsv } from './sentences-csv.ts';
import { corpusTmx } from './tmx.ts';

export interface OutputSpec {
  name: string;
  render: (result: RunResult) => string;
}

export type Format = 'csv' | 'tmx' | 'tbx' | 'jsonl' | 'html';

export const FORMATS: Readonly<Record<Format, readonly OutputSpec[]>> = {
  csv: [
    { name: 'sentences.csv', render: sentencesCsv },
    { name: 'alignments.csv', render: alignmentsCsv },
    { name: 'parallel.csv', render: parallelCsv },
    { name: 'glossary.csv', render: glossaryCsv },
  ],
  tmx: [{ name: 'corpus.tmx', render: corpusTmx }],
  tbx: [{ name: 'glossary.tbx', render: glossaryTbx }],
  jsonl: [{ name: 'alignments.jsonl', render: alignmentsJsonl }],
  html: [{ name: 'review.html', render: reviewHtml }],
};

/** Every format, in table order: the default of --format. */
export const ALL_FORMATS = Object.keys(FORMATS) as Format[];

/** Written by every run whatever the formats. */
export const MANIFEST_NAME = 'run.json';

/** Every name the exporters can produce: the only names writeOutputs accepts. */
export const OUTPUT_NAMES: ReadonlySet<string> = new Set([
  ...ALL_FORMATS.flatMap((f) => FORMATS[f].map((o) => o.name)),
  MANIFEST_NAME,
]);

/** The outputs of the chosen formats, in table order. */
export function outputsOf(formats: readonly Format[]): OutputSpec[] {
  const chosen = new Set(formats);
  return ALL_FORMATS.filter((f) => chosen.has(f)).flatMap((f) => FORMATS[f]);
}

function isFormat(name: string): name is Format {
  return Object.hasOwn(FORMATS, name);
}

/**
 * `csv,tmx` -> ['csv', 'tmx'], in table order without repeats. `all` stands for every format.
 * Throws usage.invalid-option naming the valid values on an unknown or empty name.
 */
export function parseFormats(spec: string): Format[] {
  const valid = `valid formats: ${ALL_FORMATS.join(', ')} (or all)`;
  const names = spec.split(',').map((s) => s.trim().toLowerCase());
  const chosen = new Set<Format>();
  for (const name of names) {
    if (name === 'all') ALL_FORMATS.forEach((f) => chosen.add(f));
    else if (isFormat(name)) chosen.add(name);
    else if (name === '') throw new PolyalignError('usage.invalid-option', `--format ${JSON.stringify(spec)} has an empty name; ${valid}`);
    else throw new PolyalignError('usage.invalid-option', `--format: unknown format ${JSON.stringify(name)}; ${valid}`);
  }
  return ALL_FORMATS.filter((f) => chosen.has(f));
}
