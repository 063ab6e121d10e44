// Calibrates the aligner's thresholds for one embedder on half of NTREX (articles 0–60) and checks
// them on the other half (61–122). Scored on the n-way run (what `polyalign run` exports), macro strict
// P/R over the 21 language pairs. The acceptance thresholds are chosen in the comparable condition by
// F0.5 (precision counts twice as much as recall: a translator would rather miss a link than confirm a
// wrong one), as the lexical embedder's were; `auto`'s evidence margin by the mean strict F1 of both
// conditions, which is what choosing the right mode buys.
//
//   node --import tsx bench/calibrate.ts [--embedder polyalign|lexical] [--articles 61]
//       [--mining 1.15,1.2 --uncorroborated 1.3,1.4 --corroborated 0.9,1.0 --auto-pair-min 1.1,1.2]
//   (a list replaces that part of the grid, so that slices of it can run side by side; --first-only
//   stops after the mining and uncorroborated thresholds)

import { pathToFileURL } from 'node:url';
import { calibrationFor } from '../src/align/calibration.ts';
import type { Calibration } from '../src/align/calibration.ts';
import { embedderArg, embedderFactory } from './embedders.ts';
import { runNtrex, summariseNtrex } from './ntrex.ts';
import type { Condition } from './ntrex.ts';

const GRID = {
  mining: [1.15, 1.2, 1.25, 1.3, 1.35],
  uncorroborated: [1.3, 1.4, 1.5],
  corroborated: [0.9, 1.0, 1.1],
  autoPairMin: [1.1, 1.15, 1.2, 1.3],
};
export const fHalf = (p: number, r: number) => (p + r > 0 ? (1.25 * p * r) / (0.25 * p + r) : 0);

type Row = { strictP: number; strictR: number; strictF1: number };

async function score(make: (c: string[]) => Promise<import('../src/embed/embedder.ts').Embedder>, calibration: Calibration, from: number, articles: number, condition: Condition): Promise<Row> {
  const r = await runNtrex({ embedder: make, calibration, from, articles, hunalign: false, conditions: [condition] });
  const row = summariseNtrex(r).find((x) => x.system === 'polyalign n-way')!;
  return { strictP: Number(row.strictP), strictR: Number(row.strictR), strictF1: Number(row.strictF1) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const name = embedderArg(args);
  const half = args.includes('--articles') ? Number(args[args.indexOf('--articles') + 1]) : 61;
  const list = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1]!.split(',').map(Number) : undefined);
  GRID.mining = list('--mining') ?? GRID.mining;
  GRID.uncorroborated = list('--uncorroborated') ?? GRID.uncorroborated;
  GRID.corroborated = list('--corroborated') ?? GRID.corroborated;
  GRID.autoPairMin = list('--auto-pair-min') ?? GRID.autoPairMin;
  const factory = await embedderFactory(name);
  const make = async (corpus: string[]) => factory(corpus);
  const kind = factory([]).kind;
  let best: Calibration = { ...calibrationFor(kind) };
  const pick = async (label: string, candidates: Calibration[], value: (c: Calibration) => Promise<number>) => {
    let chosen: { c: Calibration; v: number } | undefined;
    for (const c of candidates) {
      const v = await value(c);
      console.log(`${label} ${JSON.stringify({ mining: c.thresholds.mining, uncorroborated: c.uncorroborated, corroborated: c.corroborated, autoPairMin: c.autoPairMin })}: ${v.toFixed(4)}`);
      if (!chosen || v > chosen.v + 1e-9) chosen = { c, v };
    }
    best = chosen!.c;
    console.log(`→ ${JSON.stringify(best)}`);
  };
  const comparableF05 = async (c: Calibration) => {
    const row = await score(make, c, 0, half, 'comparable');
    console.log(`  P ${row.strictP} R ${row.strictR} F1 ${row.strictF1}`);
    return fHalf(row.strictP, row.strictR);
  };
  const bothF1 = async (c: Calibration) => ((await score(make, c, 0, half, 'comparable')).strictF1 + (await score(make, c, 0, half, 'ordered')).strictF1) / 2;
  // The mining threshold and the one for uncorroborated links together: one trades recall, the other precision.
  await pick(
    'mining, uncorroborated',
    GRID.mining.flatMap((mining) => GRID.uncorroborated.filter((u) => u >= mining).map((uncorroborated) => ({ ...best, thresholds: { ...best.thresholds, mining }, uncorroborated }))),
    comparableF05,
  );
  if (args.includes('--first-only')) process.exit(0);
  await pick('corroborated', GRID.corroborated.map((corroborated) => ({ ...best, corroborated })), comparableF05);
  await pick('autoPairMin', GRID.autoPairMin.map((autoPairMin) => ({ ...best, autoPairMin })), bothF1);
  for (const condition of ['comparable', 'ordered'] as Condition[]) {
    console.log(`chosen, ${condition}, articles 0–${half - 1}:`, JSON.stringify(await score(make, best, 0, half, condition)));
    console.log(`chosen, ${condition}, held out ${half}–122:`, JSON.stringify(await score(make, best, half, 123 - half, condition)));
  }
  console.log(JSON.stringify(best));
}
