// What a rejection let in: a link a reviewer rejected frees its sentences, and the grouping may then
// accept another link on one of them (a candidate a third document confirms, a link the rejected one
// kept out of a group). Compared with the links the previous run accepted (its alignments.csv), each
// link accepted now but not then that shares a sentence with a link rejected now but accepted then is
// said: `rejecting bs 8 ↔ mk 6 let in sl 4-5 ↔ ro 12`. Pure.

import { formatSpan } from '../text/compare.ts';
import type { Link, PairAlignment, RunResult, Span } from '../types.ts';

/** `doc\0sent\0doc\0sent` of a link, both spans in the order the link has them. */
export function linkSpansKey(src: { doc: string; sent: string }, tgt: { doc: string; sent: string }): string {
  return `${src.doc}\u0000${src.sent}\u0000${tgt.doc}\u0000${tgt.sent}`;
}

const keyOf = (l: Link) => linkSpansKey({ doc: l.src.doc, sent: formatSpan(l.src) }, { doc: l.tgt.doc, sent: formatSpan(l.tgt) });
const overlaps = (p: Span, q: Span) => p.doc === q.doc && p.first <= q.last && q.first <= p.last;

/** The lines to say, given the links the previous run accepted (linkSpansKey). */
export function linksLetIn(result: Pick<RunResult, 'groups' | 'pairs' | 'documents'>, previouslyAccepted: ReadonlySet<string>): string[] {
  if (previouslyAccepted.size === 0) return [];
  const lang = new Map(result.documents.map((d) => [d.doc.id, d.lang.code]));
  const show = (l: Link) => `${lang.get(l.src.doc) ?? l.src.doc} ${formatSpan(l.src)} ↔ ${lang.get(l.tgt.doc) ?? l.tgt.doc} ${formatSpan(l.tgt)}`;
  const newlyRejected = result.pairs.flatMap((p: PairAlignment) => p.rejected).filter((l) => previouslyAccepted.has(keyOf(l)));
  const out: string[] = [];
  for (const g of result.groups) {
    for (const l of g.links) {
      if (previouslyAccepted.has(keyOf(l))) continue;
      const freedBy = newlyRejected.find((r) => [r.src, r.tgt].some((s) => overlaps(s, l.src) || overlaps(s, l.tgt)));
      if (freedBy) out.push(`rejecting ${show(freedBy)} let in ${show(l)}`);
    }
  }
  return out;
}
