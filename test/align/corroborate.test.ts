import { describe, expect, it } from 'vitest';
import { corroborate, CORROBORATED_MIN_MARGIN, supportOf, partnersOf, UNCORROBORATED_MIN_MARGIN } from '../../src/align/corroborate.ts';
import { settleLinks } from '../../src/align/nway.ts';
import { DEFAULT_MIN_SCORE } from '../../src/align/pair.ts';
import type { Link, Method, PairAlignment } from '../../src/types.ts';

function link(src: string, tgt: string, margin: number, method: Method = 'mining'): Link {
  const span = (s: string) => {
    const [doc, range] = s.split(':') as [string, string];
    const [first, last] = range.split('-').map(Number) as [number, number?];
    return { doc, first, last: last ?? first };
  };
  return { src: span(src), tgt: span(tgt), score: margin / 3, margin, method, status: 'auto' };
}

/** Pairs from links: those at or above the mining threshold accepted, the others below it. */
function run(...links: Link[]): PairAlignment[] {
  const byPair = new Map<string, Link[]>();
  for (const l of links) byPair.set(`${l.src.doc}|${l.tgt.doc}`, [...(byPair.get(`${l.src.doc}|${l.tgt.doc}`) ?? []), l]);
  return [...byPair].map(([key, ls]) => {
    const [src, tgt] = key.split('|') as [string, string];
    const accepted = (l: Link) => l.status === 'confirmed' || l.margin >= DEFAULT_MIN_SCORE.mining;
    return { src, tgt, method: 'mining', reason: '', links: ls.filter(accepted), below: ls.filter((l) => !accepted(l)), rejected: [] };
  });
}

const label = (l: Link) => `${l.src.doc}${l.src.first}-${l.tgt.doc}${l.tgt.first}`;
const exported = (pairs: PairAlignment[]) => pairs.flatMap((p) => p.links.map(label)).sort();
const candidates = (pairs: PairAlignment[]) => pairs.flatMap((p) => p.below.map(label)).sort();

describe('corroborate', () => {
  it('sits between the lower and the higher margin around the aligner threshold', () => {
    expect(CORROBORATED_MIN_MARGIN).toBeLessThan(DEFAULT_MIN_SCORE.mining);
    expect(UNCORROBORATED_MIN_MARGIN).toBeGreaterThan(DEFAULT_MIN_SCORE.mining);
  });

  it('accepts a candidate whose two spans are linked to the same span of a third document', () => {
    const weak = link('A:0', 'B:0', 1.1);
    const result = corroborate(run(link('A:0', 'C:3', 2), link('B:0', 'C:3', 1.9), weak));
    expect(result.promoted).toEqual([weak]);
    expect(exported(result.pairs)).toEqual(['A0-B0', 'A0-C3', 'B0-C3']);
  });

  it('leaves a candidate the third document links to different spans, or one below the lower margin', () => {
    const apart = link('A:0', 'B:0', 1.1); // C 3 and C 4: no confirmation
    const tooWeak = link('A:1', 'B:1', 0.9); // confirmed through C 5, but below 1.0
    const result = corroborate(run(link('A:0', 'C:3', 2), link('B:0', 'C:4', 1.9), apart, link('A:1', 'C:5', 2), link('B:1', 'C:5', 2), tooWeak));
    expect(result.promoted).toEqual([]);
    expect(candidates(result.pairs)).toEqual(['A0-B0', 'A1-B1']);
  });

  it('moves a weak accepted link third documents do not confirm to the candidates, and keeps a strong one', () => {
    // C links A 0 and B 0 to two different sentences; the same holds for A 1 and B 1.
    const weak = link('A:0', 'B:0', 1.38);
    const strong = link('A:1', 'B:1', 1.6);
    const result = corroborate(run(weak, strong, link('A:0', 'C:1', 2), link('B:0', 'C:2', 2), link('A:1', 'C:3', 2), link('B:1', 'C:4', 2)));
    expect(result.demoted).toEqual([weak]);
    expect(exported(result.pairs)).toEqual(['A0-C1', 'A1-B1', 'A1-C3', 'B0-C2', 'B1-C4']);
    expect(candidates(result.pairs)).toEqual(['A0-B0']);
  });

  it('does not hold it against a link that no other document speaks of one of its spans', () => {
    // B 0 is linked to A 0 only (a report's own sentence): the third document had nothing to say.
    const result = corroborate(run(link('A:0', 'B:0', 1.38), link('A:0', 'C:1', 2)));
    expect(result.demoted).toEqual([]);
    expect(exported(result.pairs)).toEqual(['A0-B0', 'A0-C1']);
  });

  it('keeps a weak accepted link that a third document confirms', () => {
    const result = corroborate(run(link('A:0', 'B:0', 1.38), link('A:0', 'C:1', 1.38), link('B:0', 'C:1', 1.38)));
    expect(result.demoted).toEqual([]);
    expect(exported(result.pairs)).toEqual(['A0-B0', 'A0-C1', 'B0-C1']);
  });

  it('does nothing with two documents: there is no third one', () => {
    const pairs = run(link('A:0', 'B:0', 1.38), link('A:1', 'B:1', 1.1));
    const result = corroborate(pairs);
    expect(result.promoted).toEqual([]);
    expect(result.demoted).toEqual([]);
    expect(result.pairs).toEqual(pairs);
  });

  it('never moves confirmed links or ordered links', () => {
    const confirmed: Link = { ...link('A:0', 'B:0', 0.5), status: 'confirmed' };
    const ordered = link('A:1', 'B:1', 1.05, 'ordered');
    const pairs = run(confirmed, link('A:9', 'C:9', 2));
    pairs[0]!.links.push(ordered);
    const result = corroborate(pairs);
    expect(result.demoted).toEqual([]);
    expect(exported(result.pairs)).toEqual(['A0-B0', 'A1-B1', 'A9-C9']);
  });

  it('does not count a third document that is a translation of either side, unless `independent` is false', () => {
    const weak = link('A:0', 'B:0', 1.1);
    const pairs = run(link('A:0', 'C:3', 2), link('B:0', 'C:3', 1.9), weak);
    pairs.find((p) => p.src === 'A' && p.tgt === 'C')!.method = 'ordered';
    expect(corroborate(pairs).promoted).toEqual([]);
    expect(corroborate(pairs, { independent: false }).promoted).toEqual([weak]);
  });

  it('counts third documents, not links', () => {
    const l = link('A:0', 'B:0', 1.5);
    const partners = partnersOf([l, link('A:0', 'C:1', 2), link('B:0', 'C:1', 2), link('A:0', 'D:0', 2), link('B:0', 'D:0', 2), link('B:0', 'E:0', 2)]);
    expect(supportOf(l, partners)).toBe(2);
  });
});

