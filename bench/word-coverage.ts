// Word-level signals for telling a partial line from its translation, beside the ones the confidence
// reads: how many of a link's words find a counterpart on the other side. Three ways, each read on both
// sides of a link and kept for the side that finds fewer:
//   dictionary     a content word (its 5-letter script-neutral stem, of 4 letters or more) is covered
//                  when the other side has the same stem or one with an English translation in common,
//                  by the Wiktionary dictionaries of ../shared/train/wiktionary;
//   co-occurrence  the same, by a table learnt from the training data's X–English pairs (FLORES
//                  training lines, Tatoeba, debian-l10n, the pivots): for every stem, the English stems
//                  of Dice coefficient 0.15 or more over 2 or more pairs, the best 4;
//   aligner        every word (wordsOf) joined to its mutual best match on the other side by the run's
//                  word vectors (SimAlign's argmax, in the dimensions word-match.ts compares), the
//                  share of its idf weight left alone.
// On NTREX's first articles (default 40) in the partial and comparable conditions, on the links of the
// 7-document runs that are right or cover a partial line: each signal's mean share left uncovered on
// the right links (how much a translation loses to the signal itself) and on the partial ones, and its AUC
// of right against partial, over all those links and over those the shipped confidence calls `equivalent`
// (the ones a new feature would have to fix).
//
//   node --import tsx bench/word-coverage.ts [--articles N]
//
// The table is built in memory (about half a minute); nothing is written.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auc, collectExamples, ntrexEvents } from './confidence.ts';
import { embedderFactory } from './embedders.ts';
import { CONFIDENCE_MODELS, confidenceOf } from '../src/align/confidence.ts';
import { kindOf } from '../src/align/kind.ts';
import { denseHead, inverseFrequencies, unitHead, wordBag, wordDot, wordsOf, type WordBag } from '../src/align/word-match.ts';
import { neutral } from '../src/embed/lexical-features.ts';
import { loadTrainingData } from '../src/train/data.ts';

const TRAIN_DIR = join(import.meta.dirname, '..', '..', 'shared', 'train');

const stem = (word: string) => neutral(word.toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '').slice(0, 5);
const letterWords = (text: string) => [...text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)].map((m) => m[0]);

/** Stem → English words or stems. */
type Table = Map<string, Set<string>>;
const add = (t: Table, k: string, v: string) => (t.get(k) ?? t.set(k, new Set()).get(k)!).add(v);

/** The Wiktionary files per run language code (Serbo-Croatian for bs, hr and sr). */
const WIKTIONARY: Record<string, string> = { bs: 'sh', hr: 'sh', sr: 'sh', sl: 'sl', mk: 'mk', ro: 'ro', da: 'da' };

function wiktionary(): Map<string, Table> {
  const out = new Map<string, Table>();
  for (const file of new Set(Object.values(WIKTIONARY))) {
    const t: Table = new Map();
    for (const line of readFileSync(join(TRAIN_DIR, 'wiktionary', `${file}-en.tsv`), 'utf8').split('\n')) {
      const [word, english] = line.split('\t');
      if (!word || !english || word.includes(' ') || stem(word).length < 3) continue;
      add(t, stem(word), english.toLowerCase());
    }
    out.set(file, t);
  }
  return out;
}

function cooccurrence(): Table {
  const data = loadTrainingData(TRAIN_DIR);
  const pairs = Object.values(data.train).flat().filter((p) => p.langs.endsWith('eng') || p.langs.endsWith('en'));
  const stems = (t: string) => [...new Set(letterWords(t).map(stem).filter((s) => s.length >= 3))];
  const [cx, ce, co] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of pairs) {
    const [a, b] = [stems(p.a), stems(p.b)];
    if (a.length > 40 || b.length > 40) continue;
    a.forEach((x) => count(cx, x));
    b.forEach((y) => count(ce, y));
    for (const x of a) for (const y of b) count(co, `${x}\t${y}`);
  }
  const best = new Map<string, Array<[string, number]>>();
  for (const [k, n] of co) {
    if (n < 2) continue;
    const [x, y] = k.split('\t') as [string, string];
    const dice = (2 * n) / (cx.get(x)! + ce.get(y)!);
    if (dice >= 0.15) (best.get(x) ?? best.set(x, []).get(x)!).push([y, dice]);
  }
  const t: Table = new Map();
  for (const [x, list] of best) for (const [y] of list.sort((p, q) => q[1] - p[1]).slice(0, 4)) add(t, x, y);
  console.error(`co-occurrence table: ${pairs.length} pairs, ${t.size} stems`);
  return t;
}

