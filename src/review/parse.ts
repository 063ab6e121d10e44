// Decisions files: an alignments.csv whose `status` (or, in the run's own file, `kind`) column a
// reviewer edited (or the review page's export, which has the same header), a glossary.csv whose
// `status` / `canonical` / `type` columns were edited, and a quotes.csv whose `status` (and
// `quote_id`) columns were edited (or the page's quote export). Pure: takes the file's text and its
// name (for messages).

import { parse } from 'csv-parse/sync';
import { PolyalignError } from '../errors.ts';
import type { LinkKind } from '../types.ts';
import { decisionKey, describe, ENTITY_TYPES, linkRowKey, normaliseText, sameDecision, unescapeCell, type Decision, type EntryDecision, type EntryStatus, type LinkDecision, type LinkStatus, type QuoteDecision, type SpanText } from './decision.ts';

export const LINK_COLUMNS = ['status', 'src_doc', 'src_text', 'tgt_doc', 'tgt_text'] as const;
export const ENTRY_COLUMNS = ['status', 'canonical'] as const;
export const QUOTE_COLUMNS = ['quote_id', 'doc', 'text', 'status'] as const;
/** glossary.csv columns that are not languages. */
export const GLOSSARY_FIXED_COLUMNS = ['entry_id', 'type', 'canonical', 'status', 'mentions', 'docs', 'example'];

const LINK_STATUS: Record<string, LinkStatus | null> = { '': null, auto: null, confirmed: 'confirmed', rejected: 'rejected' };
/** The values alignments.csv's kind column holds (src/align/kind.ts). */
export const LINK_KIND_VALUES: readonly LinkKind[] = ['equivalent', 'related'];
const ENTRY_STATUS: Record<string, EntryStatus | null> = { '': null, keep: 'keep', reject: 'reject' };
/** The values a link's or a quote's status cell may hold (case and spaces aside), an empty cell as well: workbook.xlsx's drop-down list. */
export const LINK_STATUS_VALUES = Object.keys(LINK_STATUS).filter(Boolean);
/** The values a glossary entry's status cell may hold, an empty cell (undecided) as well. */
export const ENTRY_STATUS_VALUES = Object.keys(ENTRY_STATUS).filter(Boolean);

export interface ParsedDecisions {
  kind: 'links' | 'glossary' | 'quotes';
  links: LinkDecision[];
  entries: EntryDecision[];
  quotes: QuoteDecision[];
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
  /** The types the run that wrote this glossary.csv gave, by entry id: a row whose type differs is an edit, applied. */
  typeBefore?: Readonly<Record<string, string>>;
  /**
   * The rows the run that wrote this alignments.csv showed as `related` (run.json's `alignmentsRelated`,
   * by `linkRowKey`), every other row as `equivalent`. With it, a row whose `kind` differs is an edit: a
   * link set to `related` is kept as a confirmed link of that kind, one set to `equivalent` is confirmed.
   * Without it (a file from elsewhere, such as the review page's export, whose kinds are the tool's) the
   * kind column is not read.
   */
  relatedBefore?: readonly string[];
}

function invalid(path: string, message: string): PolyalignError {
  return new PolyalignError('review.invalid', message, { path });
}

/**
 * The delimiter of the header line: a spreadsheet set to a language that writes decimal commas saves
 * "CSV" with semicolons; some save tabs. Column names hold none of the three.
 */
export function delimiterOf(text: string): string {
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
    return header && normaliseHeader(header);
  } catch {
    return undefined;
  }
}

/** A decisions table as the parser takes it: the header (trimmed, lower case) and the rows, every cell a string. */
export interface DecisionTable {
  header: string[];
  rows: string[][];
}

/** A header's column names as the parser compares them: BOM off, trimmed, lower case. */
export function normaliseHeader(header: readonly string[]): string[] {
  return header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
}

function readTable(text: string, path: string): DecisionTable {
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
  return { header: normaliseHeader(header), rows };
}

