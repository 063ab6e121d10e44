import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { clusterCandidates, DEFAULT_CLUSTER_OPTIONS } from '../../src/glossary/cluster.ts';
import type { Group, Segmented } from '../../src/types.ts';
import { makeDoc, makeGroup } from '../fixtures/glossary/docs.ts';

/** The clusters as sorted lists of forms, for readable assertions. */
function clusterForms(docs: Segmented[], groups: Group[] = [], options = DEFAULT_CLUSTER_OPTIONS): string[][] {
  const candidates = extractCandidates(docs);
  return clusterCandidates(candidates, groups, options).map((c) => [...new Set(c.map((i) => candidates[i]!.form))].sort());
}

function clusterWith(clusters: string[][], form: string): string[] {
  return clusters.find((c) => c.includes(form)) ?? [];
}

// Real sentences of the seeds, a few per language.
const bs = makeDoc('000.txt', 'bs', [
  'Ruski predsjednik Vladimir Putin u srijedu je izjavio da su se "hrabri" sjevernokorejski vojnici pridružili ratu u Ukrajini na inicijativu svog lidera Kim Jong-una.',
  'Putin je ovo izjavio tokom bilateralnih razgovora s Kimom u državnom pansionu Diaoyutai nakon što je prisustvovao kineskoj vojnoj paradi povodom Dana pobjede u Pekingu.',
  'Kasnije u septembru 2023. godine, Kim je ponovo otputovao na Daleki istok Rusije na drugi samit s Putinom, koji je prošle godine u junu drugi put posjetio Pjongjang.',
  'Kasnije je Pjongjang rasporedio hiljade vojnika u Rusiju u ratu u Ukrajini.',
]);
const sl = makeDoc('001.txt', 'sl', [
  'Ruski predsednik Vladimir Putin in severnokorejski voditelj Kim Jong-un sta se med obiskom v Pekingu sešla še na dvostranskih pogovorih.',
  'Kim se je Putinu zahvalil za vse pohvale na račun severnokorejskih vojakov.',
]);
const ro = makeDoc('002.txt', 'ro', [
  'Președintele rus Vladimir Putin i-a mulțumit miercuri lui Kim Jong Un pentru curajul soldaților nord-coreeni.',
  'Phenianul a recunoscut doar că a trimis soldați în Rusia în aprilie.',
  'Liderul de la Phenian a spus că este dispus să ajute Rusia, scrie Reuters.',
]);
const mk = makeDoc('003.txt', 'mk', [
  'Севернокорејскиот лидер Ким Џонг Ун изјави дека рускиот претседател Владимир Путин ги нарече врските „специјални“.',
  'Ким и Путин се сретнаа во среда во Пекинг.',
]);
const da = makeDoc('004.txt', 'da', [
  'Ruslands præsident Vladimir Putin sagde onsdag, at soldater deltog i Ukraine-krigen på initiativ af deres leder Kim Jong-un.',
  'Efterfølgende indsatte Pyongyang tusindvis af tropper i Ukraine-krigen.',
  'Senere i september 2023 rejste Kim igen til Rusland til et andet topmøde med Putin, som selv foretog sit andet besøg i Pyongyang.',
]);
const docs = [bs, sl, ro, mk, da];

