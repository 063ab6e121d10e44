// A link's kind: `equivalent` when a translator is more likely than not to confirm that both sides say
// the same thing (its confidence, confidence.ts, is that probability) and nothing the guards look for
// says otherwise; `related` else. The guards: figures that disagree (each side has one the other
// lacks: 2.000 against 6.000, Wednesday against Thursday; a figure on one side only lowers the
// confidence but may be said on the other in words the figure rules do not read, "pola miliona" for 500.000), and a headline facing a sentence (a headline
// says less than the sentence it announces; a span gluing a headline to the lead is no translation unit),
// and a document in a language polyalign is not tuned for (language/tuned.ts: its sentences, splitting
// and vectors are weaker there, so its links go into no translation memory unless asked for).

import type { Link, LinkEvidence, LinkKind, PairAlignment } from '../types.ts';

/** Each side has a figure or weekday the other lacks (evidence.ts numbersOf). */
export function numbersDisagree(e: LinkEvidence): boolean {
  return e.unmatchedNumbers[0].length > 0 && e.unmatchedNumbers[1].length > 0;
}

/** The confidence from which a link may be `equivalent`. */
export const EQUIVALENT_FROM = 0.5;

/**
 * A link a reviewer confirmed is equivalent: confirming is what the confidence estimates the chance of;
 * unless the reviewer gave it its kind (alignments.csv's kind edited to `related`: review/apply-links.ts).
 * `untuned`: one of its documents is in a language outside the tuned set.
 */
export function kindOf(link: Link, untuned = false): LinkKind {
  if (link.kindBy === 'reviewer' && link.kind) return link.kind;
  if (link.status === 'confirmed') return 'equivalent';
  const e = link.evidence;
  if (untuned || (e && (numbersDisagree(e) || e.headline))) return 'related';
  return (link.confidence ?? 0) >= EQUIVALENT_FROM ? 'equivalent' : 'related';
}

/** Sets `kind` on every link, candidate and rejected link (after annotateConfidence); `untuned` holds the ids of documents in untuned languages. */
export function annotateKinds(pairs: readonly PairAlignment[], untuned: ReadonlySet<string> = new Set()): void {
  for (const p of pairs) {
    const outside = untuned.has(p.src) || untuned.has(p.tgt);
    for (const l of [...p.links, ...p.below, ...p.rejected]) l.kind = kindOf(l, outside);
  }
}
