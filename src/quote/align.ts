// The same quote across the documents. Each quote's words are embedded with the run's embedder; two
// quotes of two documents are linked when each is the other's most alike among the quotes of the
// other document that may be the same (the same speaker, or one of them unnamed; a term only with a
// term), and they are alike enough: more than 99 in 100 pairs of unrelated held-out lines are
// (UNRELATED below), or more than half of them are when a sentence link of the run already joins
// the quotes' sentences. A reported clause that holds a quote in marks aligns through that quote. Links are then merged, most alike first, into groups that hold at most one
// quote of each document and never two speakers.
//
// A link's confidence is the share of unrelated held-out lines that are less alike than its quotes:
// 0.5 at the median, 0.99 at the 99th percentile. It says how rarely chance makes two quotes this
// alike, the best a run can say without quotes a person has matched to learn from.

import type { Embedder } from '../embed/embedder.ts';
import type { PairAlignment, Quote, QuoteGroup } from '../types.ts';
import type { QuoteReview } from './decisions.ts';

/**
 * Percentiles of the cosines of unrelated held-out FLORES lines (line i of one language with line
 * 7i + 13 of another), per embedder kind, printed by `node --import tsx bench/similarity-floor.ts`.
 * Kinds without a table of their own (a pulled neural model) take the lexical one.
 */
export const UNRELATED: Readonly<Record<string, ReadonlyArray<[share: number, cosine: number]>>> = {
  'static+lexical': [[0.5, 0.1], [0.9, 0.19], [0.99, 0.308], [0.999, 0.401]],
  lexical: [[0.5, 0.05], [0.9, 0.1], [0.99, 0.165], [0.999, 0.217]],
};

