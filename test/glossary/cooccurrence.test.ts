import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { Clusters } from '../../src/glossary/clusters.ts';
import { indexSentences, mergeByCooccurrence } from '../../src/glossary/cooccurrence.ts';
import type { CooccurrenceOptions } from '../../src/glossary/cooccurrence.ts';
import type { Group, Segmented } from '../../src/types.ts';
import { makeDoc, makeGroup } from '../fixtures/glossary/docs.ts';

const DEFAULTS: CooccurrenceOptions = { minSupport: 2, minSupportSimilar: 1, minAssociation: 0.2 };

function run(docs: Segmented[], groups: Group[], options = DEFAULTS): { clusters: Clusters; merges: number } {
  const clusters = new Clusters(extractCandidates(docs));
  const merges = mergeByCooccurrence(clusters, indexSentences(clusters), groups, options);
  return { clusters, merges };
}

function together(clusters: Clusters, a: string, b: string): boolean {
  const find = (key: string): number => clusters.find(clusters.nodes.findIndex((n) => n.key === key));
  return find(a) === find(b);
}

describe('mergeByCooccurrence', () => {
  const bs = makeDoc('bs.txt', 'bs', [
    'Putin je rekao da su veze Rusije i Kine dobre.',
    'Kim je otputovao u Rusiju, rekao je Putin.',
    'Putin je posjetio Rusiju.',
  ]);
  const da = makeDoc('da.txt', 'da', [
    'Putin sagde, at forbindelserne mellem Rusland og Kina er gode.',
    'Kim rejste til Rusland, sagde Putin.',
    'Putin besøgte Rusland.',
  ]);

  it('pairs the one name left over on each side, after two groups', () => {
    expect(together(run([bs, da], [makeGroup('g1', [['bs.txt', 1], ['da.txt', 1]])]).clusters, 'rusij', 'rusland')).toBe(false);
    const { clusters, merges } = run([bs, da], [makeGroup('g1', [['bs.txt', 1], ['da.txt', 1]]), makeGroup('g2', [['bs.txt', 2], ['da.txt', 2]])]);
    expect(merges).toBe(1);
    expect(together(clusters, 'rusij', 'rusland')).toBe(true);
  });

  it('pairs nothing where two names are left over on each side', () => {
    const { merges } = run([bs, da], [makeGroup('g0', [['bs.txt', 0], ['da.txt', 0]]), makeGroup('g0b', [['bs.txt', 0], ['da.txt', 0]])]);
    expect(merges).toBe(0);
  });

  it('keeps a frequent name away from a rare one left over beside it by chance', () => {
    const n = 20;
    const a = makeDoc('a.txt', 'bs', ['Guverner je rekao da je Tampa spremna.', 'Guverner je rekao da Tampa čeka.']);
    const c = makeDoc('c.txt', 'bs', Array.from({ length: n - 2 }, (_, i) => `Guverner je rekao da je Trump spreman ${i}.`));
    const b = makeDoc('b.txt', 'da', Array.from({ length: n }, (_, i) => `Guvernøren sagde, at Trump er klar ${i}.`));
    const groups = [
      ...Array.from({ length: 2 }, (_, i) => makeGroup(`t${i}`, [['a.txt', i], ['b.txt', i]])),
      ...Array.from({ length: n - 2 }, (_, i) => makeGroup(`g${i}`, [['c.txt', i], ['b.txt', i + 2]])),
    ];
    // Dice: 2 × 2 shared groups / (2 + 20) = 0.18, below the default 0.2.
    expect(together(run([a, b, c], groups).clusters, 'tamp', 'trump')).toBe(false);
    expect(together(run([a, b, c], groups, { ...DEFAULTS, minAssociation: 0 }).clusters, 'tamp', 'trump')).toBe(true);
  });

  it('counts a group once, however many document pairs in it agree', () => {
    const ro = makeDoc('ro.txt', 'ro', ['Putin a spus că relațiile cu Rusia sunt bune.', 'Kim a călătorit în Rusia, a spus Putin.', 'Putin a vizitat Rusia.']);
    const one = [makeGroup('g1', [['bs.txt', 1], ['da.txt', 1], ['ro.txt', 1]])];
    expect(together(run([bs, da, ro], one).clusters, 'rusi', 'rusland')).toBe(false);
  });

  it('pairs two event names of one kind in one group, whatever else is left over, and never a day with a war', () => {
    const bsEvents = makeDoc('bs.txt', 'bs', ['Vojna parada je bila povodom Dana pobjede u gradu Kini, rekao je Ivan Horvat.']);
    const daDay = makeDoc('da.txt', 'da', ['Militærparaden til “Victory Day” var i Kinas hovedstad, sagde Hans Jensen.']);
    const daWar = makeDoc('da.txt', 'da', ['Militærparaden efter “World War” var i Kinas hovedstad, sagde Hans Jensen.']);
    const group = [makeGroup('g1', [['bs.txt', 0], ['da.txt', 0]])];
    const day = run([bsEvents, daDay], group).clusters;
    const key = (clusters: Clusters, form: string): string => clusters.nodes.find((n) => n.members.some((m) => clusters.candidates[m]!.form === form))!.key;
    expect(together(day, key(day, 'Dana pobjede'), key(day, 'Victory Day'))).toBe(true);
    const war = run([bsEvents, daWar], group).clusters;
    expect(together(war, key(war, 'Dana pobjede'), key(war, 'World War'))).toBe(false);
  });
});
