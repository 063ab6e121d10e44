// Glossary quality on the five seed articles against our own gold annotation
// (test/fixtures/glossary/seeds-gold.json), with three sources of aligned groups: the
// hand-made groups of test/fixtures/glossary/seeds-groups.json, the groups of the real
// pipeline with the lexical embedder, and none. Also the time and size of a glossary of
// all of NTREX-128 in seven languages (one document per article and language, one group
// per line), where no gold exists.
//
//   node --import tsx bench/glossary.ts [--no-ntrex] [--show]
//
// Entity level: an entry is correct when all its mentions fall on mentions of one gold
// entity; a gold entity seen in two documents or more is found when one entry holds its
// mentions from at least two documents, and complete when one entry holds all of them. Mention level: detection P/R (overlap with a gold
// mention), then B-cubed and pairwise clustering P/R/F1 over gold mentions (a gold mention
// the glossary missed counts as a singleton).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { embedderFactory } from './embedders.ts';
import { buildGlossary } from '../src/glossary/index.ts';
import { loadDocuments } from '../src/ingest/index.ts';
import { prepareDocuments, runPipeline } from '../src/pipeline.ts';
import type { Document, GlossaryEntry, Group, Segmented, Sentence } from '../src/types.ts';
import { seedGroups } from '../test/fixtures/glossary/docs.ts';
import { LANGS, loadNtrex } from './ntrex.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'glossary');

interface GoldFile {
  docs: Record<string, string>;
  entities: Array<{ id: string; kind: string; forms: Record<string, string[]> }>;
}

interface GoldMention {
  doc: string;
  start: number;
  end: number;
  entity: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface SeedScores {
  groups: 'hand' | 'pipeline' | 'default' | 'none';
  groupCount: number;
  entries: number;
  entity: PRF & { correct: number; found: number; goldMultiDoc: number; complete: number };
  mentions: PRF & { predicted: number; gold: number };
  bcubed: PRF;
  pairwise: PRF;
  /** Gold entities of two documents or more that no entry brings together. */
  missed: string[];
  /** Entries that mix entities or hold non-entities: canonical and the gold ids of their mentions. */
  impure: string[];
  /** Pure entries whose type is the gold kind's (an event is `other`), of the pure entries. */
  types: { right: number; of: number; wrong: string[] };
  /** Matched mentions whose span is the gold mention's exactly (whole names, no fragment, no compound), of the matched mentions. */
  whole: { exact: number; of: number; partial: string[] };
}

export interface GlossaryBenchResult {
  seeds: SeedScores[];
  /** Gold forms not found in the sentences (outside the kept text, or a typo in the gold). */
  goldFormsNotFound: string[];
  ntrex?: {
    docs: number;
    sentences: number;
    groups: number;
    entries: number;
    multiLanguageEntries: number;
    types: Record<string, number>;
    ms: number;
    /** 20 entries evenly spaced through the glossary's order, for a human to check; not enumerable (see below). */
    sample: string[];
  };
}

/** Entries of the NTREX glossary printed for a human to check: evenly spaced, so the same ones every run. */
const NTREX_SAMPLE = 20;

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  return { precision, recall, f1: f1(precision, recall) };
}

function docByPrefix(docs: Segmented[], prefix: string): Segmented {
  const d = docs.find((x) => x.doc.id.startsWith(prefix));
  if (!d) throw new Error(`no seed document starts with ${prefix}`);
  return d;
}

/** Gold mentions: every occurrence of a gold form as a whole word inside a kept sentence, longest forms first. */
export function goldMentions(docs: Segmented[], gold: GoldFile): { mentions: GoldMention[]; notFound: string[] } {
  const mentions: GoldMention[] = [];
  const notFound: string[] = [];
  for (const [prefix] of Object.entries(gold.docs)) {
    const doc = docByPrefix(docs, prefix);
    const forms = gold.entities.flatMap((e) => (e.forms[prefix] ?? []).map((form) => ({ form, entity: e.id })));
    forms.sort((a, b) => b.form.length - a.form.length);
    const taken: Array<[number, number]> = [];
    for (const { form, entity } of forms) {
      let found = false;
      for (const s of doc.sentences) {
        let at = s.text.indexOf(form);
        while (at >= 0) {
          const start = s.start + at;
          const end = start + form.length;
          const before = s.text[at - 1] ?? ' ';
          const after = s.text[at + form.length] ?? ' ';
          const whole = !/\p{L}/u.test(before) && !/\p{L}/u.test(after);
          if (whole && !taken.some(([a, b]) => start < b && a < end)) {
            taken.push([start, end]);
            mentions.push({ doc: doc.doc.id, start, end, entity });
            found = true;
          }
          at = s.text.indexOf(form, at + 1);
        }
      }
      if (!found) notFound.push(`${prefix} ${entity}: ${form}`);
    }
  }
  return { mentions, notFound };
}

