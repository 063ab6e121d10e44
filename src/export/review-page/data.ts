// The data review.html embeds: every link a reviewer may decide on (accepted, below the threshold,
// rejected), in alignments.csv order, with the exact cells alignments.csv would give it, and the
// groups side by side. Span texts go through one string table: a sentence linked to four documents is
// stored once.

import { createHash } from 'node:crypto';
import type { RunResult, Span } from '../../types.ts';
import { linkRecord, type AlignmentRecord, type SpanRecord } from '../alignment-records.ts';
import { formatSpan, indexRun } from '../run-index.ts';
import { byDocsThenPosition } from '../../align/link-order.ts';

/** Why a link is on the page: accepted by the tool, a candidate below the threshold, or rejected by a reviewer. */
export type LinkKind = 'accepted' | 'below' | 'rejected';

/** One side of a link: document index, span as alignments.csv writes it (`3`, `3-4`), text index. */
export type SideData = [doc: number, sent: string, text: number];

export interface LinkData {
  /** Index into `groups`, or -1 when the link is in no group. */
  g: number;
  /** alignments.csv's group_id (empty when in no group). */
  gid: string;
  score: number;
  margin: number;
  /** alignments.csv's confidence (empty string when none was set). */
  confidence: number | '';
  method: string;
  status: string;
  kind: LinkKind;
  /** alignments.csv's kind: `equivalent`, `related`, or empty where none was set. */
  type: string;
  src: SideData;
  tgt: SideData;
}

export interface GroupData {
  id: string;
  score: number;
  /** The group's spans, one per document: [doc index, span, text index]. */
  spans: SideData[];
  /** Indexes into `links` of the links shown in the group, in link order. */
  links: number[];
}

/**
 * One quote across the documents: its speaker, and per document [doc index, kind, sentence(s), text
 * index, confidence or '', start, end, status]: what quotes.csv's row says, so the page's quote
 * export is a quotes.csv that `polyalign run --review` reads.
 */
export interface QuoteData {
  id: string;
  speaker: string;
  entry: string;
  members: Array<[doc: number, kind: string, sent: string, text: number, confidence: number | '', start: number, end: number, status: string]>;
}

export interface ReviewData {
  /** Format of this object, for a page script reading an older file. */
  v: 1;
  /** A hash of the data below: the localStorage key of the reviewer's unsaved work on this run. */
  run: string;
  docs: Array<{ id: string; lang: string }>;
  texts: string[];
  links: LinkData[];
  groups: GroupData[];
  /** The run's quotes, those that two documents or more hold first (absent in a page of an older run). */
  quotes?: QuoteData[];
  /** Confidence bands on the link's calibrated confidence, highest first: a link is in the first band whose `min` it reaches (null: any). */
  bands: Array<{ id: string; label: string; min: number | null }>;
}

/**
 * Cut points of the colour bands on the calibrated confidence (an estimated probability that a
 * translator confirms the link as equivalent; src/align/confidence.ts), the same scale for ordered and
 * mining links: High when about 9 links in 10 are equivalent, Medium from 7 in 10, Low below.
 */
export const CONFIDENCE_BANDS: ReviewData['bands'] = [
  { id: 'high', label: 'High', min: 0.9 },
  { id: 'medium', label: 'Medium', min: 0.7 },
  { id: 'low', label: 'Low', min: null },
];

function spanKey(doc: string, first: number, last: number): string {
  return `${doc}\u0000${first}\u0000${last}`;
}

function linkKey(src: Span | SpanRecord, tgt: Span | SpanRecord): string {
  return `${spanKey(src.doc, src.first, src.last)}\u0001${spanKey(tgt.doc, tgt.first, tgt.last)}`;
}

export function reviewData(result: RunResult): ReviewData {
  const index = indexRun(result);
  const docIndex = new Map(result.documents.map((d, i) => [d.doc.id, i]));
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (t: string): number => {
    let i = textIndex.get(t);
    if (i === undefined) {
      i = texts.length;
      texts.push(t);
      textIndex.set(t, i);
    }
    return i;
  };

  // Every link through alignments.csv's own row builder, so group ids, rounding, ranges and texts
  // are the ones alignments.csv writes; a link listed under two kinds counts once, as the first.
  const kinds: Array<[LinkKind, 'links' | 'below' | 'rejected']> = [
    ['accepted', 'links'],
    ['below', 'below'],
    ['rejected', 'rejected'],
  ];
  const seen = new Set<string>();
  const records: Array<{ record: AlignmentRecord; kind: LinkKind }> = [];
  for (const [kind, field] of kinds) {
    for (const link of result.pairs.flatMap((p) => p[field])) {
      const record = linkRecord(link, index);
      const key = linkKey(record.src, record.tgt);
      if (seen.has(key)) continue;
      seen.add(key);
      records.push({ record, kind });
    }
  }
  records.sort((a, b) => byDocsThenPosition(a.record, b.record));

  const groupIndex = new Map(index.groups.map((g, i) => [g.id, i]));
  const side = (s: SpanRecord): SideData => [docIndex.get(s.doc)!, formatSpan(s), text(s.text)];
  const groups: GroupData[] = index.groups.map((g) => ({
    id: g.id,
    score: round2(g.score),
    spans: [...g.spans]
      .sort((a, b) => docIndex.get(a.doc)! - docIndex.get(b.doc)!)
      .map((s) => [docIndex.get(s.doc)!, formatSpan(s), text(index.spanText(s))] as SideData),
    links: [],
  }));
  const links: LinkData[] = records.map(({ record, kind }, i) => {
    const g = record.group_id === null ? -1 : (groupIndex.get(record.group_id) ?? -1);
    if (g >= 0) groups[g]!.links.push(i);
    return {
      g,
      gid: record.group_id ?? '',
      score: record.score,
      margin: record.margin,
      confidence: record.confidence ?? '',
      method: record.method,
      status: record.status,
      kind,
      type: record.kind ?? '',
      src: side(record.src),
      tgt: side(record.tgt),
    };
  });

  const quoteGroups = [...(result.quotes ?? [])].sort((a, b) => Number(b.members.length > 1) - Number(a.members.length > 1));
  const quotes: QuoteData[] = quoteGroups.map((g) => ({
    id: g.id,
    speaker: g.speaker?.canonical ?? '',
    entry: g.speaker?.entry ?? '',
    members: g.members.map(
      (q) =>
        [docIndex.get(q.doc)!, q.kind, q.sents[0] === q.sents[1] ? String(q.sents[0]) : `${q.sents[0]}-${q.sents[1]}`, text(q.text), g.confidence[q.id] ?? '', q.start, q.end, g.status?.[q.id] ?? 'auto'] as QuoteData['members'][number],
    ),
  }));
  const body = {
    docs: result.documents.map((d) => ({ id: d.doc.id, lang: d.lang.code })),
    texts,
    links,
    groups,
    ...(quotes.length > 0 ? { quotes } : {}),
    bands: CONFIDENCE_BANDS,
  };
  const run = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { v: 1, run, ...body };
}


function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
