// Merging across languages through aligned sentences. Within a group, the names of two
// documents' spans that are not already one entity are paired when their skeletons are
// loosely similar (Пекинг / Beijing), or when each side has exactly one name left over
// (Pjongjang / Phenian: nothing else to pair with), or when each side has exactly one event
// name of one kind left over (`Dana pobjede` / `Victory Day`: days). One group is weak evidence, an
// accidental co-occurrence; a forced pairing must recur in several groups before it merges.

import type { Group } from '../types.ts';
import type { Clusters } from './clusters.ts';
import { isNear, looseDistance } from './similarity.ts';

export interface CooccurrenceOptions {
  /** Groups in which a pair must be left over alone (or similar) before it merges. */
  minSupport: number;
  /** Groups needed when the two skeletons are loosely similar. */
  minSupportSimilar: number;
  /**
   * Dice association a forced pairing needs: 2·support / (groups of one + groups of the other).
   * Frequent names are left over beside rare ones by chance; this keeps `Trump` out of `Tampa`.
   */
  minAssociation: number;
}

interface Evidence {
  a: number;
  b: number;
  similar: Set<string>;
  forced: Set<string>;
}

type SentenceIndex = Map<string, Map<number, number[]>>;

/** Candidate indices by document id and sentence index. */
export function indexSentences(clusters: Clusters): SentenceIndex {
  const index: SentenceIndex = new Map();
  clusters.candidates.forEach((c, i) => {
    let doc = index.get(c.doc);
    if (!doc) index.set(c.doc, (doc = new Map()));
    let list = doc.get(c.sent);
    if (!list) doc.set(c.sent, (list = []));
    list.push(i);
  });
  return index;
}

function clustersInSpan(clusters: Clusters, index: SentenceIndex, doc: string, first: number, last: number): Set<number> {
  const roots = new Set<number>();
  const sentences = index.get(doc);
  if (!sentences) return roots;
  for (let s = first; s <= last; s++) for (const c of sentences.get(s) ?? []) roots.add(clusters.clusterOf(c));
  return roots;
}

/**
 * How far apart the spellings of two clusters are (see looseDistance), or Infinity. A rare
 * one-word name also meets the one full name that ends or starts with it (`Diaoyutai` /
 * `Diaoyutai State Guesthouse`), but a frequent one does not (`London` / `London Gazette`).
 * Acronyms are compared by key only, which exact merging has done already.
 */
function clusterDistance(clusters: Clusters, owners: PartOwners, a: number, b: number): number {
  const na = clusters.nodesOf(a);
  const nb = clusters.nodesOf(b);
  if (na.every((n) => n.acronym) || nb.every((n) => n.acronym)) return Infinity;
  let best = Infinity;
  for (const x of na) for (const y of nb) best = Math.min(best, looseDistance(x.skeleton, y.skeleton));
  if (best > 0 && (isPartOf(clusters, owners, a, b) || isPartOf(clusters, owners, b, a))) best = 0;
  return best;
}

/**
 * For each one-word cluster, the one full-name cluster whose first or last word it spells,
 * when exactly one does; computed lazily, once per round.
 */
class PartOwners {
  private readonly ends = new Map<string, Array<{ end: string; root: number }>>();
  private readonly cache = new Map<number, number | undefined>();

  constructor(private readonly clusters: Clusters) {
    for (const root of clusters.roots()) {
      for (const n of clusters.nodesOf(root)) {
        if (!n.multi || n.title || n.acronym) continue;
        for (const end of n.ends) {
          let list = this.ends.get(end[0] ?? '');
          if (!list) this.ends.set(end[0] ?? '', (list = []));
          list.push({ end, root });
        }
      }
    }
  }

  ownerOf(part: number): number | undefined {
    if (this.cache.has(part)) return this.cache.get(part);
    const nodes = this.clusters.nodesOf(part);
    let owner: number | undefined;
    if (!nodes.some((n) => n.multi || n.acronym)) {
      const roots = new Set<number>();
      for (const n of nodes) {
        for (const o of this.ends.get(n.skeleton[0] ?? '') ?? []) if (isNear(o.end, n.skeleton)) roots.add(o.root);
      }
      if (roots.size === 1) owner = [...roots][0];
    }
    this.cache.set(part, owner);
    return owner;
  }
}

function eventKind(clusters: Clusters, root: number): string | undefined {
  return clusters.nodesOf(root).find((n) => n.event !== undefined)?.event;
}

function mentionCount(clusters: Clusters, root: number): number {
  return clusters.nodesOf(root).reduce((n, node) => n + node.members.length, 0);
}

function isPartOf(clusters: Clusters, owners: PartOwners, part: number, full: number): boolean {
  return owners.ownerOf(part) === full && mentionCount(clusters, part) <= mentionCount(clusters, full);
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}

interface Gathered {
  evidence: Map<string, Evidence>;
  /** In how many groups each cluster appears. */
  seen: Map<number, number>;
}

