import { describe, expect, it } from 'vitest';
import { PolyalignError } from '../../src/errors.ts';
import { buildGlossary, resolveGlossaryOptions } from '../../src/glossary/index.ts';
import type { GlossaryEntry } from '../../src/types.ts';
import { seedDocs, seedGroups } from '../fixtures/glossary/docs.ts';

const docs = seedDocs();
const groups = seedGroups(docs);
const entries = buildGlossary(docs, groups);

function entryWith(form: string): GlossaryEntry | undefined {
  return entries.find((e) => Object.values(e.variants).some((v) => v.some((x) => x.form === form)));
}

function forms(entry: GlossaryEntry | undefined): string[] {
  return Object.values(entry?.variants ?? {}).flatMap((v) => v.map((x) => x.form));
}

describe('buildGlossary on the seeds', () => {
  it('gives Kim Jong-un one entry across scripts, full name canonical', () => {
    const kim = entryWith('Ким Џонг Ун');
    expect(kim?.canonical).toBe('Kim Jong-un');
    expect(forms(kim)).toEqual(expect.arrayContaining(['Kim Jong-un', 'Kim Jong Un', 'Kim Jong-una', 'Kimom', 'Kimu', 'Kims', 'Ким']));
    expect(kim?.docs).toHaveLength(5);
  });

  it('gives Putin one entry with his inflected surname', () => {
    const putin = entryWith('Putinom');
    expect(putin?.canonical).toBe('Vladimir Putin');
    expect(forms(putin)).toEqual(expect.arrayContaining(['Putin', 'Putinu', 'Путин', 'Владимир Путин']));
    expect(putin?.variants['mk']?.[0]).toEqual({ form: 'Путин', count: 7 });
  });

  it('links Russia across languages, Rusland through aligned sentences', () => {
    expect(forms(entryWith('Rusije'))).toEqual(expect.arrayContaining(['Rusiju', 'Rusijo', 'Rusia', 'Rusiei', 'Русија', 'Rusland', 'Ruslands']));
  });

  it('keeps words capitalised by position, grammar or layout out', () => {
    for (const form of ['Kasnije', 'Ovo', 'Dette', 'KRIG', 'Deres', 'Udtalelsen', 'Другарот']) expect(entryWith(form)).toBeUndefined();
  });

  it('numbers entries in order of documents, then mentions', () => {
    expect(entries.map((e) => e.id)).toEqual(entries.map((_, i) => `e${String(i + 1).padStart(4, '0')}`));
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1]!, entries[i]!];
      expect(a.docs.length > b.docs.length || (a.docs.length === b.docs.length && a.mentions.length >= b.mentions.length)).toBe(true);
    }
  });

  it('keeps mentions that point into the documents, and an example sentence', () => {
    for (const e of entries) {
      for (const m of e.mentions) {
        const doc = docs.find((d) => d.doc.id === m.doc)!;
        expect(doc.doc.text.slice(m.start, m.end)).toBe(m.form);
        expect(m.lang).toBe(doc.lang.code);
      }
      expect(e.docs).toEqual([...new Set(e.mentions.map((m) => m.doc))].sort());
      expect(e.example.text).toBe(docs.find((d) => d.doc.id === e.example.doc)!.sentences[e.example.sent]!.text);
    }
  });

  it('is deterministic: same input, same entries and ids, whatever the group order', () => {
    expect(buildGlossary(docs, groups)).toEqual(entries);
    expect(buildGlossary(docs, [...groups].reverse())).toEqual(entries);
  });

  it('honours minMentions', () => {
    const frequent = buildGlossary(docs, groups, { minMentions: 5 });
    expect(frequent.length).toBeLessThan(entries.length);
    expect(frequent.every((e) => e.mentions.length >= 5)).toBe(true);
    expect(frequent[0]!.id).toBe('e0001');
  });
});

describe('resolveGlossaryOptions', () => {
  it('fills in defaults', () => {
    expect(resolveGlossaryOptions()).toMatchObject({ minSupport: 2, minSupportSimilar: 1, joinParts: true, minMentions: 1 });
  });

  it('rejects bad values with a usage error', () => {
    for (const bad of [{ minSupport: 0 }, { minMentions: 1.5 }, { headlineRatio: 2 }, { minAssociation: -1 }]) {
      expect(() => resolveGlossaryOptions(bad)).toThrow(PolyalignError);
    }
    try {
      resolveGlossaryOptions({ minSupport: 0 });
    } catch (error) {
      expect((error as PolyalignError).code).toBe('usage.invalid-option');
    }
  });
});
