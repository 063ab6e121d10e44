// How the glossary exporters (CSV and TBX) order languages and variants.

import type { GlossaryEntry, LangCode, RunResult } from '../types.ts';
import { compareStrings } from './run-index.ts';

/**
 * The languages of the documents in run order, then any other code the glossary uses, sorted.
 * Every document language gets a column even when no entry has a variant in it, so the columns of
 * glossary.csv do not depend on what the glossary stage happened to find.
 */
export function glossaryLanguages(result: RunResult): LangCode[] {
  const codes: LangCode[] = [];
  for (const d of result.documents) if (!codes.includes(d.lang.code)) codes.push(d.lang.code);
  const extra = new Set<LangCode>();
  for (const e of result.glossary) for (const code of Object.keys(e.variants)) if (!codes.includes(code)) extra.add(code);
  return [...codes, ...[...extra].sort(compareStrings)];
}

/** The variants of one language, most frequent first; ties keep the glossary stage's order. */
export function variantsOf(entry: GlossaryEntry, lang: LangCode): Array<{ form: string; count: number }> {
  return [...(entry.variants[lang] ?? [])].sort((a, b) => b.count - a.count);
}

export function entriesById(result: RunResult): GlossaryEntry[] {
  return [...result.glossary].sort((a, b) => compareStrings(a.id, b.id));
}
