import { describe, expect, it } from 'vitest';
import { buildGroups, directPartners, groupLinks } from '../../src/align/groups.ts';
import type { Link, PairAlignment } from '../../src/types.ts';

function link(src: string, tgt: string, margin: number, score = margin / 3): Link {
  const span = (s: string) => {
    const [doc, range] = s.split(':') as [string, string];
    const [first, last] = range.split('-').map(Number) as [number, number?];
    return { doc, first, last: last ?? first };
  };
  return { src: span(src), tgt: span(tgt), score, margin, method: 'mining', status: 'auto' };
}

function pairs(...links: Link[]): PairAlignment[] {
  const byPair = new Map<string, Link[]>();
  for (const l of links) byPair.set(`${l.src.doc}|${l.tgt.doc}`, [...(byPair.get(`${l.src.doc}|${l.tgt.doc}`) ?? []), l]);
  return [...byPair].map(([key, ls]) => {
    const [src, tgt] = key.split('|') as [string, string];
    return { src, tgt, method: 'mining', reason: '', links: ls, below: [], rejected: [] };
  });
}

const spansOf = (g: { spans: Array<{ doc: string; first: number; last: number }> }) =>
  g.spans.map((s) => (s.first === s.last ? `${s.doc}:${s.first}` : `${s.doc}:${s.first}-${s.last}`));

