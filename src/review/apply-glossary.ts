// Applies the glossary decisions in force to the entries the glossary stage built. An entry is found by
// its forms, not its id: the decision names the forms the reviewer saw, and the entry that shares the
// most of them is the one meant, so an entry that gained or lost a variant since is still recognised. The
// overlap must be at least half of both sets: a decision on a one-form entry (`{Kina}`) must not attach to
// a later entry that merged many forms around it; an entry that gained forms since is said in `conflicts`. A rejected entry leaves the glossary (and the TBX) for `rejectedGlossary`; a kept one takes
// the reviewer's canonical form, and the type they gave it.

import type { GlossaryEntry } from '../types.ts';
import { describe, normaliseText, type EntryDecision } from './decision.ts';

export interface GlossaryApplyResult {
  glossary: GlossaryEntry[];
  rejected: GlossaryEntry[];
  applied: { kept: number; rejectedEntries: number; canonical: number; retyped: number };
  conflicts: string[];
  orphaned: string[];
}

function formsOf(entry: GlossaryEntry): Set<string> {
  return new Set(Object.values(entry.variants).flatMap((vs) => vs.map((v) => normaliseText(v.form))));
}

/** Whether a decision with `variants` names an entry with `forms`: they share at least half of each. */
export function formsMatch(variants: readonly string[], forms: ReadonlySet<string>): number {
  const shared = variants.filter((v) => forms.has(v)).length;
  return shared > 0 && shared * 2 >= variants.length && shared * 2 >= forms.size ? shared : 0;
}

/** The entry a decision means, or undefined when none shares at least half of its forms and of the entry's. */
function match(decision: EntryDecision, entries: readonly GlossaryEntry[], forms: ReadonlyMap<GlossaryEntry, Set<string>>): GlossaryEntry | undefined {
  let best: GlossaryEntry | undefined;
  let bestShared = 0;
  for (const e of entries) {
    const shared = formsMatch(decision.variants, forms.get(e)!);
    if (shared > bestShared) {
      best = e;
      bestShared = shared;
    }
  }
  return best;
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
      orphaned.push(`${describe(d)} (${d.status}): no entry of this run's glossary shares at least half of these forms and half of its own`);
      continue;
    }
    const before = chosen.get(entry);
    if (before && (before.status !== d.status || before.canonical !== d.canonical) && before.source === d.source) {
      conflicts.push(`${entry.id}: two decisions from ${d.source} name this entry (${before.status} "${before.canonical}", ${d.status} "${d.canonical}"); the later row was applied`);
    }
    chosen.set(entry, d);
  }
  for (const entry of entries) {
    const d = chosen.get(entry);
    if (!d) continue;
    const known = new Set(d.variants);
    const gained = [...forms.get(entry)!].filter((f) => !known.has(f)).sort();
    if (gained.length > 0) {
      const shown = gained.slice(0, 5).join(' | ') + (gained.length > 5 ? ` | … (${gained.length} in all)` : '');
      conflicts.push(`${entry.id}: the decision on ${describe(d)} (${d.status}) was applied to an entry that has gained forms since: ${shown}; check that it still means this entry`);
    }
  }
  const glossary: GlossaryEntry[] = [];
  const rejected: GlossaryEntry[] = [];
  const applied = { kept: 0, rejectedEntries: 0, canonical: 0, retyped: 0 };
  for (const e of entries) {
    const d = chosen.get(e);
    if (!d) glossary.push(e);
    else if (d.status === 'reject') {
      rejected.push({ ...e, status: 'reject' });
      applied.rejectedEntries++;
    } else {
      if (d.canonical !== e.canonical) applied.canonical++;
      if (d.type && d.type !== e.type) applied.retyped++;
      // a canonical the reviewer renamed is in no language polyalign knows of, so it loses its `en` term
      const { canonicalLang, ...rest } = e;
      glossary.push({ ...rest, ...(canonicalLang !== undefined && d.canonical === e.canonical ? { canonicalLang } : {}), canonical: d.canonical, ...(d.type && d.type !== e.type ? { type: d.type, typeBy: 'reviewer' as const } : {}), status: 'keep' });
      applied.kept++;
    }
  }
  return { glossary, rejected, applied, conflicts, orphaned };
}
