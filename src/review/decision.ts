// A reviewer's decisions, as the store keeps them. A link decision names its two spans by document and
// text, never by sentence index or group id: a re-segmentation, a new threshold or a new embedder
// renumbers sentences and groups but leaves the text of a sentence as it was. A glossary decision names
// its entry by the forms seen (its variants), never by its id, for the same reason.

import { compareStrings } from '../text/compare.ts';
import type { EntityType, LinkKind } from '../types.ts';

export type LinkStatus = 'confirmed' | 'rejected';
export type EntryStatus = 'keep' | 'reject';

export interface SpanText {
  doc: string;
  /** The span's text, whitespace-normalised (see `normaliseText`). */
  text: string;
  /** The index or range (`12-13`) the file gave, a hint when a text occurs twice in a document. */
  sent?: string;
}

export interface LinkDecision {
  kind: 'link';
  status: LinkStatus;
  src: SpanText;
  tgt: SpanText;
  /**
   * Confirmed links only: the kind a reviewer gave the link by editing alignments.csv's `kind` column
   * (`related`: the two sides say only part of the same thing; `equivalent`: they say the same). In the
   * store, a confirmed decision without it (every decision from before kinds were read) is equivalent. A
   * decision read from a file whose kind was not edited has none and leaves the kind in force as it is
   * (see `sameDecision`).
   */
  linkKind?: LinkKind;
  /** Where the decision came from (a file name) and when it was imported (ISO time). */
  source: string;
  at: string;
}

export interface EntryDecision {
  kind: 'entry';
  status: EntryStatus;
  /** Every form of the entry, normalised, unique, sorted: the key. */
  variants: string[];
  /** The canonical form the reviewer kept or wrote. */
  canonical: string;
  /** The type the reviewer gave the entry (the `type` column edited), when they changed it. */
  type?: EntityType;
  source: string;
  at: string;
}

/**
 * Two quotes of two documents are the same quote (`confirmed`) or not (`rejected`): read from the
 * quote_id and status columns of an edited quotes.csv (src/review/parse.ts says how). Each side is a
 * document and the quote's words, never a quote or group id, which a re-run renumbers.
 */
export interface QuoteDecision {
  kind: 'quote';
  status: LinkStatus;
  src: SpanText;
  tgt: SpanText;
  source: string;
  at: string;
}

export type Decision = LinkDecision | EntryDecision | QuoteDecision;

/** The types a glossary entry may have, as glossary.csv's `type` column writes them. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organisation', 'other'];

// Cells that start like a formula get a leading `'` from the CSV writer (src/export/csv.ts); a
// spreadsheet keeps it, so it is taken off again when a cell is read back.
const ESCAPED_FORMULA = /^'(?=[-=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A cell as written by polyalign's CSV writer, back to its text. */
export function unescapeCell(cell: string): string {
  return cell.replace(ESCAPED_FORMULA, '');
}

/** NFC, every run of whitespace (line breaks included) as one space, trimmed: how texts are compared. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function sideKey(s: SpanText): string {
  return `${s.doc}\u0000${s.text}`;
}

/** The same key whichever span the file called src. */
export function linkKey(d: Pick<LinkDecision, 'src' | 'tgt'>): string {
  const a = sideKey(d.src);
  const b = sideKey(d.tgt);
  return a <= b ? `link\u0000${a}\u0000${b}` : `link\u0000${b}\u0000${a}`;
}

/** The same key whichever quote the file named first. */
export function quoteKey(d: Pick<QuoteDecision, 'src' | 'tgt'>): string {
  return `quote${linkKey(d).slice('link'.length)}`;
}

export function entryKey(d: Pick<EntryDecision, 'variants'>): string {
  return `entry\u0000${d.variants.join('\u0000')}`;
}

export function decisionKey(d: Decision): string {
  return d.kind === 'link' ? linkKey(d) : d.kind === 'quote' ? quoteKey(d) : entryKey(d);
}

/** The kind a confirmed link decision in force gives its link: the reviewer's, else `equivalent` (kind.ts). */
export function decidedKind(d: Pick<LinkDecision, 'linkKind'>): LinkKind {
  return d.linkKind ?? 'equivalent';
}

/**
 * Whether `b` says the same as `a` on one key, `a` being the decision in force (or a file's first row on
 * the key) and `b` the one that comes after it. A link decision that names no kind (its row's kind was
 * not edited) says nothing about the kind, so it agrees with a confirmed decision of either kind.
 */
export function sameDecision(a: Decision, b: Decision): boolean {
  if (a.status !== b.status) return false;
  if (a.kind === 'link' && b.kind === 'link') return b.linkKind === undefined || decidedKind(a) === b.linkKind;
  return a.kind === 'entry' && b.kind === 'entry' ? a.canonical === b.canonical && a.type === b.type : true;
}

/**
 * A row of alignments.csv as run.json names it (`alignmentsRelated`): its two documents and sentence
 * cells (`12` or `12-13`), `doc:sent ↔ doc:sent`, the two sides in code-unit order so that a row read
 * with its sides swapped has the same key.
 */
export function linkRowKey(srcDoc: string, srcSent: string, tgtDoc: string, tgtSent: string): string {
  const [a, b] = [`${srcDoc}:${srcSent}`, `${tgtDoc}:${tgtSent}`].sort(compareStrings);
  return `${a} ↔ ${b}`;
}

/** One line for a person: `000.txt "Kim je rekao…" ↔ 004.txt "Kim sagde…"`. */
export function describe(d: Decision): string {
  if (d.kind === 'entry') return `glossary entry ${JSON.stringify(d.canonical)} (${d.variants.slice(0, 4).join(' | ')}${d.variants.length > 4 ? ' | …' : ''})`;
  return `${d.kind === 'quote' ? 'quote ' : ''}${describeSpan(d.src)} ↔ ${describeSpan(d.tgt)}`;
}

function describeSpan(s: SpanText): string {
  const text = s.text.length > 40 ? `${s.text.slice(0, 39)}…` : s.text;
  return `${s.doc}${s.sent ? `:${s.sent}` : ''} ${JSON.stringify(text)}`;
}
