// Decisions files: an alignments.csv whose `status` column a reviewer edited (or the review page's
// export, which has the same header), and a glossary.csv whose `status` / `canonical` columns were
// edited. Pure: takes the file's text and its name (for messages).

import { parse } from 'csv-parse/sync';
import { PolyalignError } from '../errors.ts';
import { describe, entryKey, linkKey, normaliseText, unescapeCell, type EntryDecision, type EntryStatus, type LinkDecision, type LinkStatus } from './decision.ts';

export const LINK_COLUMNS = ['status', 'src_doc', 'src_text', 'tgt_doc', 'tgt_text'] as const;
export const ENTRY_COLUMNS = ['status', 'canonical'] as const;
/** glossary.csv columns that are not languages. */
export const GLOSSARY_FIXED_COLUMNS = ['entry_id', 'type', 'canonical', 'status', 'mentions', 'docs', 'example'];

const LINK_STATUS: Record<string, LinkStatus | null> = { '': null, auto: null, confirmed: 'confirmed', rejected: 'rejected' };
const ENTRY_STATUS: Record<string, EntryStatus | null> = { '': null, keep: 'keep', reject: 'reject' };

export interface ParsedDecisions {
  kind: 'links' | 'glossary';
  links: LinkDecision[];
  entries: EntryDecision[];
  /** The same key decided both ways in this file: neither is taken. */
  conflicts: string[];
}

export interface ParseOptions {
  /** The run's documents: a decision naming another document is an error. Omit to accept any. */
  knownDocs?: readonly string[];
  /** Import time, ISO. */
  at: string;
  /**
   * The canonical forms the run that wrote this glossary.csv gave, by entry id. With it, a row whose
   * canonical differs from it is an edit, taken as `keep` even when its status was left empty.
   */
  canonicalBefore?: Readonly<Record<string, string>>;
}

function invalid(path: string, message: string): PolyalignError {
  return new PolyalignError('review.invalid', message, { path });
}

/**
 * The delimiter of the header line: a spreadsheet set to a language that writes decimal commas saves
 * "CSV" with semicolons; some save tabs. Column names hold none of the three.
 */
function delimiterOf(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * The column names of a CSV's header line, as the parser reads them (comma, semicolon or tab; BOM taken
 * off; trimmed, lower case), or undefined when the header cannot be read as CSV (binary data, a broken
 * quote): such a file is for `parseDecisions` to reject with a message.
 */
export function headerOf(text: string): string[] | undefined {
  if (text.includes('\u0000')) return undefined;
  try {
    const [header] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, to_line: 1, delimiter: delimiterOf(text) }) as string[][];
    return header?.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  } catch {
    return undefined;
  }
}

function readTable(text: string, path: string): { header: string[]; rows: string[][] } {
  if (text.includes('\u0000')) throw invalid(path, 'is not a CSV file (it holds binary data); expected a decisions CSV such as alignments.csv');
  // Read as UTF-8, a file saved in a legacy code page has bytes that decode to U+FFFD: its Cyrillic
  // and diacritics would never match a sentence again.
  if (text.includes('\uFFFD')) throw invalid(path, 'is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true, delimiter: delimiterOf(text) }) as string[][];
  } catch (error) {
    throw invalid(path, `is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...rows] = records;
  if (!header) throw invalid(path, 'is empty; expected a CSV with a header row');
  return { header: header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase()), rows };
}

/** Read a decisions file: alignments.csv-like (link decisions) or glossary.csv-like (entry decisions). */
export function parseDecisions(text: string, path: string, options: ParseOptions): ParsedDecisions {
  const { header, rows } = readTable(text, path);
  if (header.includes('src_doc') || header.includes('tgt_doc') || !header.includes('canonical')) {
    return parseLinkRows(header, rows, path, options);
  }
  return parseEntryRows(header, rows, path, options);
}

function columnsOf(header: string[], wanted: readonly string[], path: string, what: string): Record<string, number> {
  const missing = wanted.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw invalid(path, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ${what} needs a header with ${wanted.join(', ')} (found: ${header.join(', ') || 'nothing'})`);
  }
  return Object.fromEntries(wanted.map((c) => [c, header.indexOf(c)]));
}

