// Which files each --format value produces, and the exporter that renders each file.
// Dispatch is by this table: adding a format (html) is one entry here.

import { PolyalignError } from '../errors.ts';
import type { RunResult } from '../types.ts';
import { alignmentsCsv } from './alignments-csv.ts';
import { glossaryCsv } from './glossary-csv.ts';
import { glossaryTbx } from './tbx.ts';
import { alignmentsJsonl } from './jsonl.ts';
import { parallelCsv } from './parallel-csv.ts';
import { quotesCsv, quotesJsonl } from './quotes.ts';
import { reviewHtml } from './review-html.ts';
import { sentencesCsv } from './sentences-csv.ts';
import { corpusTmx } from './tmx.ts';
import type { OutputFile } from './files.ts';
import { PAIR_GLOSSARY_CSV_NAME, pairGlossaryCsvFiles } from './glossary-pairs-csv.ts';
import { PAIR_TBX_NAME, pairTbxFiles } from './tbx.ts';
import { PAIR_TMX_NAME, pairTmxFiles } from './tmx-pairs.ts';
import { QUOTE_TMX_NAME, quoteTmxFiles } from './tmx-quotes.ts';
import { WORKBOOK_NAME, workbookXlsx } from './xlsx.ts';

/**
 * One output file and its exporter. Most render text; a binary one (workbook.xlsx) renders bytes, and
 * may take time to do it (exceljs zips asynchronously): renderOutputs awaits every exporter.
 */
export interface OutputSpec {
  name: string;
  render: (result: RunResult) => string | Uint8Array | Promise<string | Uint8Array>;
}

/** The formats of `all`, each a fixed set of files. */
export type FixedFormat = 'csv' | 'tmx' | 'tbx' | 'jsonl' | 'html' | 'quotes';
/** Formats of one fixed file that are asked for by name and are not part of `all`. */
export type NamedFormat = 'xlsx';
/**
 * `tmx-pairs`, `tmx-quotes`, `tbx-pairs`, `glossary-pairs`: one file per pair of languages, named
 * after them; `xlsx`: workbook.xlsx. Asked for by name, not part of `all`.
 */
export type PairFormat = 'tmx-pairs' | 'tmx-quotes' | 'tbx-pairs' | 'glossary-pairs';
export type Format = FixedFormat | NamedFormat | PairFormat;

/** The files of each pair format, and the names they may have. */
export const PAIR_FORMATS: Readonly<Record<PairFormat, { files: (result: RunResult) => OutputFile[]; name: RegExp }>> = {
  'tmx-pairs': { files: pairTmxFiles, name: PAIR_TMX_NAME },
  'tmx-quotes': { files: quoteTmxFiles, name: QUOTE_TMX_NAME },
  'tbx-pairs': { files: pairTbxFiles, name: PAIR_TBX_NAME },
  'glossary-pairs': { files: pairGlossaryCsvFiles, name: PAIR_GLOSSARY_CSV_NAME },
};
const PAIR_FORMAT_NAMES = Object.keys(PAIR_FORMATS) as PairFormat[];

export const FORMATS: Readonly<Record<FixedFormat, readonly OutputSpec[]>> = {
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
  quotes: [
    { name: 'quotes.csv', render: quotesCsv },
    { name: 'quotes.jsonl', render: quotesJsonl },
  ],
};

/** The formats of one fixed file that `all` leaves out. */
export const NAMED_FORMATS: Readonly<Record<NamedFormat, readonly OutputSpec[]>> = {
  xlsx: [{ name: WORKBOOK_NAME, render: workbookXlsx }],
};

/** Every fixed format, in table order: `all`, the default of --format. */
export const ALL_FORMATS = Object.keys(FORMATS) as FixedFormat[];
/** Every name --format takes, in the order outputs are written. */
export const FORMAT_NAMES: readonly Format[] = [...ALL_FORMATS, 'xlsx', ...PAIR_FORMAT_NAMES];
/** What `all` leaves out, for messages. */
const NOT_IN_ALL = FORMAT_NAMES.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));

/** Written by every run whatever the formats. */
export const MANIFEST_NAME = 'run.json';

/** Every name the exporters can produce: the only names writeOutputs accepts. */
export const OUTPUT_NAMES: ReadonlySet<string> = new Set([
  ...ALL_FORMATS.flatMap((f) => FORMATS[f].map((o) => o.name)),
  ...Object.values(NAMED_FORMATS).flatMap((specs) => specs.map((o) => o.name)),
  MANIFEST_NAME,
]);

/** True for every name a run may write: the fixed outputs, run.json and the pair TMX files. */
export function isOutputName(name: string): boolean {
  return OUTPUT_NAMES.has(name) || PAIR_FORMAT_NAMES.some((f) => PAIR_FORMATS[f].name.test(name));
}

/** The fixed outputs of the chosen formats, in table order, then workbook.xlsx when asked for. */
export function outputsOf(formats: readonly Format[]): OutputSpec[] {
  const chosen = new Set<Format>(formats);
  return [
    ...ALL_FORMATS.filter((f) => chosen.has(f)).flatMap((f) => FORMATS[f]),
    ...(Object.keys(NAMED_FORMATS) as NamedFormat[]).filter((f) => chosen.has(f)).flatMap((f) => NAMED_FORMATS[f]),
  ];
}

function isFormat(name: string): name is Format {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/**
 * `csv,tmx` -> ['csv', 'tmx'], in table order without repeats. `all` stands for every format.
 * Throws usage.invalid-option naming the valid values on an unknown or empty name.
 */
export function parseFormats(spec: string): Format[] {
  const valid = `valid formats: ${FORMAT_NAMES.join(', ')} (or all, which is all but ${NOT_IN_ALL.join(', ')})`;
  const names = spec.split(',').map((s) => s.trim().toLowerCase());
  const chosen = new Set<Format>();
  for (const name of names) {
    if (name === 'all') ALL_FORMATS.forEach((f) => chosen.add(f));
    else if (isFormat(name)) chosen.add(name);
    else if (name === '') throw new PolyalignError('usage.invalid-option', `--format ${JSON.stringify(spec)} has an empty name; ${valid}`);
    else throw new PolyalignError('usage.invalid-option', `--format: unknown format ${JSON.stringify(name)}; ${valid}`);
  }
  return FORMAT_NAMES.filter((f) => chosen.has(f));
}