/** Read a decisions file: alignments.csv-like (link decisions), glossary.csv-like (entry decisions) or quotes.csv-like (quote decisions). */
export function parseDecisions(text: string, path: string, options: ParseOptions): ParsedDecisions {
  return parseDecisionTable(readTable(text, path), path, options);
}

/**
 * The decisions of a table already read: a CSV's (above) or a workbook sheet's (workbook.ts). Which
 * kind it is follows from the header, as for a CSV.
 */
export function parseDecisionTable({ header, rows }: DecisionTable, path: string, options: ParseOptions): ParsedDecisions {
  if (header.includes('quote_id')) return parseQuoteRows(header, rows, path, options);
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

/**
 * The decisions of one file, one per key: the first row on a key is taken (or a later one that says the
 * same and more); a key that another row decides otherwise is a conflict, said once, and neither row is taken.
 */
function onePerKey<D extends Decision>() {
  const byKey = new Map<string, D>();
  const conflicted = new Set<string>();
  const conflicts: string[] = [];
  return {
    conflicts,
    add(decision: D, conflict: (before: D) => string): void {
      const key = decisionKey(decision);
      const before = byKey.get(key);
      if (!before) byKey.set(key, decision);
      else if (sameDecision(before, decision)) return;
      // the later row says more than the earlier and nothing against it (a link's kind: decision.ts sameDecision)
      else if (sameDecision(decision, before)) byKey.set(key, decision);
      else if (!conflicted.has(key)) {
        conflicted.add(key);
        conflicts.push(conflict(before));
      }
    },
    taken: (): D[] => [...byKey.entries()].filter(([k]) => !conflicted.has(k)).map(([, d]) => d),
  };
}

function parseLinkRows(header: string[], rows: string[][], path: string, options: ParseOptions): ParsedDecisions {
  const col = columnsOf(header, LINK_COLUMNS, path, 'a decisions file');
  const srcSent = header.indexOf('src_sent');
  const tgtSent = header.indexOf('tgt_sent');
  const kindCol = options.relatedBefore ? header.indexOf('kind') : -1;
  const related = new Set(options.relatedBefore ?? []);
  const known = options.knownDocs ? new Set(options.knownDocs) : undefined;
  const decided = onePerKey<LinkDecision>();
  const sentOf = (row: string[], c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
  /** The row's kind and the one the run wrote on it (`related` where run.json lists the row, else `equivalent`), when they differ. */
  const editedKind = (row: string[], line: number): { kind: LinkKind; written: LinkKind } | undefined => {
    if (kindCol < 0) return undefined;
    const cell = (row[kindCol] ?? '').trim().toLowerCase();
    if (cell === '') return undefined;
    if (!LINK_KIND_VALUES.includes(cell as LinkKind)) throw invalid(path, `row ${line}: kind ${JSON.stringify(row[kindCol])}, expected ${LINK_KIND_VALUES.join(' or ')}`);
    const docCell = (c: number) => unescapeCell(row[c] ?? '').trim();
    const written: LinkKind = related.has(linkRowKey(docCell(col.src_doc!), sentOf(row, srcSent), docCell(col.tgt_doc!), sentOf(row, tgtSent))) ? 'related' : 'equivalent';
    return cell === written ? undefined : { kind: cell as LinkKind, written };
  };
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const raw = (row[col.status!] ?? '').trim().toLowerCase();
    if (!Object.hasOwn(LINK_STATUS, raw)) {
      throw invalid(path, `row ${line}: status ${JSON.stringify(row[col.status!])}, expected auto, confirmed or rejected`);
    }
    const edited = editedKind(row, line);
    // a kind the reviewer changed is a decision of its own: the link is kept (confirmed), of that kind
    const status = LINK_STATUS[raw] ?? (edited ? 'confirmed' : null);
    if (!status) return;
    if (status === 'rejected' && edited) {
      throw invalid(
        path,
        `row ${line}: kind changed to ${edited.kind} (the run wrote ${edited.written}) on a link whose status is rejected; a rejected link is in no group and has no kind: set status to confirmed or auto to keep the link as ${edited.kind}, or put kind back to ${edited.written}`,
      );
    }
    const side = (docCol: number, textCol: number, sentCol: number, name: string) => {
      const doc = docOf(row[docCol] ?? '', known, path, line, `${name}_doc`);
      const text = normaliseText(unescapeCell(row[textCol] ?? ''));
      if (!text) throw invalid(path, `row ${line}: ${name}_text is empty`);
      const sent = sentOf(row, sentCol);
      if (sent !== '' && !/^\d+(-\d+)?$/.test(sent)) throw invalid(path, `row ${line}: ${name}_sent ${JSON.stringify(sent)}, expected an index or a range such as 12-13`);
      return sent ? { doc, text, sent } : { doc, text };
    };
    const src = side(col.src_doc!, col.src_text!, srcSent, 'src');
    const tgt = side(col.tgt_doc!, col.tgt_text!, tgtSent, 'tgt');
    if (src.doc === tgt.doc) throw invalid(path, `row ${line}: both spans are in ${src.doc}; a link joins two documents`);
    const decision: LinkDecision = { kind: 'link', status, ...(edited ? { linkKind: edited.kind } : {}), src, tgt, source: path, at: options.at };
    decided.add(decision, (before) =>
      before.status === status
        ? `${path}: the same link is given two kinds (row ${line}); neither was taken: ${describe(decision)}`
        : `${path}: the same link is both confirmed and rejected (row ${line}); neither was taken: ${describe(decision)}`,
    );
  });
  return { kind: 'links', links: decided.taken(), entries: [], quotes: [], conflicts: decided.conflicts };
}

