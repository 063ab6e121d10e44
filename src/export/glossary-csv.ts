// glossary.csv: one row per entity, one column per language holding its variants. `status` (keep,
// reject, or empty while undecided) and `canonical` are the columns a reviewer edits; the edited file
// is a decisions file for `--review`. Rejected entries stay listed, marked, so the decision stays in view.

import type { GlossaryEntry, RunResult } from '../types.ts';
import { toCsv, type Cell } from './csv.ts';
import { columnLang } from './locales.ts';
import { glossaryLanguages, variantsOf } from './glossary-view.ts';
import { compareStrings } from './run-index.ts';
import type { Table } from './table.ts';

export const VARIANT_SEPARATOR = ' | ';

/**
 * `docs` is the number of documents the entity appears in: a count sorts and filters in a
 * spreadsheet; the document ids are in glossary.tbx (as a note) for whoever needs them.
 * glossary.csv's header and rows, for the CSV and the workbook's sheet.
 */
export function glossaryTable(result: RunResult): Table {
  const langs = glossaryLanguages(result);
  const header = ['entry_id', 'type', 'status', 'canonical', ...langs.map((l) => columnLang(result.locales, l)), 'mentions', 'docs', 'example'];
  const entries: GlossaryEntry[] = [...result.glossary, ...(result.rejectedGlossary ?? [])].sort((a, b) => compareStrings(a.id, b.id));
  const rows: Cell[][] = entries.map((e) => [
    e.id,
    e.type,
    e.status ?? '',
    e.canonical,
    ...langs.map((lang) => variantsOf(e, lang).map((v) => v.form).join(VARIANT_SEPARATOR)),
    e.mentions.length,
    e.docs.length,
    e.example.text,
  ]);
  return { header, rows };
}

export function glossaryCsv(result: RunResult): string {
  const { header, rows } = glossaryTable(result);
  return toCsv(header, rows, result.csv);
}
