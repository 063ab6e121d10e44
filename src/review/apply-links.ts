// Applies the link decisions in force to the alignment of every pair, before links become groups:
// a confirmed link is accepted whatever its margin (taken from the candidates below the threshold, or
// added when the aligner never proposed it); a rejected link leaves the accepted links and the
// candidates for `PairAlignment.rejected`, where the grouping reads it as a cannot-link. A confirmed
// link a reviewer made `related` (alignments.csv's kind edited) keeps that kind (align/kind.ts), so it
// holds its group together but leaves the translation memories unless they take related links.

import type { Link, PairAlignment, Segmented, Span } from '../types.ts';
import { describe, type LinkDecision } from './decision.ts';
import { spanFinder } from './find-span.ts';
import type { SpanScorer } from './score-span.ts';
import { byPosition } from '../align/link-order.ts';

export interface LinkApplyResult {
  pairs: PairAlignment[];
  /**
   * Confirmed links, of them `above` accepted by the aligner, `raised` from below the threshold and `added`
   * by hand (never proposed), `kindRelated` made related and `kindEquivalent` confirmed by a kind the
   * reviewer edited; rejected links.
   */
  applied: { confirmed: number; rejected: number; added: number; raised: number; above: number; kindRelated: number; kindEquivalent: number };
  /** Decisions whose documents or sentences this run does not have. */
  orphaned: string[];
}

function sameSpan(p: Span, q: Span): boolean {
  return p.doc === q.doc && p.first === q.first && p.last === q.last;
}


export function applyLinkDecisions(
  pairs: readonly PairAlignment[],
  docs: readonly Segmented[],
  decisions: readonly LinkDecision[],
  scorer: SpanScorer,
): LinkApplyResult {
  const find = spanFinder(docs);
  const out = pairs.map((p) => ({ ...p, links: [...p.links], below: [...p.below], rejected: [...p.rejected] }));
  const known = new Set(docs.map((d) => d.doc.id));
  const applied = { confirmed: 0, rejected: 0, added: 0, raised: 0, above: 0, kindRelated: 0, kindEquivalent: 0 };
  const orphaned: string[] = [];

  for (const d of decisions) {
    const missingDoc = [d.src.doc, d.tgt.doc].find((doc) => !known.has(doc));
    if (missingDoc) {
      orphaned.push(`${describe(d)} (${d.status}): document ${missingDoc} is not in this run`);
      continue;
    }
    const a = find(d.src);
    const b = find(d.tgt);
    if (!a || !b) {
      const side = !a ? d.src : d.tgt;
      orphaned.push(`${describe(d)} (${d.status}): no sentence of ${side.doc} reads like that in this run`);
      continue;
    }
    const pair = out.find((p) => (p.src === a.doc && p.tgt === b.doc) || (p.src === b.doc && p.tgt === a.doc));
    if (!pair) {
      orphaned.push(`${describe(d)} (${d.status}): the two documents were not aligned as a pair in this run`);
      continue;
    }
    const [src, tgt] = pair.src === a.doc ? [a, b] : [b, a];
    const matches = (l: Link) => sameSpan(l.src, src) && sameSpan(l.tgt, tgt);
    const take = (list: Link[]): Link | undefined => {
      const i = list.findIndex(matches);
      return i < 0 ? undefined : list.splice(i, 1)[0];
    };
    const accepted = take(pair.links);
    const below = accepted ? undefined : take(pair.below);
    const existing = accepted ?? below ?? take(pair.rejected);
    const link: Link = existing ?? { src, tgt, ...scorer(src, tgt), method: pair.method, status: 'auto' };
    if (d.status === 'confirmed') {
      pair.links.push(d.linkKind === 'related' ? { ...link, status: 'confirmed', kind: 'related', kindBy: 'reviewer' } : { ...link, status: 'confirmed' });
      applied.confirmed++;
      if (d.linkKind === 'related') applied.kindRelated++;
      if (d.linkKind === 'equivalent') applied.kindEquivalent++;
      if (!existing) applied.added++;
      if (below) applied.raised++;
      if (accepted) applied.above++;
    } else {
      pair.rejected.push({ ...link, status: 'rejected' });
      applied.rejected++;
    }
  }
  for (const p of out) {
    p.links.sort(byPosition);
    p.rejected.sort(byPosition);
  }
  return { pairs: out, applied, orphaned };
}