function parseLinkRows(header: string[], rows: string[][], path: string, options: ParseOptions): ParsedDecisions {
  const col = columnsOf(header, LINK_COLUMNS, path, 'a decisions file');
  const srcSent = header.indexOf('src_sent');
  const tgtSent = header.indexOf('tgt_sent');
  const known = options.knownDocs ? new Set(options.knownDocs) : undefined;
  const byKey = new Map<string, LinkDecision>();
  const conflicted = new Set<string>();
  const conflicts: string[] = [];
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const raw = (row[col.status!] ?? '').trim().toLowerCase();
    if (!Object.hasOwn(LINK_STATUS, raw)) {
      throw invalid(path, `row ${line}: status ${JSON.stringify(row[col.status!])}, expected auto, confirmed or rejected`);
    }
    const status = LINK_STATUS[raw];
    if (!status) return;
    const side = (docCol: number, textCol: number, sentCol: number, name: string) => {
      // The writer guards a name that starts like a formula (`'-notes.txt`): take the guard off, and
      // keep a name's own leading or trailing space when the run knows it so.
      const cell = unescapeCell(row[docCol] ?? '');
      const doc = known?.has(cell) ? cell : cell.trim();
      const text = normaliseText(unescapeCell(row[textCol] ?? ''));
      if (!doc) throw invalid(path, `row ${line}: ${name}_doc is empty`);
      if (!text) throw invalid(path, `row ${line}: ${name}_text is empty`);
      if (known && !known.has(doc)) throw invalid(path, `row ${line}: unknown document ${JSON.stringify(doc)}; this run's documents are ${[...known].join(', ')}`);
      const sent = sentCol >= 0 ? (row[sentCol] ?? '').trim() : '';
      if (sent !== '' && !/^\d+(-\d+)?$/.test(sent)) throw invalid(path, `row ${line}: ${name}_sent ${JSON.stringify(sent)}, expected an index or a range such as 12-13`);
      return sent ? { doc, text, sent } : { doc, text };
    };
    const src = side(col.src_doc!, col.src_text!, srcSent, 'src');
    const tgt = side(col.tgt_doc!, col.tgt_text!, tgtSent, 'tgt');
    if (src.doc === tgt.doc) throw invalid(path, `row ${line}: both spans are in ${src.doc}; a link joins two documents`);
    const decision: LinkDecision = { kind: 'link', status, src, tgt, source: path, at: options.at };
    const key = linkKey(decision);
    const before = byKey.get(key);
    if (before && before.status !== status && !conflicted.has(key)) {
      conflicted.add(key);
      conflicts.push(`${path}: the same link is both confirmed and rejected (row ${line}); neither was taken: ${describe(decision)}`);
    }
    if (!before) byKey.set(key, decision);
  });
  const links = [...byKey.entries()].filter(([k]) => !conflicted.has(k)).map(([, d]) => d);
  return { kind: 'links', links, entries: [], conflicts };
}

function parseEntryRows(header: string[], rows: string[][], path: string, options: ParseOptions): ParsedDecisions {
  const col = columnsOf(header, ENTRY_COLUMNS, path, 'a glossary decisions file');
  const langCols = header.map((h, i) => ({ h, i })).filter(({ h }) => !GLOSSARY_FIXED_COLUMNS.includes(h));
  const idCol = header.indexOf('entry_id');
  if (langCols.length === 0) throw invalid(path, 'has no language columns; a glossary decisions file is glossary.csv with its status and canonical columns edited');
  const byKey = new Map<string, EntryDecision>();
  const conflicted = new Set<string>();
  const conflicts: string[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const raw = (row[col.status!] ?? '').trim().toLowerCase();
    if (!Object.hasOwn(ENTRY_STATUS, raw)) throw invalid(path, `row ${line}: status ${JSON.stringify(row[col.status!])}, expected keep, reject or nothing`);
    const canonical = normaliseText(unescapeCell(row[col.canonical!] ?? ''));
    const before = idCol >= 0 ? options.canonicalBefore?.[(row[idCol] ?? '').trim()] : undefined;
    const status = ENTRY_STATUS[raw] ?? (before !== undefined && canonical !== '' && canonical !== normaliseText(before) ? 'keep' : null);
    if (!status) return;
    const variants = [...new Set(langCols.flatMap(({ i: c }) => (row[c] ?? '').split('|').map((v) => normaliseText(unescapeCell(v.trim())))).filter(Boolean))].sort();
    if (variants.length === 0) throw invalid(path, `row ${line}: no variants in the language columns, so the entry cannot be recognised`);
    if (!canonical && status === 'keep') throw invalid(path, `row ${line}: canonical is empty; a kept entry needs a canonical form`);
    const decision: EntryDecision = { kind: 'entry', status, variants, canonical: canonical || variants[0]!, source: path, at: options.at };
    const key = entryKey(decision);
    const earlier = byKey.get(key);
    if (earlier && (earlier.status !== status || earlier.canonical !== decision.canonical) && !conflicted.has(key)) {
      conflicted.add(key);
      conflicts.push(`${path}: one glossary entry is decided twice, differently (row ${line}); neither was taken: ${variants.join(' | ')}`);
    }
    if (!earlier) byKey.set(key, decision);
  });
  const entries = [...byKey.entries()].filter(([k]) => !conflicted.has(k)).map(([, d]) => d);
  return { kind: 'glossary', links: [], entries, conflicts };
}
