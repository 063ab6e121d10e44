// What a batch keeps of one event beside its run outputs (`events/<id>/batch-event.json`): the
// fingerprint that says whether the event must run again, its status, and the groups and glossary
// entries that the combined outputs are built from. It is written last, atomically, so an event
// whose record says `ok` has all of its outputs on disk.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { indexRun, formatSpan } from '../export/run-index.ts';
import { entriesById } from '../export/glossary-view.ts';
import { directConfidence, directKind, directPartners, equivalentParts } from '../align/groups.ts';
import { round4 } from '../export/csv.ts';
import { reviewStatus } from '../export/tmx.ts';
import { describeEvidence, typeEntries, typingContext } from '../glossary/entity-type.ts';
import type { EntityType, LangCode, LinkKind, QuoteGroup, QuoteKind, RunResult, SkippedInput } from '../types.ts';

export const RECORD_NAME = 'batch-event.json';
export const RECORD_VERSION = 6;

/** One span of a group as the corpus outputs show it. */
export interface MemberRecord {
  doc: string;
  lang: LangCode;
  /** The sentence index, or `12-13` for a merge. */
  sent: string;
  text: string;
  /** How many of the group's other members a link ties this one to directly. */
  linked: number;
  /** The highest confidence among those links (null when none has one). */
  confidence: number | null;
  /** The best kind of those links (null when none has one). */
  kind: LinkKind | null;
}

export interface GroupRecord {
  id: string;
  score: number;
  /** Whether a reviewer confirmed its links: auto, confirmed, partly-confirmed. */
  status: string;
  members: MemberRecord[];
  /** The parts of the group that equivalent links hold together (indexes into members): corpus.tmx's units. */
  parts: number[][];
}

export interface EntryRecord {
  id: string;
  type: EntityType;
  canonical: string;
  /** `en` when the canonical is the English name from polyalign's table (GlossaryEntry.canonicalLang). */
  canonicalLang?: 'en';
  variants: Record<LangCode, Array<{ form: string; count: number }>>;
  /** Per language, the preferred term (the base form; GlossaryEntry.preferred). */
  preferred?: Record<LangCode, string>;
  mentions: number;
  docs: string[];
  example: { doc: string; lang: LangCode; sent: number; text: string };
  /** The type evidence, as glossary.tbx writes it. */
  evidence: string;
}

/** One quote of the event across its documents, as quotes.csv shows it. */
export interface QuoteRecord {
  id: string;
  speaker: { entry?: string; canonical: string } | null;
  members: Array<{ quote: string; kind: QuoteKind; doc: string; lang: LangCode; sent: string; start: number; end: number; text: string; speaker: string | null; confidence: number | null }>;
}

export interface EventError {
  code: string;
  message: string;
}

export interface EventRecord {
  version: number;
  event: string;
  /** sha256 of the inputs' bytes, the options and the embedder: equal keys give equal outputs. */
  key: string;
  /** Which embedder ran, down to its model's bytes (batch/fingerprint.ts). */
  embedder?: string;
  /**
   * stale: the event's last run failed on its input (`error`), and this is the record of the run
   * before, whose outputs the combined corpus keeps until the event runs again.
   */
  status: 'ok' | 'failed' | 'stale';
  error?: EventError;
  /** sha256 of the reviewer-facing files after the run (null when absent): a change means a reviewer acted. */
  state: Record<string, string | null>;
  inputs: Array<{ doc: string; lang: LangCode; sha256: string; sentences: number }>;
  counts: { documents: number; sentences: number; links: number; groups: number; glossaryEntries: number };
  /** Files of the event left out under --skip-bad, with the reason (absent when none). */
  skipped?: SkippedInput[];
  seconds: number;
  groups: GroupRecord[];
  glossary: EntryRecord[];
  /** The event's quotes (quotes.csv); absent when its run had none. */
  quotes?: QuoteRecord[];
}

function roundOrNull(x: number | undefined): number | null {
  return x === undefined ? null : round4(x);
}

