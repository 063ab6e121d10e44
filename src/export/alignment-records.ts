// One record per accepted link and per link a reviewer rejected, in the order alignments.csv and
// alignments.jsonl share. Rejected links are listed (status `rejected`, no group) so that a spreadsheet
// round trip keeps the decision in view. Candidates below the threshold (`PairAlignment.below`) are not
// aligned and are not exported; run.json counts them.

import type { LangCode, Link, LinkKind, Method, RunResult, Span, Status } from '../types.ts';
import { round4 } from './csv.ts';
import type { RunIndex } from './run-index.ts';
import { byDocsThenPosition } from '../align/link-order.ts';

export interface SpanRecord {
  doc: string;
  lang: LangCode;
  first: number;
  last: number;
  /** The span's sentences joined by a space. */
  text: string;
}

export interface AlignmentRecord {
  /** The group holding both spans, or null. */
  group_id: string | null;
  /** Cosine, 4 decimals. */
  score: number;
  /** Margin, 4 decimals. */
  margin: number;
  /** Estimated probability that a translator confirms the link as equivalent (src/align/confidence.ts), 4 decimals; null where none was set. */
  confidence: number | null;
  /** `equivalent` or `related` (src/align/kind.ts); null where none was set. */
  kind: LinkKind | null;
  method: Method;
  status: Status;
  src: SpanRecord;
  tgt: SpanRecord;
}


export function alignmentRecords(result: RunResult, index: RunIndex): AlignmentRecord[] {
  const links = result.pairs.flatMap((p) => [...p.links, ...p.rejected]).sort(byDocsThenPosition);
  return links.map((link) => linkRecord(link, index));
}

/** One row of alignments.csv: the link's group (none for a rejected link), rounded scores, both spans. */
export function linkRecord(link: Link, index: RunIndex): AlignmentRecord {
  return {
    group_id: link.status === 'rejected' ? null : (index.groupOf(link)?.id ?? null),
    score: round4(link.score),
    margin: round4(link.margin),
    confidence: link.confidence === undefined ? null : round4(link.confidence),
    kind: link.kind ?? null,
    method: link.method,
    status: link.status,
    src: spanRecord(link.src, index),
    tgt: spanRecord(link.tgt, index),
  };
}

// Built field by field so the JSON key order is fixed: doc, lang, first, last, text.
function spanRecord(span: Span, index: RunIndex): SpanRecord {
  return { doc: span.doc, lang: index.lang(span.doc), first: span.first, last: span.last, text: index.spanText(span) };
}
