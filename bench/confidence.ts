// Fits and checks the calibrated link confidence (src/align/confidence.ts): the probability that a
// translator confirms a link as `equivalent` (both sides say the same thing).
//   - Fit: simulated comparable events from training data the model never learned from: the FLORES-200
//     dev lines held back from training (the last 100 of bos, hrv, srp_Cyrl, slv, ron, mkd, dan: the
//     training's HELD_OUT_LANGS and DEFAULT_HELD_OUT), cut
//     into events of 10 consecutive lines and, again, of 20 (CONFIDENCE_EVENT_LINES: one or a few
//     stories, the lines around a sentence its same-story negatives), each language a document perturbed as bench/ntrex.ts does it, in its three
//     conditions (ordered; comparable; partial: comparable, and a fifth of the lines with a clause cut
//     or a clause of another line of the event added), 8 seeds each. A logistic regression per method.
//   - Check: NTREX, every article, the same three conditions (and, apart, its translations as they are:
//     the share of `equivalent` links between translations): expected calibration error (10 equal-width
//     bins, weighted by count) and the ranking AUC (confidence of equivalent links against the rest),
//     per condition and method, the share of links that are right, the share of `equivalent` links, the share of links
//     covering a partial line that are `related` (and of those where the other side is intact), the bias
//     (mean confidence less the share right: its sign says whether the confidence is low or high), the
//     AUC of each evidence feature alone (right links against those over a partial line), and a
//     reliability diagram (bench/confidence-<embedder>.png,
//     drawn as SVG and rendered by chromium).
//   - Every exported link is one example (the 7 versions aligned in one run as `polyalign run` does it,
//     and each of the 21 pairs as a run of two documents): equivalent when it is exactly a gold block,
//     its two sides hold the same original sentences (a merged line "S3 S4" whose S4 was dropped on the
//     other side is a gold block, but it says more than "S3": related; `unevenRelated` is the share of
//     such blocks polyalign calls related), and no line of it was made partial.
//
//   node --import tsx bench/confidence.ts [--embedder polyalign|lexical] [--json] [--no-png] [--articles N] [--lambda L]
//     [--event-lines 10,20]   (the event sizes of the fit; the default is CONFIDENCE_EVENT_LINES)
//
// It prints the weights in the form src/align/confidence.ts keeps them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignPair } from '../src/align/index.ts';
import { rescoreMining } from '../src/align/rescore.ts';
import { calibrationFor } from '../src/align/calibration.ts';
import { assessLinks } from '../src/align/assess.ts';
import { CONFIDENCE_MODELS, confidenceOf, linkFeatures, logistic, witnessCounts, type ConfidenceModel } from '../src/align/confidence.ts';
import { EQUIVALENT_FROM, kindOf, numbersDisagree } from '../src/align/kind.ts';
import { settleLinks } from '../src/align/nway.ts';
import { directPartners } from '../src/align/groups.ts';
import type { Link, Method, PairAlignment } from '../src/types.ts';
import { embedderArg, embedderFactory } from './embedders.ts';
import { embedLines, goldBlocks, LANGS, loadNtrex, perturb, type Condition, type Corpus, type Line } from './ntrex.ts';
import { HELD_OUT_LANGS } from '../src/train/build.ts';
import { DEFAULT_HELD_OUT } from '../src/train/data.ts';
import { toBcp47 } from '../src/language/iso.ts';

export interface Example {
  method: Method;
  condition: Condition;
  /** Documents in the run: 7 (an event's versions aligned together) or 2 (one pair aligned alone). */
  documents: number;
  x: number[];
  /** Exactly a gold block whose two sides hold the same original sentences, and no line of it partial. */
  right: boolean;
  /**
   * Its two sides hold different original sentences: a wrong link, or a gold block whose merged line lost
   * its other half on the other side ("S3 S4" against "S3"): one side says more, so it is not right.
   */
  uneven: boolean;
  /** Exactly a gold block (even or not). */
  block: boolean;
  /**
   * How many of its two sides hold a line made partial (cut or added to): 1 is the case a translator
   * meets (a sentence against its translation less a clause or with one more); 2 may be both versions
   * cut at the same clause, which say the same thing again though the bench cannot tell (it counts every
   * such link not right).
   */
  partialSides: 0 | 1 | 2;
  /** The kind polyalign gives it with the model it was scored with (set when scored). */
  link: Link;
}

