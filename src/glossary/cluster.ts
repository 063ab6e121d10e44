// Grouping candidate mentions into entities, in four passes:
//  1. exact key (`Putinom`, `Putinu`, `Путин` all have the key `putin`);
//  2. near keys: skeletons one edit apart or a stem and its longer form
//     (`sjevern korej` / `severn korej`, `moskv` / `moskva`, `ukrajin` / `ukraine`), and
//     second keys (alt-keys.ts: `Coreea de Nord` / `Nordkorea`, `Rusija` / `Rusland`,
//     `China` / `Kinas`);
//  3. parts into full names: a one-word name joins the multi-word entity whose first or last
//     word has the same skeleton (`Putin` → `Vladimir Putin`, `Kim`/`Ким` → `Kim Jong-un`),
//     but only when exactly one multi-word entity could claim it and most of its mentions
//     stand in documents that also give that full name. Translators get one entry with every
//     form and the full name as canonical; a surname shared by two full names (`Kim Jong-un`,
//     `Kim Yo-jong`) stays an entry of its own rather than being guessed;
//  4. co-occurrence in aligned sentences across languages (see cooccurrence.ts), repeated with
//     pass 3 until nothing changes, since each merge can free further pairings.
// Merges never join two clusters named side by side in one sentence (but pass 3, where
// `Kim Jong-un ... Kim` in one sentence is common).

import type { Group } from '../types.ts';
import { altKeys } from './alt-keys.ts';
import type { Candidate } from './candidates.ts';
import { Clusters } from './clusters.ts';
import type { KeyNode } from './clusters.ts';
import { indexSentences, mergeByCooccurrence } from './cooccurrence.ts';
import { isNear, PREFIX_MAX_REST } from './similarity.ts';

/** Aligned groups in which two different-looking names must be left over together to merge. */
export const DEFAULT_MIN_SUPPORT = 2;
/** Aligned groups enough to merge two loosely similar names (`Pekingu` / `Beijing`). */
export const DEFAULT_MIN_SUPPORT_SIMILAR = 1;
/** Dice association (2·shared groups / groups of each) a forced cross-language pairing needs. */
export const DEFAULT_MIN_ASSOCIATION = 0.2;
/** Share of a one-word name's mentions that must stand in documents naming the full name too. */
export const PART_DOCUMENT_SHARE = 0.5;
/** Rounds of co-occurrence merging at most; each round only adds merges, so this bounds the work. */
export const DEFAULT_MAX_ROUNDS = 8;

export interface ClusterOptions {
  minSupport: number;
  minSupportSimilar: number;
  minAssociation: number;
  /** Join one-word names (`Putinom`) to the one full name they belong to (`Vladimir Putin`). */
  joinParts: boolean;
  maxRounds: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  minSupport: DEFAULT_MIN_SUPPORT,
  minSupportSimilar: DEFAULT_MIN_SUPPORT_SIMILAR,
  minAssociation: DEFAULT_MIN_ASSOCIATION,
  joinParts: true,
  maxRounds: DEFAULT_MAX_ROUNDS,
};

// Acronyms are exact: `TASS` and `TAS` are not spellings of one agency.
function mayBeNear(a: KeyNode, b: KeyNode): boolean {
  return !a.acronym && !b.acronym;
}

/** Pass 2. Skeletons are compared within blocks of one first letter and close lengths. */
function mergeNearKeys(clusters: Clusters): void {
  const blocks = new Map<string, number[]>();
  clusters.nodes.forEach((n, i) => {
    const first = n.skeleton[0] ?? '';
    let block = blocks.get(first);
    if (!block) blocks.set(first, (block = []));
    block.push(i);
  });
  const pairs: Array<[number, number]> = [];
  for (const block of blocks.values()) {
    block.sort((x, y) => clusters.nodes[x]!.skeleton.length - clusters.nodes[y]!.skeleton.length || x - y);
    for (let i = 0; i < block.length; i++) {
      const a = clusters.nodes[block[i]!]!;
      for (let j = i + 1; j < block.length; j++) {
        const b = clusters.nodes[block[j]!]!;
        if (b.skeleton.length - a.skeleton.length > PREFIX_MAX_REST) break;
        if (mayBeNear(a, b) && isNear(a.skeleton, b.skeleton)) pairs.push([Math.min(block[i]!, block[j]!), Math.max(block[i]!, block[j]!)]);
      }
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [a, b] of pairs) {
    if (clusters.find(a) !== clusters.find(b) && !clusters.shareSentence(a, b)) clusters.union(a, b);
  }
}

/** Pass 2b: names that share a second key (alt-keys.ts: compass names, country stems, the table of names). */
function mergeAltKeys(clusters: Clusters): void {
  const byKey = new Map<string, number>();
  const pairs: Array<[number, number]> = [];
  clusters.nodes.forEach((n, i) => {
    if (n.acronym) return;
    const c = clusters.candidates[n.members[0]!]!;
    // A quoted title only by the table of names (“Victory Day”): its words are not a name's to stem.
    const keys = altKeys(c.form, c.parts, c.lang).filter((k) => !n.title || k.startsWith('X:'));
    for (const key of keys) {
      const first = byKey.get(key);
      if (first === undefined) byKey.set(key, i);
      else pairs.push([first, i]);
    }
  });
  for (const [a, b] of pairs) {
    if (clusters.find(a) !== clusters.find(b) && !clusters.shareSentence(a, b)) clusters.union(a, b);
  }
}

/** Pass 3; returns how many one-word clusters joined a full name. */
function joinParts(clusters: Clusters): number {
  const roots = clusters.roots();
  const ownersByEnd = new Map<string, Set<number>>();
  for (const root of roots) {
    for (const n of clusters.nodesOf(root)) {
      if (!n.multi || n.title || n.acronym) continue;
      for (const end of n.ends) {
        let owners = ownersByEnd.get(end);
        if (!owners) ownersByEnd.set(end, (owners = new Set()));
        owners.add(root);
      }
    }
  }
  const decisions: Array<[number, number]> = [];
  for (const root of roots) {
    const nodes = clusters.nodesOf(root);
    if (nodes.some((n) => n.multi || n.acronym || n.title)) continue;
    const owners = new Set<number>();
    for (const n of nodes) for (const owner of ownersByEnd.get(n.skeleton) ?? []) if (owner !== root) owners.add(owner);
    if (owners.size !== 1) continue;
    const full = [...owners][0]!;
    // "Mostly the same person": most mentions stand in articles that also give the full name,
    // so `Washington` in one article does not join `George Washington` of another.
    const docs = clusters.documentsOf(full);
    const mentions = nodes.flatMap((n) => n.members);
    const near = mentions.filter((m) => docs.has(clusters.candidates[m]!.docIndex)).length;
    if (near / mentions.length >= PART_DOCUMENT_SHARE) decisions.push([root, full]);
  }
  for (const [part, full] of decisions) clusters.union(part, full);
  return decisions.length;
}

/** Group candidates into entities; returns candidate indices per entity, in a deterministic order. */
export function clusterCandidates(
  candidates: readonly Candidate[],
  groups: readonly Group[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): number[][] {
  const clusters = new Clusters(candidates);
  mergeNearKeys(clusters);
  mergeAltKeys(clusters);
  if (options.joinParts) joinParts(clusters);
  const index = indexSentences(clusters);
  for (let round = 0; round < options.maxRounds; round++) {
    const merged = mergeByCooccurrence(clusters, index, [...groups], options);
    const joined = options.joinParts ? joinParts(clusters) : 0;
    if (merged + joined === 0) break;
  }
  return clusters.members();
}
