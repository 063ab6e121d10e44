// A reviewer's quote decisions (src/review: pairs of quotes, each named by document and words) found
// among this run's quotes: which pairs are confirmed as one quote, which are rejected, and which
// decisions name a quote this run does not have (kept in the store, said). Pure.

import { describe, normaliseText, type QuoteDecision, type SpanText } from '../review/decision.ts';
import type { Quote } from '../types.ts';

export interface QuoteReview {
  /** Pairs of indices into the run's quotes, as `i < j`. */
  confirmed: Array<[number, number]>;
  rejected: Array<[number, number]>;
  orphaned: string[];
}

/** The quote of `side`: the same document and words; where the words stand twice, the one in the sentence the file named. */
function find(quotes: readonly Quote[], side: SpanText): number {
  const same = quotes.map((q, i) => (q.doc === side.doc && normaliseText(q.text) === side.text ? i : -1)).filter((i) => i >= 0);
  if (same.length <= 1 || side.sent === undefined) return same[0] ?? -1;
  const first = Number(side.sent.split('-')[0]);
  return same.find((i) => quotes[i]!.sents[0] === first) ?? same[0]!;
}

export function resolveQuoteDecisions(quotes: readonly Quote[], decisions: readonly QuoteDecision[]): QuoteReview {
  const out: QuoteReview = { confirmed: [], rejected: [], orphaned: [] };
  const docs = new Set(quotes.map((q) => q.doc));
  for (const d of decisions) {
    const a = find(quotes, d.src);
    const b = find(quotes, d.tgt);
    if (a < 0 || b < 0) {
      const side = a < 0 ? d.src : d.tgt;
      out.orphaned.push(`${describe(d)} (${d.status}): ${docs.has(side.doc) ? `no quote of ${side.doc} reads like that in this run` : `document ${side.doc} is not in this run`}`);
      continue;
    }
    (d.status === 'confirmed' ? out.confirmed : out.rejected).push(a < b ? [a, b] : [b, a]);
  }
  return out;
}