function gather(clusters: Clusters, index: SentenceIndex, groups: Group[]): Gathered {
  const evidence = new Map<string, Evidence>();
  const seen = new Map<number, number>();
  const owners = new PartOwners(clusters);
  const note = (a: number, b: number, group: string, kind: 'similar' | 'forced'): void => {
    const key = pairKey(a, b);
    let e = evidence.get(key);
    if (!e) evidence.set(key, (e = { a: Math.min(a, b), b: Math.max(a, b), similar: new Set(), forced: new Set() }));
    e[kind].add(group);
  };
  for (const group of groups) {
    const sets = group.spans.map((s) => clustersInSpan(clusters, index, s.doc, s.first, s.last));
    for (const root of new Set(sets.flatMap((set) => [...set]))) seen.set(root, (seen.get(root) ?? 0) + 1);
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        if (group.spans[i]!.doc === group.spans[j]!.doc) continue;
        const left = [...sets[i]!].filter((r) => !sets[j]!.has(r));
        const right = [...sets[j]!].filter((r) => !sets[i]!.has(r));
        // Similar spellings pair one to one, closest first, so that one name does not claim two.
        const similar: Array<[number, number, number]> = [];
        for (const a of left) {
          for (const b of right) {
            const d = clusterDistance(clusters, owners, a, b);
            if (d < Infinity) similar.push([d, a, b]);
          }
        }
        similar.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
        const paired = new Set<number>();
        for (const [, a, b] of similar) {
          if (paired.has(a) || paired.has(b)) continue;
          note(a, b, group.id, 'similar');
          paired.add(a).add(b);
        }
        const restLeft = left.filter((r) => !paired.has(r));
        const restRight = right.filter((r) => !paired.has(r));
        // Two event names of one kind left over in aligned sentences are one event whatever the
        // other names around them (`Dana pobjede` / `Victory Day`): as good as a similar spelling.
        const eventsLeft = restLeft.filter((r) => eventKind(clusters, r) !== undefined);
        const eventsRight = restRight.filter((r) => eventKind(clusters, r) !== undefined);
        const [ea, eb] = [eventsLeft[0], eventsRight[0]];
        if (eventsLeft.length === 1 && eventsRight.length === 1 && eventKind(clusters, ea!) === eventKind(clusters, eb!)) {
          note(ea!, eb!, group.id, 'similar');
        } else if (restLeft.length === 1 && restRight.length === 1) note(restLeft[0]!, restRight[0]!, group.id, 'forced');
      }
    }
  }
  return { evidence, seen };
}

function support(e: Evidence): number {
  return new Set([...e.similar, ...e.forced]).size;
}

/**
 * A forced pairing must beat every rival: another name of the same documents that the
 * same cluster was paired with. Ties merge nothing (Ruslands / Dalekom istoku Rusije).
 */
function beatsRivals(clusters: Clusters, e: Evidence, byCluster: Map<number, Evidence[]>): boolean {
  const score = support(e);
  for (const [mine, theirs] of [[e.a, e.b], [e.b, e.a]] as const) {
    for (const other of byCluster.get(mine) ?? []) {
      if (other === e) continue;
      const rival = other.a === mine ? other.b : other.a;
      if (rival !== theirs && clusters.shareDocument(rival, theirs) && support(other) >= score) return false;
    }
  }
  return true;
}

/** One round of merges through aligned sentences; returns how many merges it made. */
export function mergeByCooccurrence(clusters: Clusters, index: SentenceIndex, groups: Group[], options: CooccurrenceOptions): number {
  const { evidence, seen } = gather(clusters, index, groups);
  const all = [...evidence.values()];
  const byCluster = new Map<number, Evidence[]>();
  for (const e of all) for (const c of [e.a, e.b]) (byCluster.get(c) ?? byCluster.set(c, []).get(c)!).push(e);
  const chosen: Array<{ e: Evidence; similar: boolean; score: number }> = [];
  for (const e of all) {
    const score = support(e);
    const dice = (2 * score) / ((seen.get(e.a) ?? 0) + (seen.get(e.b) ?? 0));
    if (e.similar.size >= options.minSupportSimilar) chosen.push({ e, similar: true, score });
    else if (score >= options.minSupport && dice >= options.minAssociation && beatsRivals(clusters, e, byCluster)) {
      chosen.push({ e, similar: false, score });
    }
  }
  chosen.sort((x, y) => Number(y.similar) - Number(x.similar) || y.score - x.score || x.e.a - y.e.a || x.e.b - y.e.b);
  let merges = 0;
  for (const { e, similar } of chosen) {
    const a = clusters.find(e.a);
    const b = clusters.find(e.b);
    if (a === b || clusters.shareSentence(a, b)) continue;
    if (!similar && clusters.shareDocument(a, b)) continue;
    clusters.union(a, b);
    merges++;
  }
  return merges;
}
