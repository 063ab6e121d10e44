// The state of clustering: one node per distinct key, joined by union–find, with what the
// merge rules ask about a cluster kept up to date (its sentences, its documents).

import type { Candidate } from './candidates.ts';
import type { EventKind } from './type-cues.ts';
import { skeleton } from './normalise.ts';

/** All candidates that share one key. */
export interface KeyNode {
  key: string;
  skeleton: string;
  /** Candidate indices. */
  members: number[];
  /** Every member is an acronym. */
  acronym: boolean;
  /** Every member is a quoted title. */
  title: boolean;
  /** The key has two words or more: `kim jong-un`, `core de nord`. */
  multi: boolean;
  /** The kind of event its members name (see Candidate.event), if any does. */
  event?: EventKind;
  /** Skeletons of the first and the last word of a multi-word key, for surname matching. */
  ends: string[];
}

export class Clusters {
  readonly nodes: KeyNode[] = [];
  readonly candidates: readonly Candidate[];
  private readonly parent: number[] = [];
  private readonly nodeOfCandidate: number[] = [];
  // Aggregates kept on roots only.
  private readonly sentences = new Map<number, Set<string>>();
  private readonly docs = new Map<number, Set<number>>();
  private readonly nodeLists = new Map<number, number[]>();

  constructor(candidates: readonly Candidate[]) {
    this.candidates = candidates;
    const byKey = new Map<string, number>();
    candidates.forEach((c, i) => {
      let id = byKey.get(c.key);
      if (id === undefined) {
        id = this.nodes.length;
        byKey.set(c.key, id);
        const multi = c.parts.length >= 2;
        this.nodes.push({
          key: c.key,
          skeleton: c.skeleton,
          members: [],
          acronym: true,
          title: true,
          multi,
          ends: multi ? [skeleton(c.parts[0]!), skeleton(c.parts[c.parts.length - 1]!)] : [],
        });
        this.parent.push(id);
        this.sentences.set(id, new Set());
        this.docs.set(id, new Set());
        this.nodeLists.set(id, [id]);
      }
      const node = this.nodes[id]!;
      node.members.push(i);
      node.acronym &&= c.kind === 'acronym';
      node.title &&= c.kind === 'title';
      node.event ??= c.event;
      this.nodeOfCandidate[i] = id;
      this.sentences.get(id)!.add(`${c.docIndex}:${c.sent}`);
      this.docs.get(id)!.add(c.docIndex);
    });
  }

  find(node: number): number {
    let root = node;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[node] !== root) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  /** The root of a candidate's cluster. */
  clusterOf(candidate: number): number {
    return this.find(this.nodeOfCandidate[candidate]!);
  }

  /** Join two clusters; the lower node id stays the root, so results do not depend on merge order. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    for (const s of this.sentences.get(child)!) this.sentences.get(root)!.add(s);
    for (const d of this.docs.get(child)!) this.docs.get(root)!.add(d);
    this.nodeLists.get(root)!.push(...this.nodeLists.get(child)!);
    this.sentences.delete(child);
    this.docs.delete(child);
    this.nodeLists.delete(child);
    return root;
  }

  roots(): number[] {
    return [...this.nodeLists.keys()].sort((a, b) => a - b);
  }

  nodesOf(root: number): KeyNode[] {
    return this.nodeLists.get(this.find(root))!.map((n) => this.nodes[n]!);
  }

  /** Both clusters are named in one sentence: two mentions side by side are two entities. */
  shareSentence(a: number, b: number): boolean {
    const sa = this.sentences.get(this.find(a))!;
    const sb = this.sentences.get(this.find(b))!;
    const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
    for (const s of small) if (large.has(s)) return true;
    return false;
  }

  shareDocument(a: number, b: number): boolean {
    const da = this.docs.get(this.find(a))!;
    for (const d of this.docs.get(this.find(b))!) if (da.has(d)) return true;
    return false;
  }

  documentsOf(root: number): ReadonlySet<number> {
    return this.docs.get(this.find(root))!;
  }

  /** Candidate indices of every cluster, clusters in root order, members in candidate order. */
  members(): number[][] {
    return this.roots().map((root) =>
      this.nodeLists
        .get(root)!
        .flatMap((n) => this.nodes[n]!.members)
        .sort((a, b) => a - b),
    );
  }
}
