// Longer than 300 lines: every combined file reads the same corpus index, built in one pass over the records.
// The combined outputs of a batch, built from the records of its events (records in, through a source
// that reads them one at a time; file contents out, in pieces). Events come in id order and everything inside them in the order their own
// outputs use, so equal records give byte-identical files, however the events were scheduled,
// resumed or sharded.
//   parallel.jsonl  one group per line, with its event, a stable id `<event>/<group>` and its parts
//                   (members that equivalent links hold together: corpus.tmx's units)
//   parallel.csv    one row per group, one column per language (a second document of one language
//                   in an event goes to `da:2`)
//   corpus.tmx      one <tu> per part of a group that equivalent links hold together (per group with
//                   `--tm-include related`), tuid `<event>/<group>` (`<event>/<group>.2` for a second
//                   part), an x-event prop
//   glossary.csv    entities merged across events, with per-event mention counts
//   glossary.tbx    the same entities as a TBX-Basic termbase
//   quotes.csv      one row per quote in a document, quote_id `<event>/<quote>`, with its event
//   quotes.jsonl    one quote of an event across its documents per line

import { csvRows, round4, toCsv, type Cell, type CsvDialect } from '../export/csv.ts';
import { PARALLEL_FIXED_HEADER } from '../export/parallel-csv.ts';
import { addTermEntry, englishLangSet, plural, tbxDocument, termsWithContext, withStatus } from '../export/tbx.ts';
import { addTuv, tmxDocument } from '../export/tmx.ts';
import type { Chunks } from '../export/files.ts';
import { serialize, xmlText, type XMLBuilder } from '../export/xml.ts';
import { normaliseName } from '../glossary/normalise.ts';
import { compareStrings } from '../text/compare.ts';
import { columnLang, localeOf } from '../export/locales.ts';
import type { EntityType, LangCode, LocaleSettings, TmInclude } from '../types.ts';
import { fragment } from 'xmlbuilder2';
import type { EntryRecord, EventRecord, GroupRecord, MemberRecord } from './record.ts';

/**
 * The events of a corpus, read one at a time: a corpus of thousands of events is never in memory
 * whole, and each combined file is written as it is made.
 */
export interface RecordSource {
  /** Events with status ok, sorted by id. */
  events: readonly string[];
  read(event: string): Promise<EventRecord>;
}

export function sourceOf(records: readonly EventRecord[]): RecordSource {
  const byId = new Map(records.map((r) => [r.event, r]));
  return { events: [...byId.keys()].sort(compareStrings), read: async (id) => byId.get(id)! };
}

async function* eachRecord(source: RecordSource): AsyncIterable<EventRecord> {
  for (const id of source.events) yield await source.read(id);
}

const groupId = (event: string, g: GroupRecord) => `${event}/${g.id}`;

export function parallelJsonl(source: RecordSource): Chunks {
  return async function* () {
    for await (const e of eachRecord(source)) {
      yield e.groups
        .map((g) => `${JSON.stringify({ id: groupId(e.event, g), event: e.event, group: g.id, score: round4(g.score), status: g.status, members: g.members, parts: g.parts })}\n`)
        .join('');
    }
  };
}

export const COMBINED_QUOTES_HEADER = ['quote_id', 'event', 'kind', 'speaker', 'speaker_entry', 'doc', 'lang', 'sent', 'start', 'end', 'text', 'confidence', 'status'];

export function quotesCsv(source: RecordSource): Chunks {
  return async function* () {
    yield toCsv(COMBINED_QUOTES_HEADER, []);
    for await (const e of eachRecord(source)) {
      const rows: Cell[][] = [];
      for (const q of e.quotes ?? []) {
        for (const m of q.members) {
          rows.push([`${e.event}/${q.id}`, e.event, m.kind, m.speaker ?? '', q.speaker?.entry ? `${e.event}/${q.speaker.entry}` : '', m.doc, m.lang, m.sent, m.start, m.end, m.text, m.confidence ?? '', 'auto']);
        }
      }
      if (rows.length > 0) yield csvRows(COMBINED_QUOTES_HEADER.length, rows);
    }
  };
}

