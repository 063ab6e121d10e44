// The stage between settling the links and their confidence: each link's evidence (evidence.ts),
// from the windows of the sentences the run's links and candidates touch, embedded by the run's
// embedder in one call.

import type { AlignDoc } from './input.ts';
import { windowsOf, type EvidenceDoc } from './evidence.ts';
import { linkEvidence } from './evidence.ts';
import type { PairAlignment, Span } from '../types.ts';

/** A document as assessment reads it: its sentences' texts and which of them are headlines. */
export interface AssessDoc {
  id: string;
  texts: readonly string[];
  headline: readonly boolean[];
}

const allLinks = (p: PairAlignment) => [...p.links, ...p.below, ...p.rejected];

/** Embeds the windows of every sentence that a link or candidate of `pairs` touches. */
export async function evidenceDocs(
  docs: readonly AssessDoc[],
  pairs: readonly PairAlignment[],
  vectors: ReadonlyMap<string, AlignDoc>,
  embed: (texts: string[]) => Promise<Float32Array[]>,
): Promise<Map<string, EvidenceDoc>> {
  const needed = new Map(docs.map((d) => [d.id, new Set<number>()]));
  const mark = (s: Span) => {
    for (let k = s.first; k <= s.last; k++) needed.get(s.doc)?.add(k);
  };
  for (const p of pairs) for (const l of allLinks(p)) (mark(l.src), mark(l.tgt));
  const texts: string[] = [];
  const at = new Map<string, number>();
  const plan = docs.map((d) =>
    d.texts.map((t, k) => {
      if (!needed.get(d.id)!.has(k)) return [];
      return windowsOf(t).map((w) => {
        let i = at.get(w);
        if (i === undefined) {
          at.set(w, (i = texts.length));
          texts.push(w);
        }
        return i;
      });
    }),
  );
  const embedded = texts.length ? await embed(texts) : [];
  return new Map(
    docs.map((d, n) => [d.id, { texts: d.texts, headline: d.headline, windows: plan[n]!.map((ids) => ids.map((i) => embedded[i]!)), vectors: vectors.get(d.id)?.vectors ?? [] }]),
  );
}

/** Sets `evidence` on every link, candidate and rejected link of `pairs` (in place, as annotateConfidence does). */
export function attachEvidence(pairs: readonly PairAlignment[], docs: ReadonlyMap<string, EvidenceDoc>, vectors: ReadonlyMap<string, AlignDoc>): void {
  const vectorOf = (s: Span) => {
    const d = vectors.get(s.doc)!;
    return s.first === s.last ? d.vectors[s.first]! : d.merged[s.first]!;
  };
  for (const p of pairs) {
    const [a, b] = [docs.get(p.src)!, docs.get(p.tgt)!];
    for (const l of allLinks(p)) l.evidence = linkEvidence(l, a, b, vectorOf);
  }
}
