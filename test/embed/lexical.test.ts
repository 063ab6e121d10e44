import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNames, extractFeatures, normaliseNumber, phonetic } from '../../src/embed/lexical-features.ts';
import { acronym, concept } from '../../src/embed/lexical-lexicon.ts';
import { createLexicalEmbedder, DEFAULT_LEXICAL_DIM, fnv1a } from '../../src/embed/lexical.ts';
import { dot } from '../../src/embed/vectors.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');

/** Crude sentences: lines, then `. ` (enough for 000, 002 and 004). */
function seedSentences(): string[][] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(join(SEEDS, f), 'utf8')
        .split(/\n|(?<=\.) /)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    );
}

function nearest(query: Float32Array, candidates: Float32Array[]): number {
  let best = -1;
  let bestScore = -Infinity;
  candidates.forEach((c, i) => {
    const s = dot(query, c);
    if (s > bestScore) [best, bestScore] = [i, s];
  });
  return best;
}

const names = (text: string, corpus = [text]) => [...extractFeatures(text, undefined, collectNames(corpus)).name.keys()];
const numbers = (text: string) => [...extractFeatures(text).number.keys()];

describe('createLexicalEmbedder on the seed articles', () => {
  it('finds the quoted sentence of 000 in the Danish 004 and the Romanian 002', async () => {
    const docs = seedSentences();
    const embedder = createLexicalEmbedder({ corpus: docs.flat() });
    const [bs, , ro, , da] = await Promise.all(docs.map((d) => embedder.embed(d)));
    const query = docs[0]!.findIndex((s) => s.startsWith('"Na vašu inicijativu, kao što je dobro poznato'));
    expect(query).toBeGreaterThanOrEqual(0);
    expect(docs[4]![nearest(bs![query]!, da!)]).toMatch(/^“På Deres initiativ deltog Deres specialstyrker/);
    expect(docs[2]![nearest(bs![query]!, ro!)]).toMatch(/^„La inițiativa dumneavoastră/);
  });
});

describe('createLexicalEmbedder', () => {
  const corpus = ['Putin je rekao da je Kim hrabar.', 'Путин рече дека Ким е храбар.', 'Ruslands præsident Putin takkede Kim.', 'Vrijeme je lijepo.'];

  it('returns deterministic unit vectors of the chosen dimension', async () => {
    const a = createLexicalEmbedder({ corpus });
    const b = createLexicalEmbedder({ corpus });
    expect([a.kind, a.dim]).toEqual(['lexical', DEFAULT_LEXICAL_DIM]);
    expect(a.id).toMatch(/^lexical-v1-d1024-idf[0-9a-f]{8}$/);
    const [x, y] = [await a.embed(corpus), await b.embed(corpus)];
    x.forEach((v, i) => {
      expect(v).toHaveLength(1024);
      expect(dot(v, v)).toBeCloseTo(1, 5);
      expect(Array.from(v)).toEqual(Array.from(y[i]!));
    });
    expect(createLexicalEmbedder({ dim: 256 }).id).toBe('lexical-v1-d256-idfbatch');
  });

  it('gives the same text the same vector whatever else is in the batch when a corpus is set', async () => {
    const embedder = createLexicalEmbedder({ corpus });
    const [alone] = await embedder.embed([corpus[1]!]);
    const [, inBatch] = await embedder.embed([corpus[0]!, corpus[1]!]);
    expect(Array.from(alone!)).toEqual(Array.from(inBatch!));
  });

  it('puts a Cyrillic sentence next to its Latin cognate rather than an unrelated one', async () => {
    const embedder = createLexicalEmbedder({ corpus });
    const [bs, mk, , other] = await embedder.embed(corpus);
    expect(dot(mk!, bs!)).toBeGreaterThan(dot(mk!, other!) + 0.2);
  });

  it('lets a shared number decide between otherwise similar sentences', async () => {
    const texts = ['Poginulo je 2.000 ljudi.', 'Poginulo je 3.500 ljudi.', 'Omkring 2,000 mennesker døde.'];
    const embedder = createLexicalEmbedder({ corpus: texts });
    const [bs2000, bs3500, da2000] = await embedder.embed(texts);
    expect(dot(da2000!, bs2000!)).toBeGreaterThan(dot(da2000!, bs3500!) + 0.1);
  });

  it('rejects a dimension that is not a positive integer', () => {
    expect(() => createLexicalEmbedder({ dim: 0 })).toThrow(expect.objectContaining({ code: 'usage.invalid-option' }));
    expect(() => createLexicalEmbedder({ dim: 10.5 })).toThrow(/lexical dimension/);
  });
});

describe('lexical features', () => {
  it('reads numbers as values whatever the separators', () => {
    expect(['2.000', '2,000', '2 000', '2000'].map(normaliseNumber)).toEqual(['2000', '2000', '2000', '2000']);
    expect(['2,5', '2.5', '2,50'].map(normaliseNumber)).toEqual(['2.5', '2.5', '2.5']);
    expect(normaliseNumber('1.234.567')).toBe('1234567');
    expect(numbers('od 2018 2019 i 3. septembra 2025.')).toEqual(['n:2018', 'n:2019', 'n:3', 'n:2025']);
  });

  it('gives inflected and Cyrillic forms of a name one feature', () => {
    const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
    expect(shared(names('sastanak s Putinom'), names('sastanak s Putin'))).toContain('p:puti');
    expect(shared(names('средба со Путин'), names('sastanak s Putinom'))).toContain('p:puti');
    expect(shared(names('u Walesu'), names('у Велсу'))).toEqual(['p:~vls']);
    expect(phonetic('dzonson')).toBe(phonetic('jonson'));
  });

  it('takes a sentence-initial word as a name only when it is capitalised elsewhere', () => {
    expect(names('Vrijeme je lijepo.')).toEqual([]);
    expect(names('Putin je rekao.', ['Putin je rekao.', 'Rekao je Putin.'])).toContain('p:puti');
  });

  it('maps days, months and acronyms across the languages to one concept', () => {
    expect(['utorak', 'torek', 'vtornik', 'marti', 'tirsdag'].map(concept)).toEqual(Array(5).fill('tuesday'));
    expect(['septembra', 'septembrie', 'septemvri', 'rujna'].map(concept)).toEqual(Array(4).fill('september'));
    expect(concept('sad')).toBeUndefined();
    expect(['sad', 'zda', 'sua', 'usa'].map(acronym)).toEqual(Array(4).fill('usa'));
    const concepts = (t: string) => [...extractFeatures(t).concept.keys()];
    expect(concepts('Sad je u SAD-u')).toEqual(['c:usa']);
    expect(concepts('Porasla je za 5 %')).toEqual(['c:percent']);
  });

  it('hashes with FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});