/** The record of an event that ran: pure, from the run's result. */
export function okRecord(event: string, key: string, result: RunResult, state: Record<string, string | null>, seconds: number): EventRecord {
  const index = indexRun(result);
  const order = new Map(result.documents.map((d, i) => [d.doc.id, i]));
  const groups: GroupRecord[] = index.groups.map((g) => {
    const spans = [...g.spans].sort((a, b) => order.get(a.doc)! - order.get(b.doc)!);
    return {
      id: g.id,
      score: g.score,
      status: reviewStatus(g),
      members: spans.map((s) => ({
        doc: s.doc,
        lang: index.lang(s.doc),
        sent: formatSpan(s),
        text: index.spanText(s),
        linked: directPartners(s, g.links).size,
        confidence: roundOrNull(directConfidence(s, g.links)),
        kind: directKind(s, g.links) ?? null,
      })),
      parts: equivalentParts(g).map((part) => part.map((p) => spans.indexOf(p)).sort((a, b) => a - b)),
    };
  });
  const entries = entriesById(result);
  const typings = typeEntries(entries, typingContext(result.documents));
  const glossary: EntryRecord[] = entries.map((e, i) => ({
    id: e.id,
    type: e.type,
    canonical: e.canonical,
    ...(e.canonicalLang ? { canonicalLang: e.canonicalLang } : {}),
    variants: e.variants,
    ...(e.preferred ? { preferred: Object.fromEntries(Object.entries(e.preferred).map(([lang, p]) => [lang, p.form])) } : {}),
    mentions: e.mentions.length,
    docs: e.docs,
    example: { ...e.example, lang: index.lang(e.example.doc) },
    evidence: describeEvidence({ ...typings[i]!, type: e.type }),
  }));
  const c = result.manifest.counts;
  return {
    version: RECORD_VERSION,
    event,
    key,
    status: 'ok',
    state,
    inputs: result.documents.map((d) => ({ doc: d.doc.id, lang: d.lang.code, sha256: d.doc.sha256, sentences: d.sentences.length })),
    ...(result.manifest.skipped?.length ? { skipped: result.manifest.skipped } : {}),
    counts: {
      documents: result.documents.length,
      sentences: result.documents.reduce((n, d) => n + d.sentences.length, 0),
      links: c.links ?? 0,
      groups: groups.length,
      glossaryEntries: glossary.length,
    },
    seconds,
    groups,
    glossary,
    ...(result.quotes?.length ? { quotes: result.quotes.map(quoteRecord) } : {}),
  };
}

function quoteRecord(g: QuoteGroup): QuoteRecord {
  return {
    id: g.id,
    speaker: g.speaker ?? null,
    members: g.members.map((q) => ({
      quote: q.id,
      kind: q.kind,
      doc: q.doc,
      lang: q.lang,
      sent: q.sents[0] === q.sents[1] ? String(q.sents[0]) : `${q.sents[0]}-${q.sents[1]}`,
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: q.speaker?.canonical ?? q.speaker?.form ?? null,
      confidence: g.confidence[q.id] ?? null,
    })),
  };
}

export function failedRecord(event: string, key: string, error: EventError, seconds: number): EventRecord {
  return {
    version: RECORD_VERSION,
    event,
    key,
    status: 'failed',
    error,
    state: {},
    inputs: [],
    counts: { documents: 0, sentences: 0, links: 0, groups: 0, glossaryEntries: 0 },
    seconds,
    groups: [],
    glossary: [],
  };
}

/** The earlier record of an event whose new run failed on its input: its outputs, marked stale. */
export function staleRecord(previous: EventRecord, error: EventError, seconds: number): EventRecord {
  return { ...previous, status: 'stale', error, seconds };
}

/** Whether the combined outputs take the record's groups and glossary: it ran, now or before. */
export function holdsOutputs(record: EventRecord | undefined): record is EventRecord {
  return record?.status === 'ok' || record?.status === 'stale';
}

/** The record in an event folder, or undefined when there is none or it cannot be read (the event runs again). */
export async function readRecord(eventDir: string): Promise<EventRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(join(eventDir, RECORD_NAME), 'utf8')) as EventRecord;
    return record.version === RECORD_VERSION && typeof record.key === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

export function recordJson(record: EventRecord): string {
  return `${JSON.stringify(record)}\n`;
}