/** An event: its documents (language code, perturbed lines), scored together. */
export interface SimEvent {
  condition: Condition;
  sides: Array<{ code: string; lines: Line[] }>;
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k).join(',');

/** Over the groups of the 7-document runs: cells (a member of a group) with a direct link to another member, and member pairs linked directly. */
export interface GroupEvidence {
  cells: number;
  cellsLinked: number;
  memberPairs: number;
  memberPairsLinked: number;
}

export const CONDITIONS: Condition[] = ['ordered', 'comparable', 'partial'];
export const FLORES_DIR = join(import.meta.dirname, '..', '..', 'shared', 'train', 'flores200-dev');
/** The held-back FLORES lines (the training's own held-out split), in events of this many: the pair scorer's fit (bench/pair-scorer.ts). */
export const EVENT_LINES = 20;
/**
 * The confidence is fitted on events of each of these sizes, every held-back line once in an event of
 * each: articles run from about ten sentences (NTREX's median is 12) to twenty and more (the seeds have
 * 13 to 20), and a link's margin and its relative evidence read the other sentences of its documents.
 * With 20-line events alone (`--event-lines 20`) the confidence comes out low on NTREX in every bin:
 * calibration error 0.033 against 0.023; 10-line events alone give 0.017 but let more links over a
 * partial line pass as equivalent (0.739 of them related, against 0.766).
 */
export const CONFIDENCE_EVENT_LINES: readonly number[] = [10, 20];
/** A FLORES file's language as a run names it: `bos` is bs, `srp_Cyrl` sr-Cyrl. */
const codeOf = (flores: string) => {
  const [lang, script] = flores.split('_');
  return script ? `${toBcp47(lang!)}-${script}` : toBcp47(lang!);
};
export const SEEDS = 8;

/** The FLORES lines the model never learned from, as a corpus of `size`-line "articles". */
export function floresHeldOut(size = EVENT_LINES): Corpus {
  const lines: Record<string, string[]> = {};
  for (const lang of HELD_OUT_LANGS) lines[codeOf(lang)] = readFileSync(join(FLORES_DIR, `${lang}.txt`), 'utf8').split('\n').filter((l) => l.length > 0).slice(-DEFAULT_HELD_OUT);
  const articles = Array.from({ length: Math.floor(DEFAULT_HELD_OUT / size) }, (_, a) => Array.from({ length: size }, (_, k) => a * size + k));
  return { articles, lines };
}

/** The simulated events, for each size of `sizes` (the 20-line events perturbed as they always were: the pair scorer was fitted on them). */
export function* floresEvents(sizes: readonly number[] = [EVENT_LINES]): Generator<SimEvent> {
  for (const size of sizes) {
    const corpus = floresHeldOut(size);
    for (const condition of CONDITIONS) {
      for (let seed = 0; seed < SEEDS; seed++) {
        const salt = size === EVENT_LINES ? `:${seed}` : `:${size}:${seed}`;
        for (let a = 0; a < corpus.articles.length; a++) yield { condition, sides: HELD_OUT_LANGS.map(codeOf).map((code) => ({ code, lines: perturb(corpus, a, code, condition, salt) })) };
      }
    }
  }
}

export function* ntrexEvents(from = 0, count = Infinity, conditions: readonly Condition[] = CONDITIONS): Generator<SimEvent> {
  const corpus = loadNtrex();
  for (const condition of conditions) {
    for (let a = from; a < Math.min(from + count, corpus.articles.length); a++) yield { condition, sides: LANGS.map(({ code }) => ({ code, lines: perturb(corpus, a, code, condition) })) };
  }
}

