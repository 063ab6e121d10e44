import { describe, expect, it } from 'vitest';
import { corpusTmx, glossaryCsv, glossaryTbx, indexCorpus, mergeGlossaries, parallelCsv, sourceOf } from '../../src/batch/combine.ts';
import type { Chunks } from '../../src/export/write.ts';
import { RECORD_VERSION, type EntryRecord, type EventRecord } from '../../src/batch/record.ts';
import { readCsvObjects } from '../export/read-csv.ts';

function entry(id: string, canonical: string, variants: EntryRecord['variants'], mentions: number, type: EntryRecord['type'] = 'person'): EntryRecord {
  return { id, type, canonical, variants, mentions, docs: ['a.txt'], example: { doc: 'a.txt', lang: 'bs', sent: 0, text: `${canonical} je rekao.` }, evidence: 'none' };
}

function event(id: string, glossary: EntryRecord[], groups: EventRecord['groups'] = [], inputs: EventRecord['inputs'] = []): EventRecord {
  const counts = { documents: inputs.length, sentences: 0, links: 0, groups: groups.length, glossaryEntries: glossary.length };
  return { version: RECORD_VERSION, event: id, key: id, status: 'ok', state: {}, inputs, counts, seconds: 0, groups, glossary };
}

describe('the corpus glossary', () => {
  it('joins one entity across events through its canonical key or a shared variant, summing mentions per event', () => {
    const merged = mergeGlossaries([
      event('e1', [entry('e0001', 'Vladimir Putin', { bs: [{ form: 'Putinom', count: 2 }, { form: 'Vladimir Putin', count: 1 }] }, 3)]),
      event('e2', [entry('e0001', 'Putin', { bs: [{ form: 'Putina', count: 4 }], mk: [{ form: 'Путин', count: 1 }] }, 5)]),
      event('e3', [entry('e0001', 'Kim Jong-un', { da: [{ form: 'Kim Jong-un', count: 2 }] }, 2)]),
    ]);
    expect(merged.map((e) => e.canonical)).toEqual(['Putin', 'Kim Jong-un']);
    const putin = merged[0]!;
    expect(putin.mentions).toBe(8);
    expect(putin.perEvent).toEqual([
      { event: 'e2', mentions: 5 },
      { event: 'e1', mentions: 3 },
    ]);
    expect([...putin.variants.get('bs')!.keys()].sort()).toEqual(['Putina', 'Putinom', 'Vladimir Putin']);
    expect(merged.map((e) => e.id)).toEqual(['e0001', 'e0002']);
  });

  it('never joins two entries that one event kept apart, even through a third', () => {
    const merged = mergeGlossaries([
      event('e1', [entry('e0001', 'Kim Jong-un', { bs: [{ form: 'Kim', count: 1 }] }, 1), entry('e0002', 'Kim Yo-jong', { bs: [{ form: 'Kim', count: 1 }] }, 1)]),
      event('e2', [entry('e0001', 'Kim', { bs: [{ form: 'Kim', count: 3 }] }, 3)]),
    ]);
    expect(merged).toHaveLength(2);
    for (const e of merged) expect(e.perEvent.filter((p) => p.event === 'e1')).toHaveLength(1);
  });

  it("puts each language's preferred term first, as most of the entity's mentions had it", async () => {
    const a = event('a', [{ ...entry('e0001', 'Russia', { bs: [{ form: 'Rusije', count: 3 }] }, 3, 'place'), preferred: { bs: 'Rusija' } }]);
    const b = event('b', [{ ...entry('e0001', 'Russia', { bs: [{ form: 'Rusiju', count: 1 }, { form: 'Rusija', count: 1 }] }, 2, 'place'), preferred: { bs: 'Rusija' } }]);
    const source = sourceOf([a, b]);
    const rows = readCsvObjects(glossaryCsv(await indexCorpus(source)));
    expect(rows[0]!.bs).toBe('Rusija | Rusije | Rusiju');
  });

  it('gives an English canonical an en-US term of its own in the combined glossary.tbx, and the languages their locales', async () => {
    const russia = { ...entry('e0001', 'Russia', { bs: [{ form: 'Rusija', count: 2 }] }, 2, 'place'), canonicalLang: 'en' as const };
    const source = sourceOf([event('a', [russia]), event('b', [{ ...russia, variants: { da: [{ form: 'Rusland', count: 1 }] } }])]);
    const tbx = await text(glossaryTbx(await indexCorpus(source), 2, '0'));
    expect([...tbx.matchAll(/<langSet xml:lang="([^"]+)">/g)].map((m) => m[1])).toEqual(['en-US', 'bs-BA', 'da-DK']);
    expect(tbx).toMatch(/<langSet xml:lang="en-US">\s*<tig>\s*<term>Russia<\/term>/);
  });

  it('does not depend on the order of the events it is given', () => {
    const a = event('a', [entry('e0001', 'Rusija', { bs: [{ form: 'Rusije', count: 2 }] }, 2, 'place')]);
    const b = event('b', [entry('e0001', 'Rusija', { sl: [{ form: 'Rusiji', count: 1 }] }, 1, 'place')]);
    expect(mergeGlossaries([a, b])).toEqual(mergeGlossaries([b, a]));
  });
});

async function text(chunks: Chunks): Promise<string> {
  let out = '';
  for await (const c of chunks()) out += c;
  return out;
}

describe('corpus parallel outputs', () => {
  const groups: EventRecord['groups'] = [
    {
      id: 'g0001',
      score: 0.5,
      status: 'auto',
      members: [
        { doc: 'x.txt', lang: 'da', sent: '0', text: 'En', linked: 2, confidence: 0.91, kind: 'equivalent' },
        { doc: 'y.txt', lang: 'da', sent: '1-2', text: 'To', linked: 1, confidence: null, kind: 'equivalent' },
        { doc: 'z.txt', lang: 'mk', sent: '3', text: 'Три', linked: 1, confidence: null, kind: 'related' },
      ],
      parts: [[0, 1]],
    },
  ];
  const inputs = ['x.txt', 'y.txt', 'z.txt'].map((doc, i) => ({ doc, lang: i < 2 ? 'da' : 'mk', sha256: '', sentences: 3 }));

  it('give a second document of one language its own column', async () => {
    const source = sourceOf([event('ev', [], groups, inputs)]);
    const rows = readCsvObjects(await text(parallelCsv(source, await indexCorpus(source))));
    expect(rows).toEqual([
      {
        id: 'ev/g0001',
        event: 'ev',
        group_id: 'g0001',
        docs: '3',
        score: '0.5',
        da: 'En',
        'da:2': 'To',
        mk: 'Три',
        'da linked': '2',
        'da:2 linked': '1',
        'mk linked': '1',
        'da confidence': '0.91',
        'da:2 confidence': '',
        'mk confidence': '',
        'da kind': 'equivalent',
        'da:2 kind': 'equivalent',
        'mk kind': 'related',
      },
    ]);
  });

  it("has a run's columns in a run's language order: as the events' documents bring the languages, not alphabetical", async () => {
    const later = event('ev2', [], [{ ...groups[0]!, members: [{ ...groups[0]!.members[2]!, doc: 'b.txt', lang: 'sl' }, { ...groups[0]!.members[0]!, doc: 'a.txt', lang: 'bs' }] }], [
      { doc: 'b.txt', lang: 'sl', sha256: '', sentences: 3 },
      { doc: 'a.txt', lang: 'bs', sha256: '', sentences: 3 },
    ]);
    const source = sourceOf([event('ev', [], groups, inputs), later]);
    const header = (await text(parallelCsv(source, await indexCorpus(source)))).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    const langs = ['da', 'da:2', 'mk', 'sl', 'bs'];
    expect(header).toEqual(['id', 'event', 'group_id', 'docs', 'score', ...langs, ...langs.map((l) => `${l} linked`), ...langs.map((l) => `${l} confidence`), ...langs.map((l) => `${l} kind`)]);
  });

  it('name each translation unit by event and group', async () => {
    const tmx = await text(corpusTmx(sourceOf([event('ev', [], groups, inputs)]), '0'));
    expect(tmx).toContain('<tu tuid="ev/g0001">');
    expect(tmx).toContain('<prop type="x-event">ev</prop>');
    expect(tmx).toContain('<prop type="x-sent">1-2</prop>');
    expect(tmx).toContain('<prop type="x-linked">2 of 2</prop>');
  });

  it('hold the parts that equivalent links hold together, or whole groups with related links included', async () => {
    const tmx = await text(corpusTmx(sourceOf([event('ev', [], groups, inputs)]), '0'));
    expect(tmx).not.toContain('Три');
    expect(tmx.match(/<tuv /g)).toHaveLength(2);
    const all = await text(corpusTmx(sourceOf([event('ev', [], groups, inputs)]), '0', 'related'));
    expect(all).toContain('Три');
    expect(all).toContain('<prop type="x-kind">related</prop>');
  });
});