function goldOf(m: { doc: string; start: number; end: number }, gold: GoldMention[]): GoldMention | undefined {
  let best: GoldMention | undefined;
  let bestOverlap = 0;
  for (const g of gold) {
    if (g.doc !== m.doc) continue;
    const overlap = Math.min(g.end, m.end) - Math.max(g.start, m.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [g, overlap];
  }
  return best;
}

export function scoreSeeds(entries: GlossaryEntry[], gold: GoldMention[], kinds: ReadonlyMap<string, string> = new Map()): Omit<SeedScores, 'groups' | 'groupCount'> {
  const goldDocs = new Map<string, Set<string>>();
  for (const g of gold) (goldDocs.get(g.entity) ?? goldDocs.set(g.entity, new Set()).get(g.entity)!).add(g.doc);
  const multiDoc = [...goldDocs].filter(([, d]) => d.size >= 2).map(([e]) => e);

  // Entity level.
  let correct = 0;
  const impure: string[] = [];
  const found = new Set<string>();
  const entryOfGold = new Map<GoldMention, number>();
  let predictedMentions = 0;
  let matchedMentions = 0;
  const types = { right: 0, of: 0, wrong: [] as string[] };
  const whole = { exact: 0, of: 0, partial: [] as string[] };
  entries.forEach((entry, i) => {
    const labels = entry.mentions.map((m) => goldOf(m, gold));
    predictedMentions += labels.length;
    matchedMentions += labels.filter((l) => l).length;
    for (const l of labels) if (l && !entryOfGold.has(l)) entryOfGold.set(l, i);
    entry.mentions.forEach((m, k) => {
      const l = labels[k];
      if (!l) return;
      whole.of++;
      if (l.start === m.start && l.end === m.end) whole.exact++;
      else whole.partial.push(`${m.form} (${l.entity})`);
    });
    const ids = new Set(labels.map((l) => l?.entity ?? '∅'));
    if (ids.size === 1 && !ids.has('∅')) {
      correct++;
      const kind = kinds.get([...ids][0]!);
      if (kind !== undefined) {
        types.of++;
        if ((kind === 'event' ? 'other' : kind) === entry.type) types.right++;
        else types.wrong.push(`${entry.canonical} ${entry.type} (gold ${kind})`);
      }
    } else impure.push(`${entry.canonical} [${[...ids].sort().join(', ')}]`);
    const docsPerEntity = new Map<string, Set<string>>();
    entry.mentions.forEach((m, k) => {
      const l = labels[k];
      if (l) (docsPerEntity.get(l.entity) ?? docsPerEntity.set(l.entity, new Set()).get(l.entity)!).add(m.doc);
    });
    for (const [e, docs] of docsPerEntity) if (docs.size >= 2) found.add(e);
  });
  const foundCount = multiDoc.filter((e) => found.has(e)).length;
  // Complete: every mention of the entity (in every language) stands in one and the same entry.
  const complete = multiDoc.filter((e) => {
    const holders = new Set(gold.filter((g) => g.entity === e).map((g) => entryOfGold.get(g) ?? -1));
    return holders.size === 1 && !holders.has(-1);
  }).length;
  const ep = entries.length === 0 ? 0 : correct / entries.length;
  const er = multiDoc.length === 0 ? 0 : foundCount / multiDoc.length;
  const entity = { precision: ep, recall: er, f1: f1(ep, er), correct, found: foundCount, goldMultiDoc: multiDoc.length, complete };

  // Mention detection: a predicted mention is right when it overlaps a gold mention; a gold
  // mention is found once, however many predicted mentions touch it.
  const mp = predictedMentions === 0 ? 0 : matchedMentions / predictedMentions;
  const mr = gold.length === 0 ? 0 : entryOfGold.size / gold.length;
  const mentions = { precision: mp, recall: mr, f1: f1(mp, mr), predicted: predictedMentions, gold: gold.length };

  // Clustering over gold mentions: predicted cluster = entry index, or a singleton when missed.
  const cluster = gold.map((g, k) => (entryOfGold.has(g) ? `e${entryOfGold.get(g)}` : `miss${k}`));
  let bp = 0;
  let br = 0;
  let tp = 0;
  let predPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < gold.length; i++) {
    let samePred = 0;
    let sameGold = 0;
    let both = 0;
    for (let j = 0; j < gold.length; j++) {
      const p = cluster[i] === cluster[j];
      const g = gold[i]!.entity === gold[j]!.entity;
      if (p) samePred++;
      if (g) sameGold++;
      if (p && g) both++;
      if (j > i) {
        if (p) predPairs++;
        if (g) goldPairs++;
        if (p && g) tp++;
      }
    }
    bp += both / samePred;
    br += both / sameGold;
  }
  const n = gold.length || 1;
  const bcubedP = bp / n;
  const bcubedR = br / n;
  return {
    entries: entries.length,
    entity,
    mentions,
    bcubed: { precision: bcubedP, recall: bcubedR, f1: f1(bcubedP, bcubedR) },
    pairwise: prf(tp, predPairs, goldPairs),
    missed: multiDoc.filter((e) => !found.has(e)),
    impure,
    types,
    whole: { ...whole, partial: [...new Set(whole.partial)].sort() },
  };
}

