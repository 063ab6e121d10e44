// A link's kind: `equivalent` when a translator is more likely than not to confirm that both sides say
// the same thing (its confidence, confidence.ts, is that probability) and nothing the guards look for
// says otherwise; `related` else. The guards: figures that disagree (each side has one the other
// lacks: 2.000 against 6.000, Wednesday against Thursday; a figure on one side only lowers the
// confidence but may be spelled out on the other, "sto posto" for 100%), and a headline facing a sentence (a headline
// says less than the sentence it announces; a span gluing a headline to the lead is no translation unit).

import type { Link, LinkEvidence, LinkKind, PairAlignment } from '../types.ts';

/** Each side has a figure or weekday the other lacks (evidence.ts numbersOf). */
export function numbersDisagree(e: LinkEvidence): boolean {
  return e.unmatchedNumbers[0].length > 0 && e.unmatchedNumbers[1].length > 0;
}

/** The confidence from which a link may be `equivalent`. */
export const EQUIVALENT_FROM = 0.5;

/** A link a reviewer confirmed is equivalent: confirming is what the confidence estimates the chance of. */
export function kindOf(link: Link): LinkKind {
  if (link.status === 'confirmed') return 'equivalent';
  const e = link.evidence;
  if (e && (numbersDisagree(e) || e.headline)) return 'related';
  return (link.confidence ?? 0) >= EQUIVALENT_FROM ? 'equivalent' : 'related';
}

/** Sets `kind` on every link, candidate and rejected link (after annotateConfidence). */
export function annotateKinds(pairs: readonly PairAlignment[]): void {
  for (const p of pairs) for (const l of [...p.links, ...p.below, ...p.rejected]) l.kind = kindOf(l);
}
