// The "done when" on the five seed articles, through the real pipeline (ingest,
// segmentation, the lexical embedder, alignment, groups): one entry per entity with every form
// each language uses, a type from evidence, no sentence-initial common word as an entry, and
// an example sentence that shows the entry.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from '../../src/embed/lexical.ts';
import { loadDocuments } from '../../src/ingest/index.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { tokenise } from '../../src/glossary/tokens.ts';
import { glossaryTbx } from '../../src/export/tbx.ts';
import type { EntityType, GlossaryEntry, RunResult } from '../../src/types.ts';
import { parseDtd, validate } from '../export/dtd.ts';
import { XMLParser } from 'fast-xml-parser';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

// Every form the articles' kept sentences use, per language (bs 000, sl 001, ro 002, mk 003, da 004).
const EXPECTED: Array<{ name: string; type: EntityType; forms: Record<string, string[]> }> = [
  {
    name: 'Vladimir Putin',
    type: 'person',
    forms: {
      bs: ['Vladimir Putin', 'Putin', 'Putinom'],
      sl: ['Vladimir Putin', 'Putin', 'Putinu', 'Putinom'],
      ro: ['Vladimir Putin', 'Putin'],
      mk: ['Владимир Путин', 'Путин'],
      da: ['Vladimir Putin', 'Putin'],
    },
  },
  {
    name: 'Kim Jong-un',
    type: 'person',
    forms: {
      bs: ['Kim Jong-una', 'Kim', 'Kimom', 'Kimovu', 'Kima'],
      sl: ['Kim Jong-un', 'Kim', 'Kimu', 'Kimom', 'Kima', 'Kimova'],
      ro: ['Kim Jong Un', 'Kim'],
      mk: ['Ким Џонг Ун', 'Ким'],
      da: ['Kim Jong-un', 'Kim', 'Kims'],
    },
  },
  { name: 'Xi Jinping', type: 'person', forms: { sl: ['Xi Jinping'], mk: ['Си Џинпинг', 'Си'] } },
  // Romanian `Phenian` and Slovene `Kitajskem` share no spelling with the others: the exonym table joins them.
  { name: 'Pyongyang', type: 'place', forms: { bs: ['Pjongjang'], sl: ['Pjongjangom'], ro: ['Phenian', 'Phenianul'], da: ['Pyongyang'] } },
  { name: 'China', type: 'place', forms: { sl: ['Kitajskem'], ro: ['China'], da: ['Kinas'] } },
  { name: 'Beijing', type: 'place', forms: { bs: ['Pekingu'], sl: ['Pekingu'], ro: ['Beijing'], mk: ['Пекинг'], da: ['Beijing'] } },
  { name: 'Kursk', type: 'place', forms: { bs: ['Kursku', 'Kurske'], sl: ['Kursk'], ro: ['Kursk'], da: ['Kursk'] } },
  { name: 'Moscow', type: 'place', forms: { bs: ['Moskvom'], sl: ['Moskvo'], mk: ['Москва'], da: ['Moskva'] } },
  {
    name: 'Ukraine',
    type: 'place',
    forms: { bs: ['Ukrajini'], sl: ['Ukrajino', 'Ukrajini'], ro: ['Ucraina'], mk: ['Украина'], da: ['Ukraine'] },
  },
  {
    name: 'Russia',
    type: 'place',
    forms: {
      bs: ['Rusije', 'Rusiju'],
      sl: ['Rusija', 'Rusijo', 'Rusiji', 'Rusije'],
      ro: ['Rusia', 'Rusiei'],
      mk: ['Русија'],
      da: ['Rusland', 'Ruslands'],
    },
  },
  {
    name: 'North Korea',
    type: 'place',
    forms: {
      bs: ['Sjeverne Koreje'],
      sl: ['Severna Koreja', 'Severno Korejo'],
      ro: ['Coreea de Nord', 'Republicii Populare Democrate Coreene'],
      mk: ['Северна Кореја'],
      da: ['Nordkorea'],
    },
  },
  { name: 'South Korea', type: 'place', forms: { bs: ['Južne Koreje'], ro: ['Coreei de Sud'], mk: ['Јужна Кореја'], da: ['Sydkorea'] } },
  { name: 'Japan', type: 'place', forms: { sl: ['Japonske'], ro: ['Japoniei'], mk: ['Јапонија'] } },
  { name: 'KCNA', type: 'organisation', forms: { mk: ['КЦНА', 'KCNA'] } },
  // Capitals and regions of the table of names are places; its events are `other`.
  { name: 'Kyiv', type: 'place', forms: { bs: ['Kijeva'], da: ['Kiev'] } },
  { name: 'Far East', type: 'place', forms: { bs: ['Daleki istok', 'Dalekom istoku'] } },
  { name: 'World War II', type: 'other', forms: { ro: ['al Doilea Război Mondial'], mk: ['Втората светска војна'] } },
  { name: 'Cold War', type: 'other', forms: { mk: ['Студената војна'] } },
  { name: 'Victory Day', type: 'other', forms: { bs: ['Dana pobjede'], da: ['Victory Day'] } },
];

