// The exporters: pure functions from a RunResult to file contents, a table of formats, and the one
// atomic writer. Only write.ts touches the file system.

import type { RunResult } from '../types.ts';
import { MANIFEST_NAME, outputsOf, PAIR_FORMATS, type Format } from './formats.ts';
import { runJson } from './manifest.ts';
import type { OutputFile } from './files.ts';

/**
 * The files of the chosen formats, in table order, then run.json. The manifest's `outputs` is set
 * to the names rendered here (run.json included), so it always matches what is written. Async because
 * a binary output (workbook.xlsx) is zipped asynchronously.
 */
export async function renderOutputs(result: RunResult, formats: readonly Format[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const s of outputsOf(formats)) files.push({ name: s.name, content: await s.render(result) });
  for (const [format, pair] of Object.entries(PAIR_FORMATS)) if (formats.includes(format as Format)) files.push(...pair.files(result));
  const outputs = [...files.map((f) => f.name), MANIFEST_NAME];
  files.push({ name: MANIFEST_NAME, content: runJson({ ...result.manifest, outputs }) });
  return files;
}

export { toCsv, round4, type Cell } from './csv.ts';
export { sentencesCsv, SENTENCES_HEADER } from './sentences-csv.ts';
export { alignmentsCsv, ALIGNMENTS_HEADER } from './alignments-csv.ts';
export { parallelCsv } from './parallel-csv.ts';
export { glossaryCsv } from './glossary-csv.ts';
export { corpusTmx } from './tmx.ts';
export { glossaryTbx } from './tbx.ts';
export { alignmentsJsonl } from './jsonl.ts';
export { alignmentRecords, type AlignmentRecord, type SpanRecord } from './alignment-records.ts';
export { runJson } from './manifest.ts';
export { workbookXlsx, WORKBOOK_NAME, WORKBOOK_SHEETS } from './xlsx.ts';
export { alignmentsTable } from './alignments-csv.ts';
export { parallelTable } from './parallel-csv.ts';
export { glossaryTable } from './glossary-csv.ts';
export { quotesTable } from './quotes.ts';
export type { Table } from './table.ts';
export { FORMATS, NAMED_FORMATS, ALL_FORMATS, FORMAT_NAMES, MANIFEST_NAME, OUTPUT_NAMES, isOutputName, outputsOf, parseFormats, type Format, type FixedFormat, type NamedFormat, type OutputSpec } from './formats.ts';
export { pairTmxFiles, pairTmxName } from './tmx-pairs.ts';
export { writeOutputs, isProtectedName, type OutputFile } from './write.ts';
