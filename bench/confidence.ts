// Fits and checks the calibrated link confidence (src/align/confidence.ts).
//   - Data: NTREX, both perturbed conditions (bench/ntrex.ts), the 7 versions of an article aligned in
//     one run as `polyalign run` does it (pairwise alignment with the embedder's calibration, then
//     corroboration and groups, settleLinks), and each of its 21 pairs as a run of two documents;
//     every exported link is one example, right when it is exactly a gold block (strict).
//   - Fit: articles 0–60, a logistic regression per method (Newton's method, a small L2 penalty).
//   - Check: articles 61–122: expected calibration error (10 equal-width bins, weighted by count) per
//     method and over all links, and a reliability diagram written as bench/confidence-<embedder>.png
//     (drawn as SVG, rendered by chromium);
//   - group evidence on the held-out 7-document runs: the share of exported group cells linked directly
//     to another member of their group, and of member pairs linked directly.
//
//   node --import tsx bench/confidence.ts [--embedder polyalign|lexical] [--json] [--no-png]
//
// It prints the weights in the form src/align/confidence.ts keeps them.

import { join } from 'node:path';
import { alignPair } from '../src/align/index.ts';
import { calibrationFor } from '../src/align/calibration.ts';
import { linkFeatures, logistic, witnessCounts, type ConfidenceModel } from '../src/align/confidence.ts';
import { settleLinks } from '../src/align/nway.ts';
import { directPartners } from '../src/align/groups.ts';
import type { Method, PairAlignment } from '../src/types.ts';
import { embedderArg, embedderFactory } from './embedders.ts';
import { embedLines, goldBlocks, LANGS, loadNtrex, perturb, type Condition } from './ntrex.ts';

export interface Example {
  method: Method;
  /** Documents in the run: 7 (an article's versions aligned together) or 2 (one pair aligned alone). */
  documents: number;
  x: number[];
  right: boolean;
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k).join(',');

/** Over the groups of the 7-document runs: cells (a member of a group) with a direct link to another member, and member pairs linked directly. */
export interface GroupEvidence {
  cells: number;
  cellsLinked: number;
  memberPairs: number;
  memberPairsLinked: number;
}

