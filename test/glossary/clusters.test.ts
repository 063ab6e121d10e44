import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { Clusters } from '../../src/glossary/clusters.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const docs = [
  makeDoc('a.txt', 'bs', ['Putin je rekao da su veze između Rusije i Sjeverne Koreje dobre.', 'Razgovor s Putinom trajao je dugo.']),
  makeDoc('b.txt', 'da', ['Putin tilføjede, at relationerne mellem Rusland og Nordkorea var gode.']),
];
const candidates = extractCandidates(docs);
const nodeOf = (key: string, clusters: Clusters): number => clusters.nodes.findIndex((n) => n.key === key);

describe('Clusters', () => {
  it('starts with one node per key', () => {
    const clusters = new Clusters(candidates);
    expect(clusters.nodes.map((n) => n.key)).toEqual(['putin', 'rusij', 'sjevern korej', 'rusland', 'nordkorea']);
    expect(clusters.nodes[0]!.members).toHaveLength(3);
    expect(clusters.nodes[2]!.multi).toBe(true);
    expect(clusters.nodes[2]!.ends).toEqual(['sjevern', 'kore']);
  });

  it('keeps the lower node as root, whatever the order of union', () => {
    const clusters = new Clusters(candidates);
    const rusland = nodeOf('rusland', clusters);
    const rusij = nodeOf('rusij', clusters);
    expect(clusters.union(rusland, rusij)).toBe(rusij);
    expect(clusters.find(rusland)).toBe(rusij);
    expect(clusters.roots()).toHaveLength(4);
  });

  it('knows which clusters share a sentence or a document', () => {
    const clusters = new Clusters(candidates);
    const rusij = nodeOf('rusij', clusters);
    const korea = nodeOf('sjevern korej', clusters);
    const rusland = nodeOf('rusland', clusters);
    expect(clusters.shareSentence(rusij, korea)).toBe(true);
    expect(clusters.shareSentence(rusij, rusland)).toBe(false);
    expect(clusters.shareDocument(rusij, rusland)).toBe(false);
    clusters.union(rusij, rusland);
    expect(clusters.shareSentence(rusland, nodeOf('nordkorea', clusters))).toBe(true);
    expect([...clusters.documentsOf(rusland)].sort()).toEqual([0, 1]);
  });

  it('lists members of every cluster in candidate order', () => {
    const clusters = new Clusters(candidates);
    clusters.union(nodeOf('rusland', clusters), nodeOf('rusij', clusters));
    const members = clusters.members();
    expect(members.flat().sort((a, b) => a - b)).toEqual(candidates.map((_, i) => i));
    for (const m of members) expect(m).toEqual([...m].sort((a, b) => a - b));
  });
});
