import { describe, expect, it } from 'vitest';
import { coverageWarnings, languageCoverage } from '../../src/pipeline.ts';
import type { Link, PairAlignment, Segmented } from '../../src/types.ts';

const doc = (id: string, code: string) => ({ doc: { id }, lang: { code }, sentences: [] }) as unknown as Segmented;
const links = (n: number, kind: Link['kind']) => Array.from({ length: n }, () => ({ kind }) as Link);
const pair = (src: string, tgt: string, equivalent: number, below: number, related = 0) =>
  ({ src, tgt, links: [...links(equivalent, 'equivalent'), ...links(related, 'related')], below: links(below, 'related') }) as unknown as PairAlignment;

describe('coverage said out loud', () => {
  const docs = [doc('a.txt', 'bs'), doc('b.txt', 'sl'), doc('c.txt', 'ro'), doc('d.txt', 'ro')];

  it('counts each language pair its links by kind', () => {
    const pairs = [pair('a.txt', 'b.txt', 3, 0, 1), pair('a.txt', 'c.txt', 2, 1), pair('a.txt', 'd.txt', 0, 0, 2), pair('b.txt', 'c.txt', 0, 2), pair('b.txt', 'd.txt', 0, 1), pair('c.txt', 'd.txt', 0, 0)];
    expect(languageCoverage(docs, pairs).map((c) => [c.langs.join('–'), c.equivalent, c.related, c.below])).toEqual([
      ['bs–ro', 2, 2, 1],
      ['bs–sl', 3, 1, 0],
      ['ro–sl', 0, 0, 3],
    ]);
  });

  it('names each language pair whose documents share no accepted link, with its candidates below the threshold', () => {
    const pairs = [pair('a.txt', 'b.txt', 3, 0), pair('a.txt', 'c.txt', 2, 1), pair('a.txt', 'd.txt', 0, 0), pair('b.txt', 'c.txt', 0, 2), pair('b.txt', 'd.txt', 0, 1), pair('c.txt', 'd.txt', 0, 0)];
    expect(coverageWarnings(languageCoverage(docs, pairs))).toEqual(['no link between ro and sl (b.txt ↔ c.txt, b.txt ↔ d.txt): corpus.ro_sl.tmx holds no unit; 3 candidates below the threshold']);
  });

  it('names a pair with related links only, unless the TMX takes them', () => {
    const pairs = [pair('a.txt', 'b.txt', 1, 0), pair('a.txt', 'c.txt', 0, 0, 2), pair('b.txt', 'd.txt', 1, 0)];
    expect(coverageWarnings(languageCoverage(docs, pairs))).toEqual([
      'no equivalent link between bs and ro (a.txt ↔ c.txt), 2 related: corpus.bs_ro.tmx holds no unit (--tm-include related adds the related ones)',
    ]);
    expect(coverageWarnings(languageCoverage(docs, pairs), 'related')).toEqual([]);
  });

  it('says nothing when every language pair has an equivalent link', () => {
    const pairs = [pair('a.txt', 'b.txt', 1, 0), pair('a.txt', 'c.txt', 1, 0), pair('b.txt', 'd.txt', 1, 0)];
    expect(coverageWarnings(languageCoverage(docs, pairs))).toEqual([]);
  });
});
