// What typing reads from the documents, and how it counts: the sentences by document and
// index, the lower-case words of each language (for adjectives derived from names), and a tally
// of evidence per type and cue.

import type { LangCode, Segmented } from '../types.ts';
import { latinLower } from './normalise.ts';
import type { EvidentType } from './type-cues.ts';

/** One kind of evidence for a type: `role "predsjednik"` seen 3 times in `bs`. */
export interface TypeEvidence {
  type: EvidentType;
  /** What was seen, for a human: `role "predsjednik"`, `preposition "u"`, `adjective "ruski"`. */
  cue: string;
  lang: LangCode;
  count: number;
}

/** The shortest stem that a derived adjective is compared with (`rus` of Rusija). */
export const MIN_DERIVATION_STEM = 3;

const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;
const TYPE_ORDER: EvidentType[] = ['person', 'place', 'organisation', 'other'];

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  capitalised: boolean;
}

export type LowerOf = (word: string) => string;

/** latinLower, memoised for one typing run: the same words recur, and folding is slow. */
function lowerMemo(): LowerOf {
  const memo = new Map<string, string>();
  return (word) => {
    let lower = memo.get(word);
    if (lower === undefined) memo.set(word, (lower = latinLower(word)));
    return lower;
  };
}

export function words(text: string, lowerOf: LowerOf): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    lower: lowerOf(m[0]),
    start: m.index,
    end: m.index + m[0].length,
    capitalised: /^\p{Lu}/u.test(m[0]),
  }));
}

/** What the documents say that typing needs: sentences by document and index, lower-case words per language. */
export interface TypingContext {
  sentence(doc: string, sent: number): { text: string; start: number } | undefined;
  /** latinLower, memoised. */
  lower: LowerOf;
  /** Lower-case words of one language that start with `prefix` (MIN_DERIVATION_STEM letters, latinLower spelling), with their counts. */
  lowerWords(lang: LangCode, prefix: string): ReadonlyArray<{ lower: string; form: string; count: number }>;
}

export function typingContext(docs: readonly Segmented[]): TypingContext {
  const sentences = new Map<string, { text: string; start: number }>();
  // Per language, lower-case words bucketed by their first letters: typing looks words up by stem.
  const lower = new Map<LangCode, Map<string, Map<string, { lower: string; form: string; count: number }>>>();
  const lowerOf = lowerMemo();
  for (const d of docs) {
    let buckets = lower.get(d.lang.code);
    if (!buckets) lower.set(d.lang.code, (buckets = new Map()));
    for (const s of d.sentences) {
      sentences.set(`${d.doc.id}\u0000${s.index}`, { text: s.text, start: s.start });
      for (const w of words(s.text, lowerOf)) {
        if (w.capitalised) continue;
        const prefix = w.lower.replace(/-/g, '').slice(0, MIN_DERIVATION_STEM);
        let bucket = buckets.get(prefix);
        if (!bucket) buckets.set(prefix, (bucket = new Map()));
        const seen = bucket.get(w.lower);
        if (seen) seen.count++;
        else bucket.set(w.lower, { lower: w.lower, form: w.text.toLowerCase(), count: 1 });
      }
    }
  }
  return {
    sentence: (doc, sent) => sentences.get(`${doc}\u0000${sent}`),
    lower: lowerOf,
    lowerWords: (lang, prefix) => [...(lower.get(lang)?.get(prefix)?.values() ?? [])],
  };
}

export class Tally {
  private readonly items = new Map<string, TypeEvidence>();
  add(type: EvidentType, cue: string, lang: LangCode, count = 1): void {
    const id = `${type}\u0000${cue}\u0000${lang}`;
    const item = this.items.get(id);
    if (item) item.count += count;
    else this.items.set(id, { type, cue, lang, count });
  }
  list(): TypeEvidence[] {
    return [...this.items.values()].sort(
      (a, b) => b.count - a.count || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.cue < b.cue ? -1 : a.cue > b.cue ? 1 : 0) || (a.lang < b.lang ? -1 : 1),
    );
  }
}