/** The share of unrelated lines less alike than `cosine`, linearly between the table's points. */
export function chanceBelow(cosine: number, table: ReadonlyArray<[number, number]>): number {
  if (cosine <= table[0]![1]) return Math.max(0, table[0]![0] * (cosine / table[0]![1]));
  for (let i = 1; i < table.length; i++) {
    const [p0, c0] = table[i - 1]!;
    const [p1, c1] = table[i]!;
    if (cosine <= c1) return p0 + ((p1 - p0) * (cosine - c0)) / (c1 - c0);
  }
  return table.at(-1)![0];
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function mayBeSame(a: Quote, b: Quote): boolean {
  if ((a.kind === 'term') !== (b.kind === 'term')) return false;
  const x = a.speaker?.entry ?? a.speaker?.canonical;
  const y = b.speaker?.entry ?? b.speaker?.canonical;
  return x === undefined || y === undefined || x === y;
}

/** Sentence pairs the run linked (accepted links), as `doc\0sent\0doc\0sent`, both ways. */
function linkedSentences(pairs: readonly PairAlignment[]): Set<string> {
  const out = new Set<string>();
  for (const p of pairs) {
    for (const l of p.links) {
      for (let i = l.src.first; i <= l.src.last; i++) {
        for (let j = l.tgt.first; j <= l.tgt.last; j++) {
          out.add(`${l.src.doc}\u0000${i}\u0000${l.tgt.doc}\u0000${j}`);
          out.add(`${l.tgt.doc}\u0000${j}\u0000${l.src.doc}\u0000${i}`);
        }
      }
    }
  }
  return out;
}

function sentencesLinked(a: Quote, b: Quote, linked: ReadonlySet<string>): boolean {
  for (let i = a.sents[0]; i <= a.sents[1]; i++) for (let j = b.sents[0]; j <= b.sents[1]; j++) if (linked.has(`${a.doc}\u0000${i}\u0000${b.doc}\u0000${j}`)) return true;
  return false;
}

interface QuoteLink {
  a: number;
  b: number;
  cosine: number;
  /** Joined by a reviewer's decision. */
  confirmed?: boolean;
}

/** A reported clause that holds a quote of three words or more in marks: that quote is the cleaner unit, and aligns for it. */
function heldByInner(q: Quote, quotes: readonly Quote[]): boolean {
  return q.kind === 'reported' && quotes.some((o) => o.doc === q.doc && o.kind === 'speech' && o.start >= q.start && o.end <= q.end && o.text.split(/\s+/u).length >= 3);
}

/**
 * The quote groups of a run. With a reviewer's decisions (`review`): two quotes confirmed as one are
 * joined first, whatever their likeness and speakers, and two rejected are never in one group; a
 * confirmation that would put two quotes of one document in a group is not applied and is said in
 * `conflicts`.
 */
export async function groupQuotes(
  quotes: readonly Quote[],
  pairs: readonly PairAlignment[],
  embedder: Pick<Embedder, 'embed' | 'kind'>,
  review: QuoteReview = { confirmed: [], rejected: [], orphaned: [] },
  conflicts: string[] = [],
): Promise<QuoteGroup[]> {
  const table = UNRELATED[embedder.kind] ?? UNRELATED.lexical!;
  const alone = table.find(([p]) => p === 0.99)![1];
  const withLink = table.find(([p]) => p === 0.5)![1];
  // each distinct text once: one quote can stand twice in an article
  const distinct = [...new Set(quotes.map((q) => q.text))];
  const embedded = distinct.length > 0 ? await embedder.embed(distinct) : [];
  const byText = new Map(distinct.map((t, i) => [t, embedded[i]!]));
  const vectors = quotes.map((q) => byText.get(q.text)!);
  const linked = linkedSentences(pairs);
  const docs = [...new Set(quotes.map((q) => q.doc))];
  const aligned = quotes.map((q) => !heldByInner(q, quotes));
  const byDoc = new Map(docs.map((d) => [d, quotes.map((q, i) => (q.doc === d && aligned[i] ? i : -1)).filter((i) => i >= 0)]));

  const links: QuoteLink[] = [];
  for (let x = 0; x < docs.length; x++) {
    for (let y = x + 1; y < docs.length; y++) {
      const as = byDoc.get(docs[x]!)!;
      const bs = byDoc.get(docs[y]!)!;
      const cos = as.map((a) => bs.map((b) => (mayBeSame(quotes[a]!, quotes[b]!) ? dot(vectors[a]!, vectors[b]!) : -Infinity)));
      for (let i = 0; i < as.length; i++) {
        const row = cos[i]!;
        let j = -1;
        for (let k = 0; k < bs.length; k++) if (j < 0 || row[k]! > row[j]!) j = k;
        if (j < 0 || row[j] === -Infinity) continue;
        // mutual: the quote of the other document is most alike to this one too
        if (as.some((_, i2) => cos[i2]![j]! > row[j]!)) continue;
        const a = quotes[as[i]!]!;
        const b = quotes[bs[j]!]!;
        const threshold = sentencesLinked(a, b, linked) ? withLink : alone;
        if (row[j]! >= threshold) links.push({ a: as[i]!, b: bs[j]!, cosine: row[j]! });
      }
    }
  }

  // merge: the reviewer's confirmations first, then most alike first, keeping one quote per document,
  // one speaker per group (unless a reviewer joined them) and no two quotes a reviewer rejected
  const rejected = new Set(review.rejected.map(([a, b]) => `${a}\u0000${b}`));
  const apart = (xs: readonly number[], ys: readonly number[]) => xs.some((x) => ys.some((y) => rejected.has(x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`)));
  const groupOf = quotes.map((_, i) => i);
  const members = new Map<number, number[]>(quotes.map((_, i) => [i, [i]]));
  const find = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = find(groupOf[i]!)));
  const kept: QuoteLink[] = [];
  const byReviewer = review.confirmed.map(([a, b]) => ({ a, b, cosine: dot(vectors[a]!, vectors[b]!), confirmed: true }));
  const ordered = [...links].sort((p, q) => q.cosine - p.cosine || p.a - q.a || p.b - q.b).map((l) => ({ ...l, confirmed: false }));
  for (const l of [...byReviewer, ...ordered]) {
    const ga = find(l.a);
    const gb = find(l.b);
    if (ga === gb) {
      kept.push(l);
      continue;
    }
    const all = [...members.get(ga)!, ...members.get(gb)!];
    const docsClash = new Set(all.map((i) => quotes[i]!.doc)).size < all.length;
    const speakers = new Set(all.map((i) => quotes[i]!.speaker?.entry ?? quotes[i]!.speaker?.canonical).filter((s) => s !== undefined));
    if (l.confirmed && (docsClash || apart(members.get(ga)!, members.get(gb)!))) {
      const [qa, qb] = [quotes[l.a]!, quotes[l.b]!];
      conflicts.push(`confirmed quote ${qa.doc} ${JSON.stringify(qa.text.slice(0, 40))} ↔ ${qb.doc} ${JSON.stringify(qb.text.slice(0, 40))} is not applied: ${docsClash ? 'it would put two quotes of one document in one group' : 'another decision rejects one of the group'}`);
      continue;
    }
    if (!l.confirmed && (docsClash || speakers.size > 1 || apart(members.get(ga)!, members.get(gb)!))) continue;
    groupOf[gb] = ga;
    members.set(ga, all);
    members.delete(gb);
    kept.push(l);
  }
  const confirmedIn = new Set(kept.filter((l) => l.confirmed).flatMap((l) => [l.a, l.b]));
  const rejectedOf = new Set(review.rejected.flat());

  const best = new Map<number, number>();
  for (const l of kept) {
    best.set(l.a, Math.max(best.get(l.a) ?? -Infinity, l.cosine));
    best.set(l.b, Math.max(best.get(l.b) ?? -Infinity, l.cosine));
  }
  const order = new Map(quotes.map((q, i) => [q.id, i]));
  const groups = [...members.values()].map((list) => list.sort((p, q) => p - q)).sort((p, q) => p[0]! - q[0]!);
  return groups.map((list, g) => {
    const group = list.map((i) => quotes[i]!);
    const named = group.find((q) => q.speaker);
    const scores: Record<string, number> = {};
    const confidence: Record<string, number> = {};
    for (const i of list) {
      const c = best.get(i);
      if (c === undefined) continue;
      scores[quotes[i]!.id] = Math.round(c * 10_000) / 10_000;
      confidence[quotes[i]!.id] = Math.round(chanceBelow(c, table) * 10_000) / 10_000;
    }
    group.sort((p, q) => order.get(p.id)! - order.get(q.id)!);
    const status: Record<string, 'confirmed' | 'rejected'> = {};
    for (const i of list) {
      if (confirmedIn.has(i)) status[quotes[i]!.id] = 'confirmed';
      else if (list.length === 1 && rejectedOf.has(i)) status[quotes[i]!.id] = 'rejected';
    }
    return {
      id: `Q${String(g + 1).padStart(3, '0')}`,
      ...(named?.speaker ? { speaker: { ...(named.speaker.entry ? { entry: named.speaker.entry } : {}), canonical: named.speaker.canonical ?? named.speaker.form } } : {}),
      members: group,
      scores,
      confidence,
      ...(Object.keys(status).length > 0 ? { status } : {}),
    };
  });
}
