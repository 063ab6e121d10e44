// Lookups every exporter needs over a RunResult: a document by id, the text of a span, the group a
// link belongs to, the column headings of documents. Built once per export, read-only.

import { columnLang } from './locales.ts';
import { PolyalignError } from '../errors.ts';
import type { Group, LangCode, Link, RunResult, Segmented, Span } from '../types.ts';
import { compareStrings, formatSpan } from '../text/compare.ts';

export { compareStrings, formatSpan };

export interface RunIndex {
  /** The documents in run order. */
  documents: readonly Segmented[];
  doc(id: string): Segmented;
  lang(id: string): LangCode;
  /** The sentences `first..last` of the span, joined by a space. */
  spanText(span: Span): string;
  /** The group holding both spans of the link, or undefined when the link is in no group. */
  groupOf(link: Link): Group | undefined;
  /** `da`, or `da:file.txt` when another document has the same language. */
  heading(id: string): string;
  /** The groups sorted by id: document order, except that groups a review changed (new ids, align/group-ids.ts) come after the rest. */
  groups: readonly Group[];
}


function sentenceKey(doc: string, index: number): string {
  return `${doc}\u0000${index}`;
}

function covers(outer: Span, inner: Span): boolean {
  return outer.doc === inner.doc && outer.first <= inner.first && inner.last <= outer.last;
}

/**
 * The pairs of the run's document languages, each in code-unit order and the pairs in that order
 * (`bs`–`da`, `bs`–`mk`, `da`–`mk`): the per-pair files (corpus.bs_da.tmx, glossary.bs_da.tbx, ...).
 */
export function languagePairs(result: Pick<RunResult, 'documents'>): Array<[LangCode, LangCode]> {
  const langs = [...new Set(result.documents.map((d) => d.lang.code))].sort(compareStrings);
  return langs.flatMap((a, i) => langs.slice(i + 1).map((b): [LangCode, LangCode] => [a, b]));
}

export function indexRun(result: RunResult): RunIndex {
  const byId = new Map<string, Segmented>();
  for (const d of result.documents) byId.set(d.doc.id, d);
  const sentencesOf = new Map<string, Map<number, string>>();
  for (const d of result.documents) sentencesOf.set(d.doc.id, new Map(d.sentences.map((s) => [s.index, s.text])));

  const langCount = new Map<LangCode, number>();
  for (const d of result.documents) langCount.set(d.lang.code, (langCount.get(d.lang.code) ?? 0) + 1);

  const groups = [...result.groups].sort((a, b) => compareStrings(a.id, b.id));
  // Sentence -> group, so finding a link's group costs a lookup, not a scan of every group.
  const groupAt = new Map<string, Group>();
  for (const g of groups) {
    for (const s of g.spans) {
      for (let i = s.first; i <= s.last; i++) {
        const key = sentenceKey(s.doc, i);
        if (!groupAt.has(key)) groupAt.set(key, g);
      }
    }
  }

  function doc(id: string): Segmented {
    const d = byId.get(id);
    if (!d) throw new PolyalignError('internal', `the run refers to document ${JSON.stringify(id)}, which is not among its documents`);
    return d;
  }

  function spanText(span: Span): string {
    const sentences = sentencesOf.get(doc(span.doc).doc.id)!;
    const parts: string[] = [];
    for (let i = span.first; i <= span.last; i++) {
      const text = sentences.get(i);
      if (text === undefined) {
        throw new PolyalignError('internal', `document ${span.doc} has no sentence ${i} (span ${span.first}-${span.last})`);
      }
      parts.push(text);
    }
    return parts.join(' ');
  }

  // Both spans, not only the source: a link dropped while resolving a group conflict has its source
  // in a group but its target elsewhere, and labelling it with that group would mislead a reviewer.
  function groupOf(link: Link): Group | undefined {
    const g = groupAt.get(sentenceKey(link.src.doc, link.src.first));
    return g && g.spans.some((s) => covers(s, link.src)) && g.spans.some((s) => covers(s, link.tgt)) ? g : undefined;
  }

  function heading(id: string): string {
    const code = doc(id).lang.code;
    const name = columnLang(result.locales, code);
    return (langCount.get(code) ?? 0) > 1 ? `${name}:${id}` : name;
  }

  return { documents: result.documents, doc, lang: (id) => doc(id).lang.code, spanText, groupOf, heading, groups };
}