export async function collectExamples(embedderName: 'polyalign' | 'lexical', from: number, count: number, evidence?: GroupEvidence): Promise<Example[]> {
  const corpus = loadNtrex();
  const factory = await embedderFactory(embedderName);
  const examples: Example[] = [];
  for (const condition of ['ordered', 'comparable'] as Condition[]) {
    for (let art = from; art < Math.min(from + count, corpus.articles.length); art++) {
      const sides = LANGS.map(({ code }) => ({ code, lines: perturb(corpus, art, code, condition) }));
      const embedder = factory(sides.flatMap((s) => s.lines.map((l) => l.text)));
      const calibration = calibrationFor(embedder.kind);
      const docs = await Promise.all(sides.map((s) => embedLines(embedder, s.code, s.lines)));
      const run: PairAlignment[] = [];
      const gold = new Map<string, Set<string>>();
      for (let i = 0; i < sides.length; i++) {
        for (let j = i + 1; j < sides.length; j++) {
          run.push(alignPair(docs[i]!, docs[j]!, { mode: 'auto', thresholds: calibration.thresholds, autoPairMin: calibration.autoPairMin }));
          gold.set(`${sides[i]!.code}-${sides[j]!.code}`, new Set(goldBlocks(sides[i]!.lines, sides[j]!.lines).map(([s, t]) => `${s.join(',')}:${t.join(',')}`)));
        }
      }
      const settled = settleLinks(run, sides.map((s) => s.code), { corroborated: calibration.corroborated, uncorroborated: calibration.uncorroborated });
      const add = (pairs: readonly PairAlignment[], documents: number) => {
        const witnesses = witnessCounts(pairs);
        for (const p of pairs) {
          const strict = gold.get(`${p.src}-${p.tgt}`)!;
          for (const l of p.links) {
            examples.push({ method: l.method, documents, x: linkFeatures(l, witnesses(l), documents), right: strict.has(`${range(l.src.first, l.src.last)}:${range(l.tgt.first, l.tgt.last)}`) });
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
  }
  return examples;
}

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
  parts.push(`<text x="20" y="${H / 2}" font-size="14" text-anchor="middle" font-family="sans-serif" transform="rotate(-90 20 ${H / 2})">share of links right</text>`);
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

export async function runConfidenceBench(options: { embedder?: 'polyalign' | 'lexical'; png?: boolean; log?: (l: string) => void } = {}) {
  const name = options.embedder ?? 'polyalign';
  const log = options.log ?? (() => {});
  log(`${name}: collecting links of articles 0–60`);
  const fit = await collectExamples(name, 0, 61);
  log(`${name}: collecting links of articles 61–122`);
  const evidence: GroupEvidence = { cells: 0, cellsLinked: 0, memberPairs: 0, memberPairsLinked: 0 };
  const held = await collectExamples(name, 61, 62, evidence);
  const model = {} as Record<Method, number[]>;
  for (const method of ['ordered', 'mining'] as Method[]) model[method] = fitLogistic(fit.filter((e) => e.method === method));
  const scored = (examples: Example[]) => examples.map((e) => ({ method: e.method, documents: e.documents, p: logistic(model[e.method], e.x), right: e.right }));
  const heldScored = scored(held);
  const fitScored = scored(fit);
  const report = (rows: ReturnType<typeof scored>) => ({
    all: reliability(rows),
    ordered: reliability(rows.filter((r) => r.method === 'ordered')),
    mining: reliability(rows.filter((r) => r.method === 'mining')),
    twoDocuments: reliability(rows.filter((r) => r.documents === 2)),
    sevenDocuments: reliability(rows.filter((r) => r.documents > 2)),
  });
  const heldReport = report(heldScored);
  const fitReport = report(fitScored);
  let png: string | undefined;
  if (options.png !== false) {
    png = join(import.meta.dirname, `confidence-${name}.png`);
    const svg = diagramSvg(`Link confidence, ${name} embedder, NTREX articles 61–122 (held out)`, [
      { name: 'ordered', colour: '#1f77b4', ...heldReport.ordered },
      { name: 'mining', colour: '#d62728', ...heldReport.mining },
      { name: 'all', colour: '#2ca02c', ...heldReport.all },
    ]);
    await writePng(svg, png);
  }
  return {
    embedder: name,
    weights: { ordered: round(model.ordered), mining: round(model.mining) } as unknown as ConfidenceModel,
    links: { fit: fit.length, heldOut: held.length, heldOutRight: Number((held.filter((e) => e.right).length / held.length).toFixed(3)) },
    ece: {
      fit: Object.fromEntries(Object.entries(fitReport).map(([k, v]) => [k, Number(v.ece.toFixed(4))])),
      heldOut: Object.fromEntries(Object.entries(heldReport).map(([k, v]) => [k, Number(v.ece.toFixed(4))])),
    },
    groups: {
      cells: evidence.cells,
      cellsDirectlyLinked: Number((evidence.cellsLinked / evidence.cells).toFixed(4)),
      memberPairsDirectlyLinked: Number((evidence.memberPairsLinked / evidence.memberPairs).toFixed(4)),
    },
    bins: heldReport.all.bins.map((b) => ({ bin: `${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`, links: b.count, confidence: Number(b.confidence.toFixed(3)), right: Number(b.accuracy.toFixed(3)) })),
    ...(png ? { png } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const embedder = embedderArg(process.argv.slice(2));
  if (embedder === 'static') throw new Error('Expected --embedder polyalign or lexical');
  const r = await runConfidenceBench({ embedder, png: !process.argv.includes('--no-png'), log: (l) => console.error(`  ${l}`) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    console.log(`weights (${r.embedder}): ordered [${(r.weights.ordered as readonly number[]).join(', ')}], mining [${(r.weights.mining as readonly number[]).join(', ')}]`);
    console.log(`links: ${JSON.stringify(r.links)}`);
    console.log(`expected calibration error: ${JSON.stringify(r.ece)}`);
    console.log(`groups of the held-out 7-document runs: ${JSON.stringify(r.groups)}`);
    console.table(r.bins);
    if (r.png) console.log(`wrote ${r.png}`);
  }
}