/** The share of `a`'s content words with no counterpart in `b` (same stem, or an English word in common by the tables). */
function uncovered(a: string, ta: Table, b: string, tb: Table): number {
  const sb = letterWords(b).map(stem);
  const same = new Set(sb);
  const english = new Set(sb.flatMap((s) => [...(tb.get(s) ?? [])]));
  const content = letterWords(a).map(stem).filter((s) => s.length >= 4);
  const alone = content.filter((s) => !same.has(s) && ![...(ta.get(s) ?? [])].some((e) => english.has(e)));
  return content.length ? alone.length / content.length : 0;
}

/** Per side, the share of its word weight without a mutual best match on the other side. */
function unaligned(a: WordBag, b: WordBag): [number, number] {
  const [n, m] = [a.weights.length, b.weights.length];
  if (n === 0 || m === 0) return [0, 0];
  const [ofA, ofB, scoreB] = [new Int32Array(n), new Int32Array(m), new Float64Array(m).fill(-Infinity)];
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let j = 0; j < m; j++) {
      const s = wordDot(a, i, b, j);
      if (s > best) [best, ofA[i]] = [s, j];
      if (s > scoreB[j]!) [scoreB[j], ofB[j]] = [s, i];
    }
  }
  const share = (w: Float32Array, aligned: (k: number) => boolean) => {
    const total = w.reduce((s, x) => s + x, 0);
    return total > 0 ? w.reduce((s, x, k) => s + (aligned(k) ? 0 : x), 0) / total : 0;
  };
  return [share(a.weights, (i) => ofB[ofA[i]!] === i), share(b.weights, (j) => ofA[ofB[j]!] === j)];
}

const at = process.argv.indexOf('--articles');
const articles = at > 0 ? Number(process.argv[at + 1]) : 40;
const dictionaries = wiktionary();
const table = cooccurrence();
const dictionaryOf = (code: string) => dictionaries.get(WIKTIONARY[code.split('-')[0]!]!)!;
const factory = await embedderFactory('polyalign');
const model = CONFIDENCE_MODELS['static+lexical']!;
type Row = { right: boolean; equivalent: boolean; signals: Record<'dictionary' | 'co-occurrence' | 'aligner', number> };
const rows: Row[] = [];
for (const event of ntrexEvents(0, articles, ['partial', 'comparable'])) {
  const examples = (await collectExamples('polyalign', [event])).filter((e) => e.documents > 2 && (e.right || e.partialSides > 0));
  const texts = new Map(event.sides.map((s) => [s.code, s.lines.map((l) => l.text)]));
  const all = event.sides.flatMap((s) => s.lines.map((l) => l.text));
  const idf = inverseFrequencies(all.map(wordsOf));
  const distinct = [...idf.keys()].sort();
  const embedded = await factory(all).embed(distinct);
  const head = denseHead(embedded);
  const vectorOf = new Map(distinct.map((w, k) => [w, unitHead(embedded[k]!, head)]));
  const text = (doc: string, s: { first: number; last: number }) => texts.get(doc)!.slice(s.first, s.last + 1).join(' ');
  const bag = (t: string) => wordBag(wordsOf(t).map((w) => vectorOf.get(w)!), wordsOf(t).map((w) => idf.get(w)!), head);
  for (const e of examples) {
    const [a, b] = [text(e.link.src.doc, e.link.src), text(e.link.tgt.doc, e.link.tgt)];
    const [da, db] = [dictionaryOf(e.link.src.doc), dictionaryOf(e.link.tgt.doc)];
    rows.push({
      right: e.right,
      equivalent: kindOf({ ...e.link, confidence: confidenceOf(e.link, e.x, model) }) === 'equivalent',
      signals: {
        dictionary: Math.max(uncovered(a, da, b, db), uncovered(b, db, a, da)),
        'co-occurrence': Math.max(uncovered(a, table, b, table), uncovered(b, table, a, table)),
        aligner: Math.max(...unaligned(bag(a), bag(b))),
      },
    });
  }
}
const mean = (rs: Row[], k: keyof Row['signals']) => Number((rs.reduce((s, r) => s + r.signals[k], 0) / Math.max(1, rs.length)).toFixed(3));
const aucOf = (rs: Row[], k: keyof Row['signals']) => Number(auc(rs.map((r) => ({ p: -r.signals[k], right: r.right }))).toFixed(4));
const equivalent = rows.filter((r) => r.equivalent);
console.log(`NTREX articles 0-${articles - 1}, partial and comparable, 7-document runs: ${rows.length} links right or over a partial line (${rows.filter((r) => !r.right).length} partial); ${equivalent.length} called equivalent (${equivalent.filter((r) => !r.right).length} partial)`);
console.table(
  Object.fromEntries(
    (['dictionary', 'co-occurrence', 'aligner'] as const).map((k) => [
      k,
      { uncoveredRight: mean(rows.filter((r) => r.right), k), uncoveredPartial: mean(rows.filter((r) => !r.right), k), auc: aucOf(rows, k), aucAmongEquivalent: aucOf(equivalent, k) },
    ]),
  ),
);
