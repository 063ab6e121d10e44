// Applies the glossary decisions in force to the entries the glossary stage built. An entry is found by
// its forms, not its id: the decision names the forms the reviewer saw, and the entry that shares the
// most of them (at least half) is the one meant, so an entry that gained or lost a variant since is still
// recognised. A rejected entry leaves the glossary (and the TBX) for `rejectedGlossary`; a kept one takes
// the reviewer's canonical form.

import type { GlossaryEntry } from '../types.ts';
import { describe, normaliseText, type EntryDecision } from './decision.ts';

export interface GlossaryApplyResult {
  glossary: GlossaryEntry[];
  rejected: GlossaryEntry[];
  applied: { kept: number; rejectedEntries: number; canonical: number };
  conflicts: string[];
  orphaned: string[];
}

function formsOf(entry: GlossaryEntry): Set<string> {
  return new Set(Object.values(entry.variants).flatMap((vs) => vs.map((v) => normaliseText(v.form))));
}

/** The entry a decision means, or undefined when none shares at least half of its forms. */
function match(decision: EntryDecision, entries: readonly GlossaryEntry[], forms: ReadonlyMap<GlossaryEntry, Set<string>>): GlossaryEntry | undefined {
  let best: GlossaryEntry | undefined;
  let bestShared = 0;
  for (const e of entries) {
    const mine = forms.get(e)!;
    const shared = decision.variants.filter((v) => mine.has(v)).length;
    if (shared > bestShared) {
      best = e;
      bestShared = shared;
    }
  }
  return bestShared * 2 >= decision.variants.length ? best : undefined;
}

export function applyGlossaryDecisions(entries: readonly GlossaryEntry[], decisions: readonly EntryDecision[]): GlossaryApplyResult {
  const forms = new Map(entries.map((e) => [e, formsOf(e)]));
  // Decisions are in store order (oldest first): a later decision on the same entry wins.
  const chosen = new Map<GlossaryEntry, EntryDecision>();
  const conflicts: string[] = [];
  const orphaned: string[] = [];
  for (const d of decisions) {
    const entry = match(d, entries, forms);
    if (!entry) {
      orphaned.push(`${describe(d)} (${d.status}): no entry of this run's glossary has these forms`);
      continue;
    }
    const before = chosen.get(entry);
    if (before && (before.status !== d.status || before.canonical !== d.canonical) && before.source === d.source) {
      conflicts.push(`${entry.id}: two decisions from ${d.source} name this entry (${before.status} "${before.canonical}", ${d.status} "${d.canonical}"); the later row was applied`);
    }
    chosen.set(entry, d);
  }
  const glossary: GlossaryEntry[] = [];
  const rejected: GlossaryEntry[] = [];
  const applied = { kept: 0, rejectedEntries: 0, canonical: 0 };
  for (const e of entries) {
    const d = chosen.get(e);
    if (!d) glossary.push(e);
    else if (d.status === 'reject') {
      rejected.push({ ...e, status: 'reject' });
      applied.rejectedEntries++;
    } else {
      if (d.canonical !== e.canonical) applied.canonical++;
      glossary.push({ ...e, canonical: d.canonical, status: 'keep' });
      applied.kept++;
    }
  }
  return { glossary, rejected, applied, conflicts, orphaned };
}
