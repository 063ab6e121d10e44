import { describe, expect, it } from 'vitest';
import { coverageWarnings } from '../../src/pipeline.ts';
import type { PairAlignment, Segmented } from '../../src/types.ts';

const doc = (id: string, code: string) => ({ doc: { id }, lang: { code }, sentences: [] }) as unknown as Segmented;
const pair = (src: string, tgt: string, links: number, below: number) => ({ src, tgt, links: Array(links).fill({}), below: Array(below).fill({}) }) as unknown as PairAlignment;

describe('coverage said out loud', () => {
  const docs = [doc('a.txt', 'bs'), doc('b.txt', 'sl'), doc('c.txt', 'ro'), doc('d.txt', 'ro')];

  it('names each language pair whose documents share no accepted link, with its candidates below the threshold', () => {
    const pairs = [pair('a.txt', 'b.txt', 3, 0), pair('a.txt', 'c.txt', 2, 1), pair('a.txt', 'd.txt', 0, 0), pair('b.txt', 'c.txt', 0, 2), pair('b.txt', 'd.txt', 0, 1), pair('c.txt', 'd.txt', 0, 0)];
    expect(coverageWarnings(docs, pairs)).toEqual(['no link between ro and sl (b.txt ↔ c.txt, b.txt ↔ d.txt): corpus.ro_sl.tmx holds no unit; 3 candidates below the threshold']);
  });

  it('says nothing when every language pair has a link', () => {
    const pairs = [pair('a.txt', 'b.txt', 1, 0), pair('a.txt', 'c.txt', 1, 0), pair('b.txt', 'd.txt', 1, 0)];
    expect(coverageWarnings(docs, pairs)).toEqual([]);
  });
});