describe('buildGroups', () => {
  it('merges links of all pairs into n-way groups', () => {
    const groups = buildGroups(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:1', 1.8), link('A:1', 'B:2', 1.5)), ['A', 'B', 'C']);
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0', 'C:1'], ['A:1', 'B:2']]);
    expect(groups.map((g) => g.id)).toEqual(['g0001', 'g0002']);
    expect(groups[0]!.links).toHaveLength(2);
    expect(groups[0]!.score).toBeCloseTo((2 / 3 + 1.8 / 3) / 2, 9);
  });

  it('resolves a conflicting triangle by dropping the weakest link, never chaining', () => {
    // A0–B0 and B0–C0 are strong; A0–C1 would put C0 and C1 into one group.
    const weak = link('A:0', 'C:1', 1.3);
    const { groups, dropped } = groupLinks(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.9), weak), ['A', 'B', 'C']);
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0', 'C:0']]);
    expect(dropped).toEqual([weak]);
    // C1 is left alone: singletons are not groups.
    expect(groups.flatMap(spansOf)).not.toContain('C:1');
  });

  it('keeps a consistent third link of a triangle in the group', () => {
    const groups = buildGroups(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.9), link('A:0', 'C:0', 1.4)), ['A', 'B', 'C']);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.links).toHaveLength(3);
  });

  it('never puts two spans of one document in a group, even through a merge of groups', () => {
    const groups = buildGroups(
      pairs(link('A:0', 'B:0', 2), link('C:0', 'D:0', 2), link('A:1', 'D:1', 1.9), link('B:0', 'D:0', 1.8), link('B:0', 'D:1', 1.4)),
      ['A', 'B', 'C', 'D'],
    );
    for (const g of groups) expect(new Set(g.spans.map((s) => s.doc)).size).toBe(g.spans.length);
    // A:0 and C:0 are each linked to one member of four; on a tie the later document's span leaves
    // (see the majority rule below)
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0', 'D:0'], ['A:1', 'D:1']]);
  });

  it('keeps in a group only members a link ties to a majority of it, taking the least linked out first', () => {
    // a chain A–B–C–D–E: A and E are each linked to one member of five
    const chain = groupLinks(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 2), link('C:0', 'D:0', 2), link('D:0', 'E:0', 1.5)), ['A', 'B', 'C', 'D', 'E']);
    // E (the weaker of the two ends) leaves first; then A and D are each linked to one of four, as
    // strongly, and the later document's leaves; A–B–C is a chain of three, which holds
    expect(chain.groups.map(spansOf)).toEqual([['A:0', 'B:0', 'C:0']]);
    expect(chain.detached.map((s) => `${s.doc}:${s.first}`)).toEqual(['E:0', 'D:0']);
    expect(chain.groups[0]!.links).toHaveLength(2);
    // a triangle plus a member linked to one of its corners: 1 + 1 of 4 is no majority
    const tail = groupLinks(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 2), link('A:0', 'C:0', 2), link('C:0', 'D:0', 1.9)), ['A', 'B', 'C', 'D']);
    expect(tail.groups.map(spansOf)).toEqual([['A:0', 'B:0', 'C:0']]);
    // every member of a group is directly linked to a majority
    for (const g of [...chain.groups, ...tail.groups]) {
      for (const s of g.spans) expect((1 + directPartners(s, g.links).size) * 2).toBeGreaterThan(g.spans.length);
    }
  });

  it('prefers links confirmed by a third document to a stronger lone link', () => {
    // The seeds' case: B19 shares only names with C2 and D10, but its margins beat the true C2–D9 link.
    const { groups, dropped } = groupLinks(
      pairs(link('A:6', 'D:9', 1.59), link('A:6', 'C:2', 1.28), link('C:2', 'D:9', 1.345), link('B:19', 'C:2', 1.473), link('B:19', 'D:10', 1.423)),
      ['A', 'B', 'C', 'D'],
    );
    expect(groups.map(spansOf)).toEqual([['A:6', 'C:2', 'D:9'], ['B:19', 'D:10']]);
    expect(dropped.map((l) => `${l.src.doc}${l.src.first}-${l.tgt.doc}${l.tgt.first}`)).toEqual(['B19-C2']);
  });

  it('does not merge groups when as many links speak against it and the link is not clearly stronger', () => {
    const { groups } = groupLinks(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.5), link('A:0', 'C:1', 1.45)), ['A', 'B', 'C']);
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0']]);
  });

  it('gives a sentence to one group only when spans overlap (3-4 against 4)', () => {
    const { groups, dropped } = groupLinks(pairs(link('A:3-4', 'B:5', 2), link('A:4', 'C:2', 1.5), link('A:3-4', 'C:7', 1.2)), ['A', 'B', 'C']);
    expect(groups.map(spansOf)).toEqual([['A:3-4', 'B:5', 'C:7']]);
    expect(dropped.map((l) => l.tgt.first)).toEqual([2]);
    const sentences = groups.flatMap((g) => g.spans.flatMap((s) => Array.from({ length: s.last - s.first + 1 }, (_, k) => `${s.doc}${s.first + k}`)));
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('orders groups by the first document of docOrder they contain, then the next', () => {
    const groups = buildGroups(
      pairs(link('B:9', 'C:0', 2), link('A:5', 'B:1', 2), link('A:2', 'C:3', 2), link('B:4', 'C:8', 2)),
      ['A', 'B', 'C'],
    );
    expect(groups.map(spansOf)).toEqual([['A:2', 'C:3'], ['A:5', 'B:1'], ['B:4', 'C:8'], ['B:9', 'C:0']]);
    // Spans inside a group follow docOrder, whatever the link's direction.
    const reversed = buildGroups(pairs(link('C:1', 'A:1', 2)), ['A', 'B', 'C']);
    expect(spansOf(reversed[0]!)).toEqual(['A:1', 'C:1']);
  });

  it('is deterministic whatever the order of pairs and links', () => {
    const ls = [link('A:0', 'B:0', 1.5), link('B:0', 'C:0', 1.5), link('A:0', 'C:1', 1.5), link('A:1', 'B:1', 1.5)];
    const one = buildGroups(pairs(...ls), ['A', 'B', 'C']);
    const two = buildGroups(pairs(...[...ls].reverse()), ['A', 'B', 'C']);
    expect(two).toEqual(one);
  });

  it('numbers past 9999 with more digits', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => link(`A:${i}`, `B:${i}`, 1.5));
    const groups = buildGroups(pairs(...many), ['A', 'B']);
    expect(groups[0]!.id).toBe('g00001');
    expect(groups.at(-1)!.id).toBe('g10000');
  });
});

