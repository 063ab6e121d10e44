// corpus.tmx: TMX 1.4b (the DTD is tmx14.dtd), one <tu> per n-way group, one <tuv> per document
// of the group in run order. The DTD wants <note>/<prop> before the <tuv>s of a <tu> and before the
// <seg> of a <tuv>; the builder writes children in the order they are added, so the order here is
// the order in the file.
//
// Only groups are written, and a group holds only accepted links (auto at or above the threshold, or
// confirmed by a reviewer) and never the two spans of a link a reviewer rejected (src/align/groups.ts).
// A translation memory takes what it holds for translations, so by default a unit is a part of a group
// that `equivalent` links hold together (a group whose members are tied only by `related` links gives
// none; one with two such parts gives two units, `g0003` and `g0003.2`); with `--tm-include related`
// a unit is the whole group. Provenance per unit: x-group-id, x-kind (`equivalent` when every link
// between its variants is, else `related`), x-score (mean cosine of its links) and x-status (whether a
// reviewer confirmed its links) on the <tu>; x-doc, x-sent, x-kind (the best kind of the links that
// tie it to the unit's other variants), x-linked (to how many of them a link ties it directly:
// `2 of 3`) and x-confidence (the highest confidence of those links) on each <tuv>.

import { localeOf } from './locales.ts';
import { directConfidence, directKind, directPartners, equivalentParts, sameSpan } from '../align/groups.ts';
import type { Group, Link, RunResult, Span } from '../types.ts';
import { round4 } from './csv.ts';
import { formatSpan, indexRun } from './run-index.ts';
import { serialize, xmlDocument, xmlText, type XMLBuilder } from './xml.ts';

export const TMX_SYSTEM_ID = 'tmx14.dtd';
const CREATION_TOOL = 'polyalign';
const ALL_LANGUAGES = '*all*';

/** `confirmed` when a reviewer confirmed every link of the group, `partly-confirmed` when some, else `auto`. */
export function reviewStatus(g: Pick<Group, 'links'>): string {
  const confirmed = g.links.filter((l) => l.status === 'confirmed').length;
  return confirmed === 0 ? 'auto' : confirmed === g.links.length ? 'confirmed' : 'partly-confirmed';
}

/**
 * A TMX 1.4 document with polyalign's header and an empty body to add units to. No creationdate: the
 * run's time is in run.json, and leaving it out keeps the file byte-identical across runs on the same input.
 */
export function tmxDocument(version: string, srclang: string): { doc: XMLBuilder; body: XMLBuilder } {
  const doc = xmlDocument('tmx', TMX_SYSTEM_ID);
  const tmx = doc.ele('tmx', { version: '1.4' });
  tmx.ele('header', {
    creationtool: CREATION_TOOL,
    creationtoolversion: xmlText(version),
    segtype: 'sentence',
    'o-tmf': CREATION_TOOL,
    adminlang: 'en',
    srclang: xmlText(srclang),
    datatype: 'plaintext',
  });
  return { doc, body: tmx.ele('body') };
}

/** One variant of a unit: its document and sentences as props, the evidence for it when known, its text. */
export function addTuv(tu: XMLBuilder, v: { lang: string; doc: string; sent: string; text: string; kind?: string; linked?: string; confidence?: number | null }): void {
  const tuv = tu.ele('tuv', { 'xml:lang': xmlText(v.lang) });
  tuv.ele('prop', { type: 'x-doc' }).txt(xmlText(v.doc));
  tuv.ele('prop', { type: 'x-sent' }).txt(xmlText(v.sent));
  if (v.kind !== undefined) tuv.ele('prop', { type: 'x-kind' }).txt(v.kind);
  if (v.linked !== undefined) tuv.ele('prop', { type: 'x-linked' }).txt(v.linked);
  if (v.confidence !== undefined && v.confidence !== null) tuv.ele('prop', { type: 'x-confidence' }).txt(round4(v.confidence).toFixed(4));
  tuv.ele('seg').txt(xmlText(v.text));
}

/** A unit of corpus.tmx: its id, the group it comes from, its variants and the links among them. */
interface TmUnit {
  id: string;
  group: Group;
  spans: Span[];
  links: Link[];
}

/** The units of the run's groups: whole groups with related links included, else their equivalent parts. */
export function tmUnits(groups: readonly Group[], include: RunResult['tmInclude'] = 'equivalent'): TmUnit[] {
  if (include === 'related') return groups.map((g) => ({ id: g.id, group: g, spans: g.spans, links: g.links }));
  return groups.flatMap((g) =>
    equivalentParts(g).map((spans, k) => ({
      id: k === 0 ? g.id : `${g.id}.${k + 1}`,
      group: g,
      spans,
      // the equivalent links that hold the part together: its variants' kind, links and confidence are theirs
      links: g.links.filter((l) => l.kind !== 'related' && spans.some((s) => sameSpan(s, l.src)) && spans.some((s) => sameSpan(s, l.tgt))),
    })),
  );
}

export function corpusTmx(result: RunResult): string {
  const index = indexRun(result);
  const docIds = index.documents.map((d) => d.doc.id);
  const units = tmUnits(index.groups, result.tmInclude);

  // srclang names the language every TU can be read from. The first document's language qualifies
  // only if every group has a span in a document of that language; otherwise `*all*` (TMX: any
  // language may serve as source), which is the honest value for an n-way corpus of comparable news.
  const firstLang = docIds.length > 0 ? index.lang(docIds[0]!) : undefined;
  const everyTuHasFirst =
    firstLang !== undefined && units.every((u) => u.spans.some((s) => index.lang(s.doc) === firstLang));
  const srclang = everyTuHasFirst ? localeOf(result.locales, firstLang) : ALL_LANGUAGES;

  const { doc, body } = tmxDocument(result.manifest.tool.version, srclang);
  for (const u of units) {
    const tu = body.ele('tu', { tuid: xmlText(u.id) });
    tu.ele('prop', { type: 'x-group-id' }).txt(xmlText(u.group.id));
    tu.ele('prop', { type: 'x-kind' }).txt(u.links.every((l) => l.kind !== 'related') ? 'equivalent' : 'related');
    tu.ele('prop', { type: 'x-score' }).txt(round4(u.links.reduce((s, l) => s + l.score, 0) / Math.max(1, u.links.length)).toFixed(4));
    tu.ele('prop', { type: 'x-status' }).txt(reviewStatus(u));
    // Two documents in one language give two <tuv> with the same xml:lang: TMX allows it, and the
    // x-doc prop tells them apart.
    for (const id of docIds) {
      const span = u.spans.find((s) => s.doc === id);
      if (!span) continue;
      const kind = directKind(span, u.links);
      addTuv(tu, {
        lang: localeOf(result.locales, index.lang(id)),
        doc: id,
        sent: formatSpan(span),
        text: index.spanText(span),
        ...(kind ? { kind } : {}),
        // the evidence for this variant: to how many of the unit's other variants a link ties it directly
        linked: `${directPartners(span, u.links).size} of ${u.spans.length - 1}`,
        confidence: directConfidence(span, u.links),
      });
    }
  }
  return serialize(doc);
}