export function quotesJsonl(source: RecordSource): Chunks {
  return async function* () {
    for await (const e of eachRecord(source)) {
      yield (e.quotes ?? []).map((q) => `${JSON.stringify({ id: `${e.event}/${q.id}`, event: e.event, quote: q.id, speaker: q.speaker, documents: q.members.length, members: q.members })}\n`).join('');
    }
  };
}

/** The column of each document of an event: `da`, and `da:2`, `da:3` for further documents of one language. */
function columnOfDoc(inputs: EventRecord['inputs']): Map<string, string> {
  const seen = new Map<LangCode, number>();
  const columns = new Map<string, string>();
  for (const { doc, lang } of inputs) {
    const n = (seen.get(lang) ?? 0) + 1;
    seen.set(lang, n);
    columns.set(doc, n === 1 ? lang : `${lang}:${n}`);
  }
  return columns;
}

function cellsOf(members: readonly MemberRecord[], columns: Map<string, string>): Map<string, MemberRecord> {
  const cells = new Map<string, MemberRecord>();
  for (const m of members) cells.set(columns.get(m.doc) ?? m.lang, m);
  return cells;
}

/** What the combined outputs need from every event before they are written: parallel.csv's columns, the glossary. */
export interface CorpusIndex {
  /**
   * parallel.csv's language columns, in the order a run has them: languages as the events' documents
   * first bring them (events in id order, documents in run order), a second document's `da:2` after `da`.
   */
  columns: string[];
  /** Every language of the corpus, sorted. */
  langs: LangCode[];
  glossary: CorpusEntry[];
}

export async function indexCorpus(source: RecordSource): Promise<CorpusIndex> {
  const columns = new Set<string>();
  const firstSeen = new Map<LangCode, number>();
  const langs = new Set<LangCode>();
  const parts: Part[] = [];
  for await (const e of eachRecord(source)) {
    const ofDoc = columnOfDoc(e.inputs);
    for (const i of e.inputs) if (!firstSeen.has(i.lang)) firstSeen.set(i.lang, firstSeen.size);
    for (const g of e.groups) for (const m of g.members) columns.add(ofDoc.get(m.doc) ?? m.lang);
    for (const i of e.inputs) langs.add(i.lang);
    for (const entry of e.glossary) parts.push({ event: e.event, entry });
  }
  const glossary = mergeParts(parts);
  for (const entry of glossary) for (const lang of entry.variants.keys()) langs.add(lang);
  const place = (column: string) => {
    const [lang, n] = column.split(':');
    return { first: firstSeen.get(lang!) ?? firstSeen.size, n: Number(n ?? 1) };
  };
  const ordered = [...columns].sort((a, b) => place(a).first - place(b).first || place(a).n - place(b).n || compareStrings(a, b));
  return { columns: ordered, langs: [...langs].sort(compareStrings), glossary };
}

/**
 * A run's parallel.csv columns (group_id, docs, score, the texts, then per language linked,
 * confidence and kind), after the corpus-wide id and the event.
 */
export function parallelCsv(source: RecordSource, index: CorpusIndex, dialect?: CsvDialect, locales?: LocaleSettings): Chunks {
  const fixed = ['id', 'event', ...PARALLEL_FIXED_HEADER];
  const columns = index.columns;
  // `da:2` under --locales: `da-DK:2`
  const names = columns.map((c) => c.replace(/^[^:]+/, (lang) => columnLang(locales, lang)));
  const header = [...fixed, ...names, ...names.map((c) => `${c} linked`), ...names.map((c) => `${c} confidence`), ...names.map((c) => `${c} kind`)];
  return async function* () {
    yield toCsv(header, [], dialect);
    for await (const e of eachRecord(source)) {
      const ofDoc = columnOfDoc(e.inputs);
      const rows: Cell[][] = e.groups.map((g) => {
        const cells = cellsOf(g.members, ofDoc);
        const at = columns.map((c) => cells.get(c));
        return [
          groupId(e.event, g),
          e.event,
          g.id,
          g.members.length,
          round4(g.score),
          ...at.map((m) => m?.text ?? ''),
          ...at.map((m) => m?.linked ?? ''),
          ...at.map((m) => (m?.confidence === null || m === undefined ? '' : round4(m.confidence))),
          ...at.map((m) => m?.kind ?? ''),
        ];
      });
      yield csvRows(header.length, rows, dialect);
    }
  };
}

