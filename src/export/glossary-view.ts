// How the glossary exporters (CSV and TBX) order languages and variants.

import type { GlossaryEntry, LangCode, RunResult } from '../types.ts';
import { compareStrings, languagePairs } from './run-index.ts';

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

/**
 * The variants of one language: its preferred term (the base form; see GlossaryEntry.preferred) first,
 * with a count of 0 when the text does not use it, then the others most frequent first; ties keep the
 * glossary stage's order.
 */
export function variantsOf(entry: GlossaryEntry, lang: LangCode): Array<{ form: string; count: number }> {
  const seen = [...(entry.variants[lang] ?? [])].sort((a, b) => b.count - a.count);
  const preferred = seen.length > 0 ? entry.preferred?.[lang]?.form : undefined;
  if (preferred === undefined) return seen;
  const own = seen.find((v) => v.form === preferred) ?? { form: preferred, count: 0 };
  return [own, ...seen.filter((v) => v.form !== preferred)];
}

export function entriesById(result: RunResult): GlossaryEntry[] {
  return [...result.glossary].sort((a, b) => compareStrings(a.id, b.id));
}

/**
 * Per pair of the run's languages (languagePairs), the entries with a term in both: the bilingual
 * termbases and glossary CSVs. A bilingual reader (tbx2po, a CAT tool's import) takes the first
 * language as the source and the second as the target.
 */
export function glossaryPairs(result: RunResult): Array<{ a: LangCode; b: LangCode; entries: GlossaryEntry[] }> {
  const entries = entriesById(result);
  return languagePairs(result).map(([a, b]) => ({ a, b, entries: entries.filter((e) => variantsOf(e, a).length > 0 && variantsOf(e, b).length > 0) }));
}