export async function collectExamples(embedderName: 'polyalign' | 'lexical', events: Iterable<SimEvent>, evidence?: GroupEvidence): Promise<Example[]> {
  const factory = await embedderFactory(embedderName);
  const examples: Example[] = [];
  for (const { condition, sides } of events) {
    const embedder = factory(sides.flatMap((s) => s.lines.map((l) => l.text)));
    const calibration = calibrationFor(embedder.kind);
    const docs = await Promise.all(sides.map((s) => embedLines(embedder, s.code, s.lines)));
    const aligned: PairAlignment[] = [];
    const gold = new Map<string, Set<string>>();
    for (let i = 0; i < sides.length; i++) {
      for (let j = i + 1; j < sides.length; j++) {
        aligned.push(alignPair(docs[i]!, docs[j]!, { mode: 'auto', thresholds: calibration.thresholds, autoPairMin: calibration.autoPairMin }));
        gold.set(`${sides[i]!.code}-${sides[j]!.code}`, new Set(goldBlocks(sides[i]!.lines, sides[j]!.lines).map(([s, t]) => `${s.join(',')}:${t.join(',')}`)));
      }
    }
    // the links the embedder's pair scorer adds, as a run has them
    const texts = sides.map((s) => ({ id: s.code, texts: s.lines.map((l) => l.text) }));
    const run = embedder.pairScorer ? await rescoreMining(aligned, texts, new Map(docs.map((d) => [d.id, d])), (t) => embedder.embed(t), embedder.pairScorer) : aligned;
    const lines = new Map(sides.map((s) => [s.code, s.lines]));
    const spanLines = (doc: string, s: { first: number; last: number }) => lines.get(doc)!.slice(s.first, s.last + 1);
    const isPartial = (doc: string, s: { first: number; last: number }) => spanLines(doc, s).some((line) => line.partial !== undefined);
    const ids = (doc: string, s: { first: number; last: number }) => new Set(spanLines(doc, s).flatMap((line) => line.ids));
    const assessDocs = sides.map((s) => ({ id: s.code, texts: s.lines.map((l) => l.text), headline: s.lines.map(() => false), lang: s.code }));
    // every candidate's evidence once, before settling: the settled runs hold the same link objects
    await assessLinks(assessDocs, run, new Map(docs.map((d) => [d.id, d])), (t) => embedder.embed(t));
    const settled = settleLinks(run, sides.map((s) => s.code), { corroborated: calibration.corroborated, uncorroborated: calibration.uncorroborated });
    const add = (pairs: readonly PairAlignment[], documents: number) => {
      const witnesses = witnessCounts(pairs);
      for (const p of pairs) {
        const strict = gold.get(`${p.src}-${p.tgt}`)!;
        for (const l of p.links) {
          const partialSides = ((isPartial(p.src, l.src) ? 1 : 0) + (isPartial(p.tgt, l.tgt) ? 1 : 0)) as 0 | 1 | 2;
          const block = strict.has(`${range(l.src.first, l.src.last)}:${range(l.tgt.first, l.tgt.last)}`);
          const [a, b] = [ids(p.src, l.src), ids(p.tgt, l.tgt)];
          const uneven = a.size !== b.size || [...a].some((id) => !b.has(id));
          examples.push({ method: l.method, condition, documents, x: linkFeatures(l, witnesses(l), documents), right: block && partialSides === 0 && !uneven, partialSides, uneven, block, link: l });
        }
      }
    };
    add(settled.pairs, sides.length);
    if (evidence) {
      for (const g of settled.groups) {
        for (const span of g.spans) {
          const partners = directPartners(span, g.links).size;
          evidence.cells++;
          if (partners > 0) evidence.cellsLinked++;
          evidence.memberPairsLinked += partners / 2;
        }
        evidence.memberPairs += (g.spans.length * (g.spans.length - 1)) / 2;
      }
    }
    // each pair as a run of its own two documents exports what the aligner accepted
    for (const p of run) add([settleLinks([p], [p.src, p.tgt], { corroborated: calibration.corroborated, uncorroborated: calibration.uncorroborated }).pairs[0]!], 2);
  }
  return examples;
}

