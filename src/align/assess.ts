// The stage between settling the links and their confidence: each link's evidence (evidence.ts).
// The windows of the sentences that links and candidates touch are embedded by the run's embedder in
// batches, folded into the coverage of every link side that holds their sentence, and dropped, so a
// long document never has all its window vectors in memory at once.

import type { AlignDoc } from './input.ts';
import { foldWindows, linkEvidence, NO_WINDOW, windowsOf, type EvidenceDoc, type SideCoverage } from './evidence.ts';
import type { Link, PairAlignment, Span } from '../types.ts';

/** A document as assessment reads it: its sentences' texts and which of them are headlines. */
export interface AssessDoc extends EvidenceDoc {
  id: string;
}

/** Window texts embedded per call: bounds the vectors held at once. */
export const WINDOW_BATCH = 4_096;

const allLinks = (p: PairAlignment) => [...p.links, ...p.below, ...p.rejected];

/** Sets `evidence` on every link, candidate and rejected link of `pairs` (in place, as annotateConfidence does). */
export async function assessLinks(
  docs: readonly AssessDoc[],
  pairs: readonly PairAlignment[],
  vectors: ReadonlyMap<string, AlignDoc>,
  embed: (texts: string[]) => Promise<Float32Array[]>,
  batch = WINDOW_BATCH,
): Promise<void> {
  const vectorOf = (s: Span) => {
    const d = vectors.get(s.doc)!;
    return s.first === s.last ? d.vectors[s.first]! : d.merged[s.first]!;
  };
  // every side of every link, and per sentence the sides whose span holds it
  const links: Link[] = pairs.flatMap(allLinks);
  const coverage: Array<[SideCoverage, SideCoverage]> = links.map(() => [NO_WINDOW, NO_WINDOW]);
  const sidesOf = new Map<string, Array<[link: number, side: 0 | 1]>>();
  links.forEach((l, i) => {
    for (const [side, span] of [[0, l.src], [1, l.tgt]] as const) {
      for (let k = span.first; k <= span.last; k++) {
        const key = `${span.doc}\u0000${k}`;
        const list = sidesOf.get(key);
        if (list) list.push([i, side]);
        else sidesOf.set(key, [[i, side]]);
      }
    }
  });
  const sentences = docs.flatMap((d) => d.texts.map((text, k) => ({ doc: d.id, k, text })).filter((s) => sidesOf.has(`${s.doc}\u0000${s.k}`)));
  for (let at = 0; at < sentences.length; ) {
    // sentences until the batch is full (a sentence's windows stay together)
    const chunk: Array<{ key: string; windows: string[] }> = [];
    let texts = 0;
    while (at < sentences.length && (texts === 0 || texts + windowsOf(sentences[at]!.text).length <= batch)) {
      const s = sentences[at++]!;
      const windows = windowsOf(s.text);
      chunk.push({ key: `${s.doc}\u0000${s.k}`, windows });
      texts += windows.length;
    }
    // a window repeated (a quote told twice, a formula) is embedded once
    const unique = [...new Set(chunk.flatMap((c) => c.windows))];
    const embedded = unique.length ? await embed(unique) : [];
    const vectorOfWindow = new Map(unique.map((t, n) => [t, embedded[n]!]));
    for (const c of chunk) {
      const own = c.windows.map((t) => vectorOfWindow.get(t)!);
      if (own.length === 0) continue;
      for (const [i, side] of sidesOf.get(c.key)!) {
        const l = links[i]!;
        const [otherSpan] = side === 0 ? [l.tgt] : [l.src];
        coverage[i]![side] = foldWindows(coverage[i]![side], own, vectorOf(otherSpan), vectors.get(otherSpan.doc)!.vectors, otherSpan);
      }
    }
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  links.forEach((l, i) => (l.evidence = linkEvidence(l, byId.get(l.src.doc)!, byId.get(l.tgt.doc)!, coverage[i]!)));
}