describe('settleLinks', () => {
  it('moves links that contradict the groups to the candidates and keeps those cut differently', () => {
    const contradicts = link('A:1', 'C:0', 1.4); // A 0 and A 1 would share a group through C 0
    const cut = link('B:0', 'C:0-1', 1.6); // same sentences as the group, C cut differently
    const result = settleLinks(run(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.9), link('A:0', 'C:0', 1.8), contradicts, cut), ['A', 'B', 'C']);
    expect(result.conflicts).toEqual([contradicts]);
    expect(exported(result.pairs)).toEqual(['A0-B0', 'A0-C0', 'B0-C0', 'B0-C0']);
    expect(candidates(result.pairs)).toEqual(['A1-C0']);
    expect(result.pairs.find((p) => p.src === 'A' && p.tgt === 'C')!.below[0]!.status).toBe('auto');
  });

  it("keeps a reviewer's confirmed link aligned when the groups cannot take it, and reports it", () => {
    const confirm = (l: Link): Link => ({ ...l, status: 'confirmed' });
    const c = confirm(link('A:1', 'C:0', 1.4));
    const result = settleLinks(run(confirm(link('A:0', 'B:0', 2)), confirm(link('B:0', 'C:0', 1.9)), c), ['A', 'B', 'C']);
    expect(result.conflicts).toEqual([]);
    expect(result.refused.map((r) => r.link)).toEqual([c]);
    expect(exported(result.pairs)).toContain('A1-C0');
  });

  it('keeps rejected links where they are', () => {
    const pairs = run(link('A:0', 'B:0', 2), link('B:0', 'C:0', 1.9));
    const rejected: Link = { ...link('A:0', 'C:0', 1.8), status: 'rejected' };
    pairs.push({ src: 'A', tgt: 'C', method: 'mining', reason: '', links: [], below: [], rejected: [rejected] });
    const result = settleLinks(pairs, ['A', 'B', 'C']);
    expect(result.pairs.find((p) => p.src === 'A' && p.tgt === 'C')!.rejected).toEqual([rejected]);
    expect(result.groups).toHaveLength(1);
  });
});