/** The seeds through ingest, language detection and segmentation, as the pipeline sees them. */
export async function loadSeeds(): Promise<{ documents: Document[]; segmented: Segmented[] }> {
  const documents = await loadDocuments([join(ROOT, 'seeds')]);
  return { documents, segmented: prepareDocuments(documents) };
}

export function ntrexDocuments(): { docs: Segmented[]; groups: Group[] } {
  const corpus = loadNtrex();
  const docs: Segmented[] = [];
  const groups = new Map<string, Group>();
  for (const { code } of LANGS) {
    const lines = corpus.lines[code]!;
    for (const [article, lineNumbers] of corpus.articles.entries()) {
      const id = `${article}.${code}`;
      let text = '';
      const sentences: Sentence[] = lineNumbers.map((line, index) => {
        const start = text.length;
        text += lines[line]!;
        const sentence = { doc: id, index, start, end: text.length, text: lines[line]! };
        text += '\n';
        const groupId = `g${String(line).padStart(5, '0')}`;
        const group = groups.get(groupId) ?? groups.set(groupId, { id: groupId, spans: [], links: [], score: 1 }).get(groupId)!;
        group.spans.push({ doc: id, first: index, last: index });
        return sentence;
      });
      const doc: Document = { id, path: id, text, sha256: '', bytes: text.length, meta: {}, body: [{ start: 0, end: text.length }], removed: [] };
      const script = code === 'mk' ? 'Cyrl' : 'Latn';
      docs.push({ doc, lang: { code, script, source: 'override', franc: 'und', confidence: 1 }, sentences });
    }
  }
  return { docs, groups: [...groups.values()] };
}

export async function runGlossaryBench(options: { ntrex?: boolean } = {}): Promise<GlossaryBenchResult> {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'seeds-gold.json'), 'utf8')) as GoldFile;
  const { documents, segmented } = await loadSeeds();
  const { mentions, notFound } = goldMentions(segmented, gold);

  const sources: Array<{ name: SeedScores['groups']; groups: Group[]; entries?: GlossaryEntry[] }> = [{ name: 'hand', groups: seedGroups(segmented) }];
  const run = await runPipeline(documents, { embedder: async (corpus) => createLexicalEmbedder({ corpus }), now: () => new Date(0) });
  // The default embedder's groups (polyalign's own model with the lexical channel), as `npm start` has them.
  const make = await embedderFactory('polyalign');
  const defaultRun = await runPipeline(documents, { embedder: async (corpus) => make(corpus), now: () => new Date(0) });
  // The runs' own glossaries: a run's glossary reads the sentences its links joined, which are more than its groups.
  sources.push({ name: 'pipeline', groups: run.groups, entries: run.glossary }, { name: 'default', groups: defaultRun.groups, entries: defaultRun.glossary }, { name: 'none', groups: [] });

  const seeds = sources.map(({ name, groups, entries }) => ({
    groups: name,
    groupCount: groups.length,
    ...scoreSeeds(entries ?? buildGlossary(run.documents, groups), mentions, new Map(gold.entities.map((e) => [e.id, e.kind]))),
  }));

  const result: GlossaryBenchResult = { seeds, goldFormsNotFound: notFound };
  if (options.ntrex ?? true) {
    const { docs, groups } = ntrexDocuments();
    const t0 = performance.now();
    const entries = buildGlossary(docs, groups);
    const ms = Math.round(performance.now() - t0);
    const langs = (e: GlossaryEntry): number => Object.keys(e.variants).length;
    const types: Record<string, number> = {};
    for (const e of entries) types[e.type] = (types[e.type] ?? 0) + 1;
    const step = entries.length / NTREX_SAMPLE;
    const sample = Array.from({ length: Math.min(NTREX_SAMPLE, entries.length) }, (_, k) => entries[Math.floor(k * step)]!);
    result.ntrex = {
      docs: docs.length,
      sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
      groups: groups.length,
      entries: entries.length,
      multiLanguageEntries: entries.filter((e) => langs(e) >= 2).length,
      types,
      ms,
      sample: [],
    };
    // NTREX text is printed at bench time, never written to bench/results.json (which is committed):
    // the sample is not enumerable, so JSON.stringify leaves it out.
    Object.defineProperty(result.ntrex, 'sample', {
      enumerable: false,
      value: sample.map(
        (e) =>
          `${e.id} ${e.type} "${e.canonical}" (${e.mentions.length} mentions, ${e.docs.length} docs): ` +
          Object.entries(e.variants)
            .map(([lang, v]) => `${lang} ${v.slice(0, 4).map((x) => x.form).join(' | ')}${v.length > 4 ? ' …' : ''}`)
            .join('; '),
      ),
    });
  }
  return result;
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