/** The area under the ROC curve of `score` for positives against negatives (ties count half). */
export function auc(rows: ReadonlyArray<{ p: number; right: boolean }>): number {
  const sorted = [...rows].sort((a, b) => a.p - b.p);
  let rank = 0;
  let positives = 0;
  let sum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.p === sorted[i]!.p) j++;
    const mid = rank + (j - i + 1) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.right) (positives++, (sum += mid));
    rank += j - i;
    i = j;
  }
  const negatives = sorted.length - positives;
  return positives === 0 || negatives === 0 ? NaN : (sum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The L2 penalty of the fit: the FLORES events are few, and a rare feature (figures that disagree) must not take an extreme weight from them. */
export const LAMBDA = 3;

/** Logistic regression by Newton's method with an L2 penalty on all weights but the bias. */
export function fitLogistic(examples: readonly Example[], lambda = 1e-2, iterations = 30): number[] {
  const d = examples[0]!.x.length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const p = logistic(w, e.x);
      const r = p - (e.right ? 1 : 0);
      const s = p * (1 - p);
      for (let a = 0; a < d; a++) {
        g[a]! += r * e.x[a]!;
        for (let b = 0; b < d; b++) h[a]![b]! += s * e.x[a]! * e.x[b]!;
      }
    }
    for (let a = 1; a < d; a++) {
      g[a]! += lambda * w[a]!;
      h[a]![a]! += lambda;
    }
    for (let a = 0; a < d; a++) h[a]![a]! += 1e-9;
    const step = solve(h, g);
    w = w.map((v, a) => v - step[a]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting: h · x = g. */
function solve(h: number[][], g: number[]): number[] {
  const n = g.length;
  const m = h.map((row, i) => [...row, g[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c]![c] === 0) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

export interface Bin {
  lo: number;
  hi: number;
  count: number;
  confidence: number;
  accuracy: number;
}

export function reliability(pairs: ReadonlyArray<{ p: number; right: boolean }>, bins = 10): { bins: Bin[]; ece: number } {
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({ lo: i / bins, hi: (i + 1) / bins, count: 0, confidence: 0, accuracy: 0 }));
  for (const { p, right } of pairs) {
    const b = out[Math.min(bins - 1, Math.floor(p * bins))]!;
    b.count++;
    b.confidence += p;
    b.accuracy += right ? 1 : 0;
  }
  let ece = 0;
  for (const b of out) {
    if (b.count === 0) continue;
    b.confidence /= b.count;
    b.accuracy /= b.count;
    ece += (b.count / pairs.length) * Math.abs(b.accuracy - b.confidence);
  }
  return { bins: out, ece };
}

function diagramSvg(title: string, curves: Array<{ name: string; colour: string; bins: Bin[]; ece: number }>): string {
  const W = 640;
  const H = 640;
  const pad = 70;
  const size = W - 2 * pad;
  const x = (v: number) => pad + v * size;
  const y = (v: number) => H - pad - v * size;
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="30" font-size="18" text-anchor="middle" font-family="sans-serif">${title}</text>`);
  parts.push(`<rect x="${pad}" y="${pad}" width="${size}" height="${size}" fill="none" stroke="#444"/>`);
  for (let i = 0; i <= 10; i++) {
    const v = i / 10;
    parts.push(`<line x1="${x(v)}" y1="${y(0)}" x2="${x(v)}" y2="${y(0) + 6}" stroke="#444"/><text x="${x(v)}" y="${y(0) + 22}" font-size="12" text-anchor="middle" font-family="sans-serif">${v.toFixed(1)}</text>`);
    parts.push(`<line x1="${x(0) - 6}" y1="${y(v)}" x2="${x(0)}" y2="${y(v)}" stroke="#444"/><text x="${x(0) - 10}" y="${y(v) + 4}" font-size="12" text-anchor="end" font-family="sans-serif">${v.toFixed(1)}</text>`);
  }
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${W / 2}" y="${H - 20}" font-size="14" text-anchor="middle" font-family="sans-serif">confidence (mean of the bin)</text>`);
  parts.push(`<text x="20" y="${H / 2}" font-size="14" text-anchor="middle" font-family="sans-serif" transform="rotate(-90 20 ${H / 2})">share of links equivalent</text>`);
  curves.forEach((c, k) => {
    const pts = c.bins.filter((b) => b.count > 0);
    parts.push(`<polyline fill="none" stroke="${c.colour}" stroke-width="2" points="${pts.map((b) => `${x(b.confidence)},${y(b.accuracy)}`).join(' ')}"/>`);
    for (const b of pts) parts.push(`<circle cx="${x(b.confidence)}" cy="${y(b.accuracy)}" r="${Math.min(10, 2 + Math.sqrt(b.count) / 4)}" fill="${c.colour}" fill-opacity="0.6"/>`);
    parts.push(`<text x="${pad + 12}" y="${pad + 22 + k * 20}" font-size="14" fill="${c.colour}" font-family="sans-serif">${c.name}: ECE ${c.ece.toFixed(3)}, ${pts.reduce((n, b) => n + b.count, 0)} links</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

async function writePng(svg: string, file: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.POLYALIGN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 640, height: 640 } });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 640, height: 640 } });
  } finally {
    await browser.close();
  }
}

const round = (w: readonly number[]) => w.map((v) => Number(v.toFixed(4)));

export async function runConfidenceBench(
  options: { embedder?: 'polyalign' | 'lexical'; png?: boolean; articles?: number; lambda?: number; eventLines?: readonly number[]; log?: (l: string) => void } = {},
) {
  const name = options.embedder ?? 'polyalign';
  const log = options.log ?? (() => {});
  log(`${name}: collecting links of the simulated FLORES events`);
  const fit = await collectExamples(name, floresEvents(options.eventLines ?? CONFIDENCE_EVENT_LINES));
  log(`${name}: collecting links of NTREX`);
  const evidence: GroupEvidence = { cells: 0, cellsLinked: 0, memberPairs: 0, memberPairsLinked: 0 };
  const held = await collectExamples(name, ntrexEvents(0, options.articles), evidence);
  // NTREX's translations as they are (no line dropped, merged or added): checked, not in the three conditions' figures
  log(`${name}: collecting links of NTREX's translations as they are`);
  const translations = await collectExamples(name, ntrexEvents(0, options.articles, ['translations']));
  const model = {} as Record<Method, number[]>;
  for (const method of ['ordered', 'mining'] as Method[]) model[method] = fitLogistic(fit.filter((e) => e.method === method), options.lambda ?? LAMBDA);
  // the run's confidence: the fitted model under the shipped model's similarity ceiling (and the headline
  // ceiling, which no simulated link meets: the lines have no headlines)
  const ramp = CONFIDENCE_MODELS[name === 'polyalign' ? 'static+lexical' : 'lexical']!.similarity;
  const fitted = { ...model, ...(ramp ? { similarity: ramp } : {}) } as unknown as ConfidenceModel;
  const scored = (examples: Example[]) =>
    examples.map((e) => {
      const p = confidenceOf(e.link, e.x, fitted);
      const kind = kindOf({ ...e.link, confidence: p });
      const merged = e.link.src.last > e.link.src.first || e.link.tgt.last > e.link.tgt.first;
      const disagree = e.link.evidence ? numbersDisagree(e.link.evidence) : false;
      return { method: e.method, condition: e.condition, documents: e.documents, partial: e.partialSides > 0, partialSides: e.partialSides, unevenBlock: e.block && e.uneven && e.partialSides === 0, p, right: e.right, kind, merged, disagree };
    });
  type Row = ReturnType<typeof scored>[number];
  const heldScored = scored(held);
  const fitScored = scored(fit);
  const slices = (rows: Row[]): Record<string, Row[]> => ({
    all: rows,
    ordered: rows.filter((r) => r.method === 'ordered'),
    mining: rows.filter((r) => r.method === 'mining'),
    twoDocuments: rows.filter((r) => r.documents === 2),
    sevenDocuments: rows.filter((r) => r.documents > 2),
    ...Object.fromEntries(CONDITIONS.map((c) => [`condition ${c}`, rows.filter((r) => r.condition === c)])),
    // the two conditions the confidence was checked on before partial lines were simulated
    'ordered+comparable': rows.filter((r) => r.condition !== 'partial'),
  });
  const measure = (rows: Row[]) =>
    Object.fromEntries(
      Object.entries(slices(rows)).map(([k, v]) => {
        const equivalent = v.filter((r) => r.kind === 'equivalent');
        return [
          k,
          {
            links: v.length,
            ece: Number(reliability(v).ece.toFixed(4)),
            auc: Number(auc(v).toFixed(4)),
            // the share of links that are exactly a gold block with no partial line: what an equivalent
            // share can reach while every equivalent link is right
            right: Number((v.filter((r) => r.right).length / Math.max(1, v.length)).toFixed(4)),
            equivalentShare: Number((equivalent.length / Math.max(1, v.length)).toFixed(4)),
            equivalentRight: Number((equivalent.filter((r) => r.right).length / Math.max(1, equivalent.length)).toFixed(4)),
            partialRelated: Number((v.filter((r) => r.partial && r.kind === 'related').length / Math.max(1, v.filter((r) => r.partial).length)).toFixed(4)),
            // a partial line against an intact one: the sentence less a clause or with one more
            partialOneSideRelated: Number((v.filter((r) => r.partialSides === 1 && r.kind === 'related').length / Math.max(1, v.filter((r) => r.partialSides === 1).length)).toFixed(4)),
            // mean confidence less the share right: below 0 the confidence is too low on the slice, above too high
            bias: Number((v.reduce((sum, r) => sum + r.p - (r.right ? 1 : 0), 0) / Math.max(1, v.length)).toFixed(4)),
            // gold blocks of which one side holds a sentence the other lacks ("S3 S4" against "S3")
            unevenRelated: Number((v.filter((r) => r.unevenBlock && r.kind === 'related').length / Math.max(1, v.filter((r) => r.unevenBlock).length)).toFixed(4)),
          },
        ];
      }),
    );
  let png: string | undefined;
  if (options.png !== false) {
    png = join(import.meta.dirname, `confidence-${name}.png`);
    const curve = (rows: Row[]) => reliability(rows);
    const svg = diagramSvg(`P(equivalent), ${name}, NTREX (fitted on FLORES events)`, [
      { name: 'ordered', colour: '#1f77b4', ...curve(heldScored.filter((r) => r.method === 'ordered')) },
      { name: 'mining', colour: '#d62728', ...curve(heldScored.filter((r) => r.method === 'mining')) },
      { name: 'all', colour: '#2ca02c', ...curve(heldScored) },
    ]);
    // the figures are worth more than the picture: without chromium they are printed all the same
    png = await writePng(svg, png).then(
      () => png,
      (e: Error) => (log(`no reliability diagram (${e.message.split('\n')[0]}); the figures follow`), undefined),
    );
  }
  return {
    embedder: name,
    weights: { ordered: round(model.ordered), mining: round(model.mining) } as unknown as ConfidenceModel,
    equivalentFrom: EQUIVALENT_FROM,
    links: { fit: fit.length, heldOut: held.length, heldOutRight: Number((held.filter((e) => e.right).length / held.length).toFixed(3)) },
    fit: measure(fitScored),
    heldOut: measure(heldScored),
    translations: measure(scored(translations)).all,
    groups: {
      cells: evidence.cells,
      cellsDirectlyLinked: Number((evidence.cellsLinked / evidence.cells).toFixed(4)),
      memberPairsDirectlyLinked: Number((evidence.memberPairsLinked / evidence.memberPairs).toFixed(4)),
    },
    // each evidence feature alone on NTREX, right links against those over a partial line: how well it
    // tells a clause lost or added (higher is better; the ratio and the deviation read negated)
    featureAuc: (() => {
      const rows = held.filter((e) => (e.right || e.partialSides > 0) && e.link.evidence);
      const alone = (f: (ev: NonNullable<Link['evidence']>) => number) => Number(auc(rows.map((e) => ({ p: f(e.link.evidence!), right: e.right }))).toFixed(4));
      return {
        links: rows.length,
        lengthRatio: alone((ev) => -ev.lengthRatio),
        lengthDeviation: alone((ev) => -ev.lengthDeviation),
        coverage: alone((ev) => Math.min(...ev.coverage)),
        relative: alone((ev) => Math.min(...ev.relative)),
      };
    })(),
    // on NTREX's translations, the right links kept `related`, and why: what an equivalent share misses
    rightRelated: (() => {
      const right = heldScored.filter((r) => r.condition === 'ordered' && r.right);
      const related = right.filter((r) => r.kind === 'related');
      return { right: right.length, related: related.length, figuresDisagree: related.filter((r) => r.disagree).length, belowEquivalent: related.filter((r) => !r.disagree && r.p < EQUIVALENT_FROM).length, merged: related.filter((r) => r.merged).length };
    })(),
    bins: reliability(heldScored).bins.map((b) => ({ bin: `${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`, links: b.count, confidence: Number(b.confidence.toFixed(3)), right: Number(b.accuracy.toFixed(3)) })),
    ...(png ? { png } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const embedder = embedderArg(process.argv.slice(2));
  if (embedder === 'static') throw new Error('Expected --embedder polyalign or lexical');
  const at = process.argv.indexOf('--articles');
  const lambda = process.argv.indexOf('--lambda');
  const eventLines = process.argv.indexOf('--event-lines');
  const r = await runConfidenceBench({
    embedder,
    png: !process.argv.includes('--no-png'),
    ...(at > 0 ? { articles: Number(process.argv[at + 1]) } : {}),
    ...(lambda > 0 ? { lambda: Number(process.argv[lambda + 1]) } : {}),
    ...(eventLines > 0 ? { eventLines: process.argv[eventLines + 1]!.split(',').map(Number) } : {}),
    log: (l) => console.error(`  ${l}`),
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    console.log(`weights (${r.embedder}): ordered [${(r.weights.ordered as readonly number[]).join(', ')}], mining [${(r.weights.mining as readonly number[]).join(', ')}]`);
    console.log(`links: ${JSON.stringify(r.links)}`);
    console.log('fitted on the FLORES events:');
    console.table(r.fit);
    console.log('NTREX:');
    console.table(r.heldOut);
    console.log(`NTREX's translations as they are (not in the rows above): ${JSON.stringify(r.translations)}`);
    console.log(`groups of the held-out 7-document runs: ${JSON.stringify(r.groups)}`);
    console.log(`right links of the ordered condition kept related: ${JSON.stringify(r.rightRelated)}`);
    console.log(`each evidence feature alone, right links against links over a partial line (AUC): ${JSON.stringify(r.featureAuc)}`);
    console.table(r.bins);
    if (r.png) console.log(`wrote ${r.png}`);
  }
}