/** The text of an element built on a fragment, indented for its depth in the document. */
function fragmentXml(build: (f: XMLBuilder) => void, depth: number): string {
  const f = fragment({ invalidCharReplacement: '' });
  build(f);
  return `${f.end({ prettyPrint: true, indent: '  ', newline: '\n', offset: depth })}\n`;
}

/**
 * A document written in pieces: its head and tail come from serialising it with an empty body
 * (`<body/>`), and the body's children are written between them.
 */
function aroundBody(doc: XMLBuilder): { head: string; tail: string } {
  const whole = serialize(doc);
  const at = whole.indexOf('<body/>');
  const indent = whole.slice(whole.lastIndexOf('\n', at) + 1, at);
  return { head: `${whole.slice(0, at)}<body>\n`, tail: `${indent}</body>${whole.slice(at + '<body/>'.length)}` };
}

export function corpusTmx(source: RecordSource, version: string, include: TmInclude = 'equivalent', locales?: LocaleSettings): Chunks {
  return async function* () {
    // a corpus of many events in many languages has no one source language
    const { doc } = tmxDocument(version, '*all*');
    const { head, tail } = aroundBody(doc);
    yield head;
    for await (const e of eachRecord(source)) {
      yield e.groups
        .flatMap((g) => {
          const parts = include === 'related' ? [g.members.map((_, i) => i)] : g.parts;
          return parts.map((part, k) =>
            fragmentXml((f) => {
              const tu = f.ele('tu', { tuid: xmlText(`${groupId(e.event, g)}${k === 0 ? '' : `.${k + 1}`}`) });
              tu.ele('prop', { type: 'x-event' }).txt(xmlText(e.event));
              tu.ele('prop', { type: 'x-group-id' }).txt(xmlText(g.id));
              tu.ele('prop', { type: 'x-score' }).txt(round4(g.score).toFixed(4));
              tu.ele('prop', { type: 'x-status' }).txt(xmlText(g.status));
              for (const i of part) {
                const { kind, linked, confidence, ...m } = g.members[i]!;
                addTuv(tu, { ...m, lang: localeOf(locales, m.lang), ...(kind ? { kind } : {}), linked: `${linked} of ${g.members.length - 1}`, confidence });
              }
            }, 2),
          );
        })
        .join('');
    }
    yield tail;
  };
}

/** One entity of the corpus: the entries of several events that name it. */
export interface CorpusEntry {
  id: string;
  type: EntityType;
  canonical: string;
  /** `en` when an event had the chosen canonical as the English name from polyalign's table. */
  canonicalLang?: 'en';
  variants: Map<LangCode, Map<string, number>>;
  /** Per language, the preferred term most of the entity's mentions had in their events. */
  preferred: Map<LangCode, string>;
  mentions: number;
  docs: number;
  /** Mentions per event, most first. */
  perEvent: Array<{ event: string; mentions: number }>;
  example: EntryRecord['example'] & { event: string };
  evidence: string;
}

interface Part {
  event: string;
  entry: EntryRecord;
}