describe("groupLinks with a reviewer's decisions", () => {
  const confirmed = (l: Link): Link => ({ ...l, status: 'confirmed' });
  const withRejected = (ps: PairAlignment[], ...rejected: Link[]): PairAlignment[] => {
    for (const r of rejected) {
      const p = ps.find((q) => q.src === r.src.doc && q.tgt === r.tgt.doc);
      if (p) p.rejected.push({ ...r, status: 'rejected' });
      else ps.push({ src: r.src.doc, tgt: r.tgt.doc, method: 'mining', reason: '', links: [], below: [], rejected: [{ ...r, status: 'rejected' }] });
    }
    return ps;
  };

  it('never puts the two spans of a rejected link in one group, even through a third document', () => {
    // A0–B0 and B0–C0 would bring A0 and C0 together; the reviewer rejected A0–C0.
    const ps = withRejected(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.9)), link('A:0', 'C:0', 1.5));
    const { groups, dropped } = groupLinks(ps, ['A', 'B', 'C']);
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0']]);
    expect(dropped.map((l) => spansOf({ spans: [l.src, l.tgt] }))).toEqual([['B:0', 'C:0']]);
    // without the rejection the three are one group
    expect(buildGroups(pairs(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.9)), ['A', 'B', 'C']).map(spansOf)).toEqual([['A:0', 'B:0', 'C:0']]);
  });

  it('reads a rejected link as a cannot-link between overlapping spans too', () => {
    const ps = withRejected(pairs(link('A:0-1', 'B:0', 2)), link('A:1', 'B:0', 1.2));
    expect(groupLinks(ps, ['A', 'B']).groups).toEqual([]);
  });

  it('counts as conflicts only the dropped links whose spans share no group', () => {
    const other = link('A:4', 'C:2', 1.5); // A 4 is in the group, C 2 in none: contradicts C 7
    const cut = link('B:5', 'C:7-8', 1.1); // C 7-8 against the group's C 7: cut differently, same sentences
    const { groups, dropped, conflicts } = groupLinks(
      pairs(link('A:3-4', 'B:5', 2), other, link('A:3-4', 'C:7', 1.2), cut),
      ['A', 'B', 'C'],
    );
    expect(groups.map(spansOf)).toEqual([['A:3-4', 'B:5', 'C:7']]);
    expect(dropped).toEqual([other, cut]);
    expect(conflicts).toEqual([other]);
  });

  it('never counts a confirmed link as a conflict', () => {
    const c = confirmed(link('A:1', 'C:0', 1.1));
    const { refused, conflicts } = groupLinks(pairs(confirmed(link('A:0', 'B:0', 2)), confirmed(link('B:0', 'C:0', 1.9)), c), ['A', 'B', 'C']);
    expect(refused.map((r) => r.link)).toEqual([c]);
    expect(conflicts).toEqual([]);
  });

  it('takes confirmed links first, whatever their margin, and skips the vote for them', () => {
    // The strong auto link A0–B1 loses to the weak confirmed A0–B0.
    const weak = confirmed(link('A:0', 'B:0', 0.4));
    const { groups, refused } = groupLinks(pairs(link('A:0', 'B:1', 2.5), weak), ['A', 'B']);
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0']]);
    expect(refused).toEqual([]);
  });

  it('reports a confirmed link that would put two spans of one document in a group, with the reason', () => {
    const c = confirmed(link('A:1', 'C:0', 1.1));
    const { groups, refused } = groupLinks(pairs(confirmed(link('A:0', 'B:0', 2)), confirmed(link('B:0', 'C:0', 1.9)), c), ['A', 'B', 'C']);
    expect(groups.map(spansOf)).toEqual([['A:0', 'B:0', 'C:0']]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.link).toEqual(c);
    expect(refused[0]!.reason).toMatch(/two spans of A in one group/);
  });
});
