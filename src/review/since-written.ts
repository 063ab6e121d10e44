// The rows of a hand-edited alignments.csv, glossary.csv or quotes.csv that a reviewer changed. Every row still shows
// the status (and kind) the run wrote, which came from the decisions in force then; a row that says the same is
// not a decision of the reviewer's, and must not overturn a newer decision made since (on the review
// page, with `polyalign review import`). Pure.

import { formsMatch } from './apply-glossary.ts';
import { decisionKey, sameDecision, type Decision, type EntryDecision } from './decision.ts';

/**
 * The decisions of `rows` that differ from what the run showed: `written` is the decisions in force
 * when the file was written (`effective` of the store's first lines then), in store order.
 */
export function changedSinceWritten(rows: readonly Decision[], written: readonly Decision[]): Decision[] {
  const pairs = new Map(written.filter((d) => d.kind !== 'entry').map((d) => [decisionKey(d), d]));
  const entries = written.filter((d): d is EntryDecision => d.kind === 'entry');
  return rows.filter((d) => {
    if (d.kind !== 'entry') {
      // a link row whose kind was not edited says nothing of the kind (decision.ts sameDecision)
      const shown = pairs.get(decisionKey(d));
      return !(shown && sameDecision(shown, d));
    }
    // The run applied to an entry the latest decision whose forms match it (src/review/apply-glossary.ts).
    const forms = new Set(d.variants);
    const shown = entries.filter((e) => formsMatch(e.variants, forms) > 0).at(-1);
    return !(shown && shown.status === d.status && shown.canonical === d.canonical && shown.type === d.type);
  });
}