/** The keys two entries of different events share when they name one entity. */
function keysOf(entry: EntryRecord): string[] {
  const keys = new Set<string>([`canonical\u0000${normaliseName(entry.canonical, 'und')}`]);
  for (const [lang, forms] of Object.entries(entry.variants)) {
    for (const { form } of forms) keys.add(`${lang}\u0000${normaliseName(form, lang)}`);
  }
  return [...keys].sort(compareStrings);
}

/**
 * Merge the events' glossaries: entries of different events join when they share the key of their
 * canonical form or of one variant in one language (`Putinom` in bs and `Putina` in bs). Two entries
 * of one event are never joined, since the event's own glossary kept them apart; joins are made in
 * key order, so the result does not depend on the order of events.
 */
export function mergeGlossaries(events: readonly EventRecord[]): CorpusEntry[] {
  return mergeParts(events.flatMap((e) => e.glossary.map((entry) => ({ event: e.event, entry }))));
}

function mergeParts(parts: readonly Part[]): CorpusEntry[] {
  const parent = parts.map((_, i) => i);
  const eventsOf = parts.map((p) => new Set([p.event]));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byKey = new Map<string, number[]>();
  parts.forEach((p, i) => {
    for (const k of keysOf(p.entry)) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  for (const key of [...byKey.keys()].sort(compareStrings)) {
    const members = byKey.get(key)!;
    for (const i of members.slice(1)) {
      const a = find(members[0]!);
      const b = find(i);
      if (a === b) continue;
      if ([...eventsOf[b]!].some((ev) => eventsOf[a]!.has(ev))) continue;
      const [root, child] = a < b ? [a, b] : [b, a];
      parent[child] = root;
      for (const ev of eventsOf[child]!) eventsOf[root]!.add(ev);
    }
  }
  const clusters = new Map<number, Part[]>();
  parts.forEach((p, i) => {
    const r = find(i);
    const list = clusters.get(r);
    if (list) list.push(p);
    else clusters.set(r, [p]);
  });
  const entries = [...clusters.values()].map(corpusEntry);
  entries.sort((a, b) => b.mentions - a.mentions || compareStrings(a.canonical, b.canonical) || compareStrings(a.example.event, b.example.event));
  const width = Math.max(4, String(entries.length).length);
  entries.forEach((e, i) => (e.id = `e${String(i + 1).padStart(width, '0')}`));
  return entries;
}

function mostWeighted<T extends string>(weights: Map<T, number>, fallback: T): T {
  let best = fallback;
  let bestWeight = -1;
  for (const [value, weight] of [...weights].sort((a, b) => compareStrings(a[0], b[0]))) {
    if (weight > bestWeight) [best, bestWeight] = [value, weight];
  }
  return best;
}

function corpusEntry(parts: Part[]): CorpusEntry {
  const canonicals = new Map<string, number>();
  const types = new Map<EntityType, number>();
  const variants = new Map<LangCode, Map<string, number>>();
  const perEvent = new Map<string, number>();
  const preferredVotes = new Map<LangCode, Map<string, number>>();
  let mentions = 0;
  let docs = 0;
  for (const { event, entry } of parts) {
    for (const [lang, form] of Object.entries(entry.preferred ?? {})) {
      const votes = preferredVotes.get(lang) ?? new Map<string, number>();
      votes.set(form, (votes.get(form) ?? 0) + entry.mentions);
      preferredVotes.set(lang, votes);
    }
    canonicals.set(entry.canonical, (canonicals.get(entry.canonical) ?? 0) + entry.mentions);
    if (entry.type !== 'other') types.set(entry.type, (types.get(entry.type) ?? 0) + entry.mentions);
    for (const [lang, forms] of Object.entries(entry.variants)) {
      const byForm = variants.get(lang) ?? new Map<string, number>();
      for (const { form, count } of forms) byForm.set(form, (byForm.get(form) ?? 0) + count);
      variants.set(lang, byForm);
    }
    perEvent.set(event, (perEvent.get(event) ?? 0) + entry.mentions);
    mentions += entry.mentions;
    docs += entry.docs.length;
  }
  // the example and its type evidence come from the event that mentions the entity most
  const main = [...parts].sort((a, b) => b.entry.mentions - a.entry.mentions || compareStrings(a.event, b.event))[0]!;
  const canonical = mostWeighted(canonicals, main.entry.canonical);
  const english = parts.some((p) => p.entry.canonicalLang === 'en' && p.entry.canonical === canonical);
  return {
    id: '',
    type: mostWeighted(types, 'other'),
    canonical,
    ...(english ? { canonicalLang: 'en' as const } : {}),
    variants,
    preferred: new Map([...preferredVotes].map(([lang, votes]) => [lang, mostWeighted(votes, '')])),
    mentions,
    docs,
    perEvent: [...perEvent].map(([event, n]) => ({ event, mentions: n })).sort((a, b) => b.mentions - a.mentions || compareStrings(a.event, b.event)),
    example: { ...main.entry.example, event: main.event },
    evidence: main.entry.evidence,
  };
}

/** The preferred term first (with a count of 0 when no event's text uses it), then the forms seen, most frequent first. */
function variantsOf(entry: CorpusEntry, lang: LangCode): Array<{ form: string; count: number }> {
  const seen = [...(entry.variants.get(lang) ?? [])].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count || compareStrings(a.form, b.form));
  const preferred = entry.preferred.get(lang);
  if (!preferred || seen.length === 0) return seen;
  return [seen.find((v) => v.form === preferred) ?? { form: preferred, count: 0 }, ...seen.filter((v) => v.form !== preferred)];
}

export function glossaryCsv(index: CorpusIndex, style: { locales?: LocaleSettings; csv?: CsvDialect } = {}): string {
  const { langs, glossary: entries } = index;
  const header = ['entry_id', 'type', 'canonical', ...langs.map((l) => columnLang(style.locales, l)), 'mentions', 'events', 'docs', 'per_event', 'example', 'example_event'];
  const rows: Cell[][] = entries.map((e) => [
    e.id,
    e.type,
    e.canonical,
    ...langs.map((lang) =>
      variantsOf(e, lang)
        .map((v) => v.form)
        .join(' | '),
    ),
    e.mentions,
    e.perEvent.length,
    e.docs,
    e.perEvent.map((p) => `${p.event}: ${p.mentions}`).join(' | '),
    e.example.text,
    e.example.event,
  ]);
  return toCsv(header, rows, style.csv);
}

export function glossaryTbx(index: CorpusIndex, events: number, version: string, locales?: LocaleSettings): Chunks {
  return async function* () {
    const { langs, glossary: entries } = index;
    const lines = [`polyalign ${version}, from ${plural(events, 'event')}`];
    if (entries.length === 0) lines.push('The glossary is empty: no names were found.');
    const { head, tail } = aroundBody(tbxDocument(lines).doc);
    yield head;
    for (const e of entries) {
      const terms = termsWithContext(langs, (lang) => variantsOf(e, lang), { lang: e.example.lang, text: e.example.text });
      terms.langs = withStatus(terms.langs, (lang) => e.preferred.get(lang), () => 'base form, not in the text of any event');
      if (e.canonicalLang === 'en' && !langs.includes('en')) terms.langs.unshift(englishLangSet(e.canonical));
      const notes = [
        `canonical: ${e.canonical}`,
        `${e.type}; ${plural(e.mentions, 'mention')} in ${plural(e.perEvent.length, 'event')}: ${e.perEvent.map((p) => `${p.event} (${p.mentions})`).join(' | ')}`,
        `type evidence: ${e.evidence}`,
      ];
      if (terms.exampleAsNote) notes.push(`example (${e.example.event}, ${e.example.doc}, sentence ${e.example.sent}): ${e.example.text}`);
      yield fragmentXml((f) => addTermEntry(f, { id: e.id, notes, langs: terms.langs.map((l) => ({ ...l, lang: localeOf(locales, l.lang) })) }), 3);
    }
    yield tail;
  };
}