export function printGlossaryBench(r: GlossaryBenchResult): void {
  console.log('Glossary on the seeds (gold: test/fixtures/glossary/seeds-gold.json)');
  console.log('groups    n  entries | entity P     R     F1  (found/gold complete) | mention P     R  | B3 P     R     F1  | pair P     R     F1  | types  whole');
  for (const s of r.seeds) {
    console.log(
      `${s.groups.padEnd(8)} ${String(s.groupCount).padStart(3)} ${String(s.entries).padStart(6)}   |` +
        `${pct(s.entity.precision)} ${pct(s.entity.recall)} ${pct(s.entity.f1)}   (${s.entity.found}/${s.entity.goldMultiDoc} ${String(s.entity.complete).padStart(2)})   |` +
        `${pct(s.mentions.precision)} ${pct(s.mentions.recall)} |` +
        `${pct(s.bcubed.precision)} ${pct(s.bcubed.recall)} ${pct(s.bcubed.f1)} |` +
        `${pct(s.pairwise.precision)} ${pct(s.pairwise.recall)} ${pct(s.pairwise.f1)} |` +
        `${pct(s.types.of === 0 ? 0 : s.types.right / s.types.of)} ${pct(s.whole.of === 0 ? 0 : s.whole.exact / s.whole.of)}`,
    );
  }
  for (const s of r.seeds) {
    console.log(`\n[${s.groups}] missed: ${s.missed.join(', ') || '-'}`);
    console.log(`[${s.groups}] impure: ${s.impure.join('; ') || '-'}`);
    console.log(`[${s.groups}] types ${s.types.right}/${s.types.of}, wrong: ${s.types.wrong.join('; ') || '-'}`);
    console.log(`[${s.groups}] whole mentions ${s.whole.exact}/${s.whole.of}, not the gold span: ${s.whole.partial.join('; ') || '-'}`);
  }
  if (r.goldFormsNotFound.length > 0) console.log(`\ngold forms outside the kept sentences: ${r.goldFormsNotFound.join('; ')}`);
  if (r.ntrex) {
    const n = r.ntrex;
    console.log(
      `\nNTREX-128, 7 languages: ${n.docs} documents, ${n.sentences} sentences, ${n.groups} groups → ${n.entries} entries ` +
        `(${n.multiLanguageEntries} in 2+ languages) in ${n.ms} ms; types: ${Object.entries(n.types).map(([t, c]) => `${t} ${c}`).join(', ')}`,
    );
    console.log(`sample of ${n.sample.length} entries, evenly spaced through the glossary's order:`);
    for (const line of n.sample) console.log(`  ${line}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const result = await runGlossaryBench({ ntrex: !args.includes('--no-ntrex') });
  printGlossaryBench(result);
  if (args.includes('--show')) {
    const { documents, segmented } = await loadSeeds();
    void documents;
    for (const e of buildGlossary(segmented, seedGroups(segmented))) {
      console.log(`${e.id} ${e.type.padEnd(7)} ${e.canonical.padEnd(28)} ${Object.entries(e.variants).map(([l, v]) => `${l}: ${v.map((x) => `${x.form}×${x.count}`).join(' | ')}`).join('  ')}`);
    }
  }
}