function parseEntryRows(header: string[], rows: string[][], path: string, options: ParseOptions): ParsedDecisions {
  const col = columnsOf(header, ENTRY_COLUMNS, path, 'a glossary decisions file');
  const langCols = header.map((h, i) => ({ h, i })).filter(({ h }) => !GLOSSARY_FIXED_COLUMNS.includes(h));
  const idCol = header.indexOf('entry_id');
  const typeCol = header.indexOf('type');
  if (langCols.length === 0) throw invalid(path, 'has no language columns; a glossary decisions file is glossary.csv with its status and canonical columns edited');
  const decided = onePerKey<EntryDecision>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const raw = (row[col.status!] ?? '').trim().toLowerCase();
    if (!Object.hasOwn(ENTRY_STATUS, raw)) throw invalid(path, `row ${line}: status ${JSON.stringify(row[col.status!])}, expected keep, reject or nothing`);
    const canonical = normaliseText(unescapeCell(row[col.canonical!] ?? ''));
    const id = idCol >= 0 ? (row[idCol] ?? '').trim() : '';
    const before = id ? options.canonicalBefore?.[id] : undefined;
    // a type counts where the reviewer changed it from what the run wrote (known from run.json)
    const typeCell = typeCol >= 0 ? (row[typeCol] ?? '').trim().toLowerCase() : '';
    const typeBefore = id ? options.typeBefore?.[id] : undefined;
    const retyped = typeBefore !== undefined && typeCell !== '' && typeCell !== typeBefore;
    if (retyped && !ENTITY_TYPES.includes(typeCell as never)) throw invalid(path, `row ${line}: type ${JSON.stringify(row[typeCol])}, expected ${ENTITY_TYPES.join(', ')}`);
    const status = ENTRY_STATUS[raw] ?? ((before !== undefined && canonical !== '' && canonical !== normaliseText(before)) || retyped ? 'keep' : null);
    if (!status) return;
    const variants = [...new Set(langCols.flatMap(({ i: c }) => (row[c] ?? '').split('|').map((v) => normaliseText(unescapeCell(v.trim())))).filter(Boolean))].sort();
    if (variants.length === 0) throw invalid(path, `row ${line}: no variants in the language columns, so the entry cannot be recognised`);
    if (!canonical && status === 'keep') throw invalid(path, `row ${line}: canonical is empty; a kept entry needs a canonical form`);
    const type = retyped ? (typeCell as EntryDecision['type']) : undefined;
    const decision: EntryDecision = { kind: 'entry', status, variants, canonical: canonical || variants[0]!, ...(type ? { type } : {}), source: path, at: options.at };
    decided.add(decision, () => `${path}: one glossary entry is decided twice, differently (row ${line}); neither was taken: ${variants.join(' | ')}`);
  });
  return { kind: 'glossary', links: [], entries: decided.taken(), quotes: [], conflicts: decided.conflicts };
}

