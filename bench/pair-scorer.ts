// Fits and checks the pair scorer for mining (src/align/pair-scorer.ts).
//   - Fit: simulated comparable events from training data the model never learned from, the held-back
//     FLORES dev lines (bench/confidence.ts floresEvents: 20-line events, each language a document with
//     lines dropped, merged, inserted and shuffled in blocks, in the comparable and partial conditions,
//     8 seeds). Every candidate pair of every mining pair (the top few of each sentence both ways) is an
//     example, right when it is exactly a 1:1 gold block. Logistic regression with an L2 penalty on
//     seeds 0–3; the acceptance threshold is chosen on seeds 4–7 by the strict F0.5 of what a 7-document
//     run exports (rescored, then settled): the setting with the most recall at no loss of precision
//     against margin mining alone.
//   - Check: the same on seeds 4–7 against margin mining alone, before and after.
// It prints the model, and with --write keeps it beside the shipped model (models/polyalign/…/pair-scorer.json),
// where runs read it; `npm run train-model` ends with that. NTREX is scored with it by
// `node --import tsx bench/ntrex.ts --pair-scorer on`, as a run does.
//
//   node --import tsx bench/pair-scorer.ts [--write] [--lambda L]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHIPPED_MODEL_DIR } from '../src/embed/static.ts';
import { PAIR_SCORER_FILE } from '../src/embed/static/model-files.ts';
import { alignPair, buildMarginContext, scoreAlignments } from '../src/align/index.ts';
import { calibrationFor } from '../src/align/calibration.ts';
import { settleLinks } from '../src/align/nway.ts';
import { candidatePairs, PAIR_FEATURES, relinkPair, type PairScorerModel, type ScoredPair } from '../src/align/pair-scorer.ts';
import { logistic } from '../src/align/confidence.ts';
import type { WordBag } from '../src/align/word-match.ts';
import { documentWords } from '../src/align/words.ts';
import type { PairAlignment } from '../src/types.ts';
import { pairScorerSection, withPairScorerSection, type PairScorerCardFigures } from '../src/train/card.ts';
import { embedderFactory } from './embedders.ts';
import { embedLines, goldBlocks } from './ntrex.ts';
import { fitLogistic, floresEvents, type SimEvent } from './confidence.ts';

type Block = [number[], number[]];

interface Prepared {
  seed: number;
  run: PairAlignment[];
  docs: Map<string, Awaited<ReturnType<typeof embedLines>>>;
  words: Map<string, WordBag[]>;
  lengths: Map<string, number[]>;
  gold: Map<string, Block[]>;
  order: string[];
  /** Per mining pair (by index in `run`), its candidate pairs. */
  candidates: Map<number, ScoredPair[]>;
}

const key = (b: Block) => `${b[0].join(',')}:${b[1].join(',')}`;

/** Every FLORES event of the comparable and partial conditions, embedded and aligned once. */
async function prepare(): Promise<Prepared[]> {
  const factory = await embedderFactory('polyalign');
  const out: Prepared[] = [];
  let n = 0;
  for (const event of floresEvents() as Generator<SimEvent>) {
    if (event.condition === 'ordered') continue;
    const seed = Math.floor((n++ % 40) / 5);
    const { sides } = event;
    const embedder = factory(sides.flatMap((s) => s.lines.map((l) => l.text)));
    const calibration = calibrationFor(embedder.kind);
    const docs = await Promise.all(sides.map((s) => embedLines(embedder, s.code, s.lines)));
    const words = await documentWords(sides.map((s) => ({ id: s.code, texts: s.lines.map((l) => l.text) })), (t) => embedder.embed(t));
    const run: PairAlignment[] = [];
    const gold = new Map<string, Block[]>();
    for (let i = 0; i < sides.length; i++) {
      for (let j = i + 1; j < sides.length; j++) {
        run.push(alignPair(docs[i]!, docs[j]!, { mode: 'auto', thresholds: calibration.thresholds, autoPairMin: calibration.autoPairMin }));
        gold.set(`${sides[i]!.code}-${sides[j]!.code}`, goldBlocks(sides[i]!.lines, sides[j]!.lines));
      }
    }
    out.push({
      seed,
      run,
      docs: new Map(docs.map((d) => [d.id, d])),
      words,
      lengths: new Map(sides.map((s) => [s.code, s.lines.map((l) => l.text.length)])),
      gold,
      order: sides.map((s) => s.code),
      candidates: new Map(),
    });
    const e = out[out.length - 1]!;
    e.run.forEach((p, n) => {
      if (p.method !== 'mining') return;
      const ctx = buildMarginContext(e.docs.get(p.src)!, e.docs.get(p.tgt)!);
      e.candidates.set(n, candidatePairs(ctx, e.words.get(p.src)!, e.words.get(p.tgt)!, e.lengths.get(p.src)!, e.lengths.get(p.tgt)!));
    });
  }
  return out;
}

/** Every candidate pair of the mining pairs of `events`, labelled. */
function examples(events: readonly Prepared[]): Array<{ x: number[]; right: boolean }> {
  const out: Array<{ x: number[]; right: boolean }> = [];
  for (const e of events) {
    for (const [n, candidates] of e.candidates) {
      const p = e.run[n]!;
      const gold = new Set(e.gold.get(`${p.src}-${p.tgt}`)!.filter(([s, t]) => s.length === 1 && t.length === 1).map(key));
      for (const c of candidates) {
        out.push({ x: c.x, right: gold.has(`${c.i}:${c.j}`) });
      }
    }
  }
  return out;
}

