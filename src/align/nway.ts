// What a run exports as aligned, from the links of every document pair: corroboration through third
// documents (corroborate.ts), then the n-way groups (groups.ts); links that contradict the groups go to
// the candidates below the threshold, where a reviewer can still confirm them. A reviewer's confirmed
// links stay aligned whatever the groups say (a conflict is reported), rejected links stay rejected.
// With two documents there is no third one: the pair's links are exported as the aligner accepted them,
// except where the group stage finds a conflict within the pair itself.

import { corroborate, type CorroborateOptions } from './corroborate.ts';
import { groupLinks } from './groups.ts';
import type { Group, Link, PairAlignment, Span } from '../types.ts';
import { byPosition } from './link-order.ts';

export interface RunLinks {
  /** Per pair: `links` are exported as aligned, `below` holds the candidates (with the conflicts). */
  pairs: PairAlignment[];
  groups: Group[];
  /** Confirmed links the groups could not take, each with the reason (they stay in `links`). */
  refused: Array<{ link: Link; reason: string }>;
  /** Candidates accepted because a third document confirms them. */
  corroborated: Link[];
  /** Weak links moved to the candidates because no third document confirms them. */
  uncorroborated: Link[];
  /** Links that contradict the groups, moved to the candidates. */
  conflicts: Link[];
  /** Spans taken out of a group because no link tied them to a majority of it (their links stay aligned). */
  detached: Span[];
  /** The groups before that rule: sentences joined by links, which the glossary reads as aligned. */
  components: Group[];
}

export function settleLinks(pairs: readonly PairAlignment[], docOrder: readonly string[], options: Partial<CorroborateOptions> = {}): RunLinks {
  const corroboration = corroborate(pairs, options);
  const grouping = groupLinks(corroboration.pairs, docOrder);
  const conflicts = new Set(grouping.conflicts);
  const out = corroboration.pairs.map((p) => {
    if (!p.links.some((l) => conflicts.has(l))) return p;
    return {
      ...p,
      links: p.links.filter((l) => !conflicts.has(l)),
      below: [...p.below, ...p.links.filter((l) => conflicts.has(l))].sort(byPosition),
    };
  });
  return {
    pairs: out,
    groups: grouping.groups,
    refused: grouping.refused,
    corroborated: corroboration.promoted,
    uncorroborated: corroboration.demoted,
    conflicts: grouping.conflicts,
    detached: grouping.detached,
    components: grouping.components,
  };
}

