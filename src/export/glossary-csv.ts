// glossary.csv: one row per entity, one column per language holding its variants.

import type { RunResult } from '../types.ts';
import { toCsv, type Cell } from './csv.ts';
import { entriesById, glossaryLanguages, variantsOf } from './glossary-view.ts';

export const VARIANT_SEPARATOR = ' | ';

/**
 * `docs` is the number of documents the entity appears in: a count sorts and filters in a
 * spreadsheet; the document ids are in glossary.tbx (as a note) for whoever needs them.
 */
export function glossaryCsv(result: RunResult): string {
  const langs = glossaryLanguages(result);
  const header = ['entry_id', 'type', 'canonical', ...langs, 'mentions', 'docs', 'example'];
  const rows: Cell[][] = entriesById(result).map((e) => [
    e.id,
    e.type,
    e.canonical,
    ...langs.map((lang) => variantsOf(e, lang).map((v) => v.form).join(VARIANT_SEPARATOR)),
    e.mentions.length,
    e.docs.length,
    e.example.text,
  ]);
  return toCsv(header, rows);
}