/** Strict P/R/F1 (macro over the pairs, as bench/ntrex.ts) and F0.5 of the settled 7-document runs, with the scorer or without. */
export function evaluate(events: readonly Prepared[], model: PairScorerModel | undefined): { precision: number; recall: number; f1: number; f05: number } {
  const calibration = calibrationFor('static+lexical');
  const gold = new Map<string, Block[]>();
  const pred = new Map<string, Block[]>();
  let offset = 0;
  for (const e of events) {
    offset += 10_000;
    const run = model
      ? e.run.map((p, n) => (e.candidates.has(n) ? relinkPair(p, e.candidates.get(n)!, model) : p))
      : e.run;
    const settled = settleLinks(run, e.order, { corroborated: calibration.corroborated, uncorroborated: calibration.uncorroborated });
    for (const p of settled.pairs) {
      const k = `${p.src}-${p.tgt}`;
      const shift = (b: Block): Block => [b[0].map((x) => x + offset), b[1].map((x) => x + offset)];
      gold.set(k, [...(gold.get(k) ?? []), ...e.gold.get(k)!.map(shift)]);
      const blocks = p.links.map((l): Block => [range(l.src.first, l.src.last), range(l.tgt.first, l.tgt.last)]);
      pred.set(k, [...(pred.get(k) ?? []), ...blocks.map(shift)]);
    }
  }
  const scores = [...gold.keys()].map((k) => scoreAlignments(gold.get(k)!, pred.get(k)!).strict);
  const mean = (f: (s: (typeof scores)[number]) => number) => scores.reduce((s, x) => s + f(x), 0) / scores.length;
  const [precision, recall, f1] = [mean((s) => s.precision), mean((s) => s.recall), mean((s) => s.f1)];
  return { precision, recall, f1, f05: (1.25 * precision * recall) / (0.25 * precision + recall || 1) };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** The file a run reads: the model, the names of its features, and how it was made. */
export function pairScorerJson(model: PairScorerModel, examples: number): string {
  const file = {
    weights: model.weights,
    accept: model.accept,
    features: PAIR_FEATURES,
    fitted: `node --import tsx bench/pair-scorer.ts --write: logistic regression on ${examples} candidate pairs of simulated comparable events of the held-back FLORES-200 dev lines (CC BY-SA 4.0), the threshold chosen on other events as the most recall at no loss of precision`,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export async function runPairScorerBench(options: { lambda?: number; write?: boolean; log?: (l: string) => void } = {}): Promise<PairScorerModel> {
  const log = options.log ?? console.log;
  const events = await prepare();
  const fit = events.filter((e) => e.seed < 4);
  const check = events.filter((e) => e.seed >= 4);
  const train = examples(fit);
  log(`examples: ${train.length} candidate pairs, ${train.filter((e) => e.right).length} right (seeds 0–3, ${fit.length} events)`);
  const weights = fitLogistic(train as never, options.lambda ?? 1, 50).map((w) => Number(w.toFixed(4)));
  PAIR_FEATURES.forEach((name, t) => log(`  ${name.padEnd(26)} ${weights[t]!.toFixed(4)}`));
  const base = evaluate(check, undefined);
  log(`margin mining alone (seeds 4–7): P ${base.precision.toFixed(3)} R ${base.recall.toFixed(3)} F1 ${base.f1.toFixed(3)} F0.5 ${base.f05.toFixed(3)}`);
  // chosen as the issue asks of it: the most recall at no loss of precision against margin mining alone
  let best: { model: PairScorerModel; recall: number } = { model: { weights, accept: 0.5 }, recall: -1 };
  const thresholds: PairScorerCardFigures['thresholds'] = [];
  for (const accept of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const model: PairScorerModel = { weights, accept };
    const s = evaluate(check, model);
    thresholds.push({ accept, precision: s.precision, recall: s.recall });
    log(`pair scorer from ${accept.toFixed(2)}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} F0.5 ${s.f05.toFixed(3)}`);
    if (Number(s.precision.toFixed(3)) >= Number(base.precision.toFixed(3)) && s.recall > best.recall) best = { model, recall: s.recall };
  }
  const model = best.model;
  if (options.write) {
    writeFileSync(join(SHIPPED_MODEL_DIR, PAIR_SCORER_FILE), pairScorerJson(model, train.length));
    log(`wrote ${join(SHIPPED_MODEL_DIR, PAIR_SCORER_FILE)}`);
    // the model card says what the scorer is, what it was fitted on and what it scored
    const card = join(SHIPPED_MODEL_DIR, 'README.md');
    const section = pairScorerSection({ accept: model.accept, features: PAIR_FEATURES, examples: train.length, marginAlone: base, thresholds });
    writeFileSync(card, withPairScorerSection(readFileSync(card, 'utf8'), section));
    log(`wrote the pair scorer's section of ${card}`);
  }
  log(`pair scorer: ${JSON.stringify(model)}`);
  // the same rows as a ranking check: how often the scorer's probability orders a right pair above a wrong one
  const held = examples(check);
  const p = held.map((e) => ({ p: logistic(weights, e.x), right: e.right }));
  log(`held-out candidate pairs: ${held.length}, right ${held.filter((e) => e.right).length}; mean probability right ${mean(p.filter((r) => r.right).map((r) => r.p)).toFixed(3)}, wrong ${mean(p.filter((r) => !r.right).map((r) => r.p)).toFixed(3)}`);
  return model;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--lambda');
  await runPairScorerBench({ ...(i >= 0 ? { lambda: Number(args[i + 1]) } : {}), write: args.includes('--write') });
}