/**
 * Which document of the run a cell names. The writer guards a name that starts like a formula
 * (`'-notes.txt`): the guard is taken off, and a name's own leading or trailing space kept when the run
 * knows it so.
 */
function docOf(cell: string, known: ReadonlySet<string> | undefined, path: string, line: number, column = 'doc'): string {
  const raw = unescapeCell(cell);
  const doc = known?.has(raw) ? raw : raw.trim();
  if (!doc) throw invalid(path, `row ${line}: ${column} is empty`);
  if (known && !known.has(doc)) throw invalid(path, `row ${line}: unknown document ${JSON.stringify(doc)}; this run's documents are ${[...known].join(', ')}`);
  return doc;
}

/**
 * quotes.csv, edited: the rows of one quote_id are one quote across the documents. A row set to
 * `confirmed` is the same quote as every other confirmed row of its quote_id (so a quote moved to
 * another group is confirmed there by giving it that quote_id); a row set to `rejected` is not the
 * same quote as any other row of its quote_id. Each becomes a decision on a pair of quotes, named by
 * document and words.
 */
function parseQuoteRows(header: string[], rows: string[][], path: string, options: ParseOptions): ParsedDecisions {
  const col = columnsOf(header, QUOTE_COLUMNS, path, 'a quote decisions file');
  const sentCol = header.indexOf('sent');
  const known = options.knownDocs ? new Set(options.knownDocs) : undefined;
  const groups = new Map<string, Array<{ side: SpanText; status: LinkStatus | null; line: number }>>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const raw = (row[col.status!] ?? '').trim().toLowerCase();
    if (!Object.hasOwn(LINK_STATUS, raw)) throw invalid(path, `row ${line}: status ${JSON.stringify(row[col.status!])}, expected auto, confirmed or rejected`);
    const id = (row[col.quote_id!] ?? '').trim();
    if (!id) throw invalid(path, `row ${line}: quote_id is empty`);
    const doc = docOf(row[col.doc!] ?? '', known, path, line);
    const text = normaliseText(unescapeCell(row[col.text!] ?? ''));
    if (!text) throw invalid(path, `row ${line}: text is empty`);
    const sent = sentCol >= 0 ? (row[sentCol] ?? '').trim() : '';
    const side: SpanText = /^\d+(-\d+)?$/.test(sent) ? { doc, text, sent } : { doc, text };
    const list = groups.get(id) ?? [];
    list.push({ side, status: LINK_STATUS[raw] ?? null, line });
    groups.set(id, list);
  });
  const decided = onePerKey<QuoteDecision>();
  const add = (status: LinkStatus, src: SpanText, tgt: SpanText, line: number) => {
    const decision: QuoteDecision = { kind: 'quote', status, src, tgt, source: path, at: options.at };
    decided.add(decision, () => `${path}: two quotes are both confirmed and rejected as one (row ${line}); neither was taken: ${describe(decision)}`);
  };
  for (const [id, members] of groups) {
    const confirmed = members.filter((m) => m.status === 'confirmed');
    for (let x = 0; x < confirmed.length; x++) {
      for (let y = x + 1; y < confirmed.length; y++) {
        const [a, b] = [confirmed[x]!, confirmed[y]!];
        if (a.side.doc === b.side.doc) throw invalid(path, `row ${b.line}: quote ${id} has two confirmed rows of ${a.side.doc} (rows ${a.line} and ${b.line}); a quote is found once in each document`);
        add('confirmed', a.side, b.side, b.line);
      }
    }
    for (const r of members.filter((m) => m.status === 'rejected')) {
      for (const m of members) if (m !== r && m.side.doc !== r.side.doc) add('rejected', r.side, m.side, r.line);
    }
  }
  return { kind: 'quotes', links: [], entries: [], quotes: decided.taken(), conflicts: decided.conflicts };
}