describe('clusterCandidates', () => {
  it('puts Kim Jong-un, Kim Jong Un and Ким Џонг Ун in one entity, with the surname', () => {
    const kim = clusterWith(clusterForms(docs), 'Ким Џонг Ун');
    expect(kim).toEqual(expect.arrayContaining(['Kim Jong-un', 'Kim Jong-una', 'Kim Jong Un', 'Ким Џонг Ун', 'Kim', 'Kimom', 'Ким']));
  });

  it('lands Putinom, Putinu and Путин with Putin and Vladimir Putin', () => {
    const putin = clusterWith(clusterForms(docs), 'Putin');
    expect(putin).toEqual(expect.arrayContaining(['Putin', 'Putinom', 'Putinu', 'Путин', 'Vladimir Putin', 'Владимир Путин']));
    expect(putin).not.toContain('Kim');
  });

  it('keeps surnames apart from full names when asked to', () => {
    const clusters = clusterForms(docs, [], { ...DEFAULT_CLUSTER_OPTIONS, joinParts: false });
    expect(clusterWith(clusters, 'Putinom')).not.toContain('Vladimir Putin');
    expect(clusterWith(clusters, 'Putinom')).toEqual(expect.arrayContaining(['Putin', 'Putinu', 'Путин']));
  });

  it('merges spellings with the same skeleton without any alignment', () => {
    const clusters = clusterForms(docs);
    expect(clusterWith(clusters, 'Pjongjang')).toEqual(expect.arrayContaining(['Pjongjang', 'Pyongyang']));
    expect(clusterWith(clusters, 'Ukraine')).toEqual(expect.arrayContaining(['Ukrajini', 'Ukraine']));
  });

  // Two aligned sentence triples: in each, the bs and ro sentences share every name but
  // Lviv / Liovul. (Not Pjongjang / Phenianul: the exonym table joins those without alignment.)
  const pbs = makeDoc('p-bs.txt', 'bs', [
    'Kasnije je Lviv primio hiljade izbjeglica s istoka Ukrajine.',
    'Prema tome, Lviv je primio oko 2.000 ljudi iz Kijeva.',
  ]);
  const pro = makeDoc('p-ro.txt', 'ro', [
    'Ulterior, Liovul a primit mii de refugiați din estul Ucrainei.',
    'Astfel, Liovul a primit circa 2.000 de oameni din Kiev.',
    'Primarul de la Liov a spus că este dispus să ajute Kievul.',
  ]);
  const pda = makeDoc('p-da.txt', 'da', [
    'Efterfølgende modtog Lviv tusindvis af flygtninge fra det østlige Ukraine.',
    'Derfor har Lviv modtaget omkring 2.000 mennesker fra Kiev.',
  ]);
  const pdocs = [pbs, pro, pda];
  const g1 = makeGroup('g1', [['p-bs.txt', 0], ['p-ro.txt', 0], ['p-da.txt', 0]]);
  const g2 = makeGroup('g2', [['p-bs.txt', 1], ['p-ro.txt', 1], ['p-da.txt', 1]]);

  it('does not merge Liov with Lviv without evidence from aligned sentences', () => {
    expect(clusterWith(clusterForms(pdocs), 'Liovul')).toEqual(['Liov', 'Liovul']);
  });

  it('merges Lviv and Liov when aligned groups pair them', () => {
    expect(clusterWith(clusterForms(pdocs, [g1, g2]), 'Liovul')).toEqual(['Liov', 'Liovul', 'Lviv']);
  });

  it('needs more than one aligned group for names that do not look alike', () => {
    expect(clusterWith(clusterForms(pdocs, [g1]), 'Liovul')).not.toContain('Lviv');
    const lenient = { ...DEFAULT_CLUSTER_OPTIONS, minSupport: 1 };
    expect(clusterWith(clusterForms(pdocs, [g1], lenient), 'Liovul')).toContain('Lviv');
  });

  it('merges loosely similar names in one aligned group (Kremlju / Kremlin)', () => {
    const kbs = makeDoc('k-bs.txt', 'bs', ['Ranije se Kim jučer poslijepodne sastao s Putinom u Kremlju.']);
    const kro = makeDoc('k-ro.txt', 'ro', ['Anterior, Kim s-a întâlnit ieri după-amiază cu Putin la Kremlin.']);
    expect(clusterWith(clusterForms([kbs, kro]), 'Kremlin')).not.toContain('Kremlju');
    const group = [makeGroup('g1', [['k-bs.txt', 0], ['k-ro.txt', 0]])];
    expect(clusterWith(clusterForms([kbs, kro], group), 'Kremlin')).toEqual(['Kremlin', 'Kremlju']);
  });

  it('never merges two names that stand side by side in one sentence', () => {
    const a = makeDoc('a.txt', 'bs', ['Rusija i Ukrajina su potpisale sporazum.', 'Rusija i Ukrajina su razgovarale.']);
    const b = makeDoc('b.txt', 'da', ['Rusland og Ukraine underskrev en aftale.', 'Rusland og Ukraine talte sammen.']);
    const groups = [makeGroup('g1', [['a.txt', 0], ['b.txt', 0]]), makeGroup('g2', [['a.txt', 1], ['b.txt', 1]])];
    const clusters = clusterForms([a, b], groups);
    expect(clusterWith(clusters, 'Rusija')).not.toContain('Ukrajina');
    expect(clusterWith(clusters, 'Rusland')).not.toContain('Ukraine');
  });

  it('is deterministic and does not depend on the order of the groups', () => {
    const groups = [g1, g2];
    const candidates = extractCandidates(pdocs);
    const first = clusterCandidates(candidates, groups);
    expect(clusterCandidates(candidates, groups)).toEqual(first);
    expect(clusterCandidates(candidates, [...groups].reverse())).toEqual(first);
  });
});
