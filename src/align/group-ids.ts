// Group ids that a review does not shuffle. A run numbers its groups by position (groups.ts), so a
// decision that splits or joins one group would renumber every group after it, and a reviewer's notes
// or a CAT tool's units (tuid) would point elsewhere. Where the previous run's groups are known, a group
// made of the very same spans keeps its id, and only new or changed groups get new ones, after the
// highest id the previous run used. Pure.

import type { Group, Span } from '../types.ts';

/** A group's identity: the set of its spans (document and sentence range). */
export function spanSetKey(spans: ReadonlyArray<Pick<Span, 'doc' | 'first' | 'last'>>): string {
  return spans
    .map((s) => `${s.doc}\u0000${s.first}-${s.last}`)
    .sort()
    .join('\u0001');
}

/** Gives each group of `groups` (in place) the id its spans had in `previous` (spanSetKey → id), and the rest new ids in their order. */
export function keepGroupIds(groups: Group[], previous: ReadonlyMap<string, string>): void {
  if (previous.size === 0) return;
  const numberOf = (id: string) => Number(/^g(\d+)$/.exec(id)?.[1] ?? 0);
  let next = Math.max(0, ...[...previous.values()].map(numberOf));
  const taken = new Set<string>();
  const kept = groups.map((g) => {
    const id = previous.get(spanSetKey(g.spans));
    if (id === undefined || taken.has(id)) return undefined;
    taken.add(id);
    return id;
  });
  const fresh = kept.filter((id) => id === undefined).length;
  const width = Math.max(4, String(next + fresh).length);
  groups.forEach((g, i) => {
    g.id = kept[i] ?? `g${String(++next).padStart(width, '0')}`;
  });
}
