// Finds a decision's span in this run's sentences by its text: one sentence, or consecutive sentences
// whose texts joined by a space read the same (after whitespace normalisation).

import type { Segmented, Span } from '../types.ts';
import { normaliseText, type SpanText } from './decision.ts';

export type SpanFinder = (side: SpanText) => Span | undefined;

export function spanFinder(docs: readonly Segmented[]): SpanFinder {
  const texts = new Map(docs.map((d) => [d.doc.id, d.sentences.map((s) => normaliseText(s.text))]));
  return (side) => {
    const norm = texts.get(side.doc);
    if (!norm) return undefined;
    const found: Span[] = [];
    for (let i = 0; i < norm.length; i++) {
      if (!side.text.startsWith(norm[i]!)) continue;
      let acc = norm[i]!;
      let j = i;
      while (acc.length < side.text.length && j + 1 < norm.length) acc = `${acc} ${norm[++j]!}`;
      if (acc === side.text) found.push({ doc: side.doc, first: i, last: j });
    }
    // The same text twice in one document: the index the file gave decides, else the first.
    const hinted = found.find((s) => side.sent === (s.first === s.last ? String(s.first) : `${s.first}-${s.last}`));
    return hinted ?? found[0];
  };
}