let result: RunResult;

beforeAll(async () => {
  const documents = await loadDocuments([SEEDS]);
  result = await runPipeline(documents, { embedder: async (corpus) => createLexicalEmbedder({ corpus }), now: () => new Date(0) });
}, 60_000);

function entriesWith(form: string): GlossaryEntry[] {
  return result.glossary.filter((e) => Object.values(e.variants).some((v) => v.some((x) => x.form === form)));
}

function formsByLang(entry: GlossaryEntry): Record<string, string[]> {
  return Object.fromEntries(Object.entries(entry.variants).map(([lang, v]) => [lang, v.map((x) => x.form).sort()]));
}

describe('the glossary of the seed articles', () => {
  for (const expected of EXPECTED) {
    it(`has one ${expected.type} entry for ${expected.name} with every form of every language`, () => {
      const all = Object.values(expected.forms).flat();
      const entries = new Set(all.flatMap(entriesWith));
      expect([...entries].map((e) => e.canonical)).toHaveLength(1);
      const entry = [...entries][0]!;
      const sorted = Object.fromEntries(Object.entries(expected.forms).map(([lang, forms]) => [lang, [...forms].sort()]));
      expect(formsByLang(entry)).toMatchObject(sorted);
      expect(entry.type).toBe(expected.type);
    });
  }

  it('has canonical forms that are not inflected where a base form exists: the English name of a well-known place, else a Latin base form', () => {
    const canonical = (form: string): string => entriesWith(form)[0]!.canonical;
    expect(canonical('Ukrajini')).toBe('Ukraine');
    expect(canonical('Moskvom')).toBe('Moscow');
    expect(canonical('Japoniei')).toBe('Japan');
    expect(canonical('Južne Koreje')).toBe('South Korea');
    expect(canonical('Pjongjang')).toBe('Pyongyang');
    expect(canonical('КЦНА')).toBe('KCNA');
    expect(canonical('Kim Jong-una')).toBe('Kim Jong-un');
    expect(canonical('Putinom')).toBe('Vladimir Putin');
    // Regions and events have their English names too, never a fragment or a Macedonian definite form.
    expect(canonical('Kijeva')).toBe('Kyiv');
    expect(canonical('Dalekom istoku')).toBe('Far East');
    expect(canonical('al Doilea Război Mondial')).toBe('World War II');
    expect(canonical('Втората светска војна')).toBe('World War II');
    expect(canonical('Студената војна')).toBe('Cold War');
    expect(canonical('Dana pobjede')).toBe('Victory Day');
  });

  it('lists whole names only: no Danish compound, no fragment of a Romanian ordinal name', () => {
    const forms = result.glossary.flatMap((e) => Object.values(e.variants).flatMap((v) => v.map((x) => x.form)));
    expect(forms.filter((f) => /-(?:krig|region)/u.test(f))).toEqual([]);
    // Real hyphenated names stay whole.
    expect(forms).toEqual(expect.arrayContaining(['Kim Jong-un', 'Kim Jong-una', 'Lee Seong-kweun']));
    expect(forms).not.toContain('Doilea Război Mondial');
    expect(result.glossary.map((e) => e.canonical)).not.toContain('Doilea Război Mondial');
  });

  it("prefers in each language its base form: from the table of place names, the text, or the rules' cut of an inflected form", () => {
    const preferred = (form: string, lang: string) => entriesWith(form)[0]!.preferred![lang];
    expect(preferred('Rusije', 'bs')).toEqual({ form: 'Rusija', source: 'table' }); // the text has only Rusije, Rusiju
    expect(preferred('Ruslands', 'da')).toEqual({ form: 'Rusland', source: 'table' });
    expect(preferred('Moskvom', 'bs')).toEqual({ form: 'Moskva', source: 'table' });
    expect(preferred('Kim Jong-una', 'bs')).toEqual({ form: 'Kim Jong-un', source: 'rule' }); // not the genitive Kim Jong-una
    expect(preferred('Kimu', 'sl')).toEqual({ form: 'Kim Jong-un', source: 'text' });
    expect(preferred('Kursku', 'bs')).toEqual({ form: 'Kursk', source: 'rule' });
    expect(preferred('Putinom', 'bs')).toEqual({ form: 'Vladimir Putin', source: 'text' });
    expect(preferred('Dana pobjede', 'bs')).toEqual({ form: 'Dan pobjede', source: 'table' }); // not the genitive
    expect(preferred('Втората светска војна', 'mk')).toEqual({ form: 'Втора светска војна', source: 'table' });
    expect(preferred('Ukraine', 'da')).toEqual({ form: 'Ukraine', source: 'table' });
    // no preferred term, and no canonical form, is one of the inflected forms the seeds use
    const inflected = new Set([
      'Rusije', 'Rusiju', 'Rusijo', 'Rusiji', 'Rusiei', 'Ruslands', 'Putinom', 'Putinu', 'Kimom', 'Kima', 'Kimu', 'Kim Jong-una', 'Moskvom', 'Moskvo',
      'Pekingu', 'Ukrajini', 'Ukrajino', 'Kursku', 'Kurske', 'Japoniei', 'Japonske', 'Phenianul', 'Pjongjangom', 'Kijeva', 'Sjeverne Koreje',
      'Južne Koreje', 'Severno Korejo', 'Coreei de Sud', 'Kitajskem', 'Dana pobjede', 'Dalekom istoku', 'Vtorata svetska vojna', 'Studenata vojna',
    ]);
    for (const e of result.glossary) {
      expect(inflected.has(e.canonical), e.canonical).toBe(false);
      for (const [lang, p] of Object.entries(e.preferred ?? {})) expect(inflected.has(p.form), `${e.canonical} (${lang}): ${p.form}`).toBe(false);
    }
  });

  it('has no entry named by a sentence-initial common word', () => {
    for (const word of ['Ovo', 'Kasnije', 'Ranije', 'Prema', 'Dette', 'Udtalelsen', 'Foto', 'Într-o', 'Efterfølgende', 'KRIG', 'Другарот']) {
      expect(entriesWith(word)).toEqual([]);
    }
    // In general: a one-word entry that opens sentences is also capitalised where nothing forces a capital.
    const midSentence = new Set<string>();
    const initial = new Set<string>();
    for (const d of result.documents) {
      for (const s of d.sentences) {
        for (const t of tokenise(s.text)) if (t.capitalised) (t.initial ? initial : midSentence).add(t.text);
      }
    }
    let checked = 0;
    for (const e of result.glossary) {
      const forms = Object.values(e.variants).flat().map((v) => v.form);
      if (forms.some((f) => /\s/.test(f)) || !forms.some((f) => initial.has(f))) continue;
      checked++;
      expect(forms.some((f) => midSentence.has(f)), `${e.canonical} (${e.id})`).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('gives every entry an example sentence that holds one of its variants', () => {
    for (const e of result.glossary) {
      const forms = Object.values(e.variants).flat().map((v) => v.form);
      expect(forms.some((f) => e.example.text.includes(f)), `${e.id} ${e.canonical}`).toBe(true);
    }
  });

  it('keeps multi-word names whose later words are lower case whole', () => {
    expect(entriesWith('Dalekom istoku')[0]?.variants['bs']?.map((v) => v.form).sort()).toEqual(['Daleki istok', 'Dalekom istoku']);
    expect(entriesWith('Dana pobjede')).toHaveLength(1);
    expect(entriesWith('Втората светска војна')).toHaveLength(1);
    expect(entriesWith('Dana')).toEqual([]);
  });

  it('exports a glossary.tbx that follows the TBX core structure, with the type and its evidence on every entry', () => {
    const xml = glossaryTbx(result);
    const dtd = parseDtd(new URL('../../schemas/tbx-basic.dtd', import.meta.url).pathname);
    expect(validate(xml, dtd, 'martif')).toEqual([]);
    const body = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['termEntry', 'note'].includes(n) }).parse(xml).martif.text.body;
    const termEntries = body.termEntry as Array<{ id: string; note: string[] }>;
    expect(termEntries).toHaveLength(result.glossary.length);
    const putin = termEntries.find((e) => e.note[0] === 'canonical: Vladimir Putin')!;
    expect(putin.note[1]).toMatch(/^person; /);
    expect(putin.note[2]).toMatch(/^type evidence: person: .*role "predsjednik"/);
    const beijing = termEntries.find((e) => e.note[0] === 'canonical: Beijing')!;
    expect(beijing.note[2]).toMatch(/^type evidence: place: .*preposition "u" .*\(bs\)/);
  });

  // Romanian `Phenian` shares no spelling with Pjongjang/Pyongyang and stands in no aligned
  // sentence beside them: only the exonym table links it.
  it('links Romanian Phenian to Pyongyang', () => {
    expect(entriesWith('Phenian').map((e) => e.canonical)).toEqual(['Pyongyang']);
    expect(entriesWith('Phenianul')).toEqual(entriesWith('Pjongjang'));
  });
});
