// Mining long comparable documents: NTREX-128 Bosnian against Danish as two long documents, 5% of the
// lines dropped on each side and the Danish side shuffled in blocks of 1–3 lines (fixed seed), aligned
// with `--mode mining` and the default embedder's calibration. Strict precision and recall of the
// exported links against the lines' identities, at 500 and at all 1,997 lines (4×), and the seconds
// of each, so that growth can be read beside quality. NTREX only: FLORES dev is training data.
//
//   node --import tsx bench/mining-long.ts [--embedder polyalign|lexical] [--sizes 500,1997] [--model-dir <dir>]
// The threshold column is the margin threshold the run used: the calibrated one, or the one read from
// the documents (src/align/decoy.ts) with its estimate of the share of links that are chance.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignPair } from '../src/align/index.ts';
import { calibrationFor } from '../src/align/calibration.ts';
import { mulberry32 } from '../src/random.ts';
import { embedderArg, embedderFactory } from './embedders.ts';
import type { BenchEmbedder } from './embedders.ts';
import { embedLines, NTREX_DIR, shuffleBlocks } from './ntrex.ts';
import type { Line } from './ntrex.ts';

export interface LongMiningRow { lines: number; precision: number; recall: number; f1: number; links: number; seconds: number; embedSeconds: number; threshold: string }

function side(texts: string[], seed: number, shuffle: boolean): Line[] {
  const random = mulberry32(seed);
  const kept: Line[] = texts.flatMap((text, i) => (random() < 0.05 ? [] : [{ text, ids: [i] } as Line]));
  return shuffle ? shuffleBlocks(kept, random) : kept;
}

export async function runLongMining(name: BenchEmbedder = 'polyalign', sizes = [500, 1997], dir?: string): Promise<LongMiningRow[]> {
  const read = (file: string) => readFileSync(join(NTREX_DIR, file), 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
  const [bs, da] = [read('bos.txt'), read('dan.txt')];
  const factory = await embedderFactory(name, dir ? { dir } : {});
  const rows: LongMiningRow[] = [];
  for (const n of sizes) {
    const a = side(bs.slice(0, n), 11, false);
    const b = side(da.slice(0, n), 12, true);
    const t0 = performance.now();
    const embedder = factory([...a, ...b].map((l) => l.text));
    const [x, y] = [await embedLines(embedder, 'bs', a), await embedLines(embedder, 'da', b)];
    const t1 = performance.now();
    const calibration = calibrationFor(embedder.kind);
    const result = alignPair(x, y, { mode: 'mining', thresholds: calibration.thresholds });
    const seconds = (performance.now() - t1) / 1000;
    const inB = new Set(b.map((l) => l.ids[0]));
    const gold = a.filter((l) => inB.has(l.ids[0])).length;
    let right = 0;
    for (const link of result.links) {
      const src = a.slice(link.src.first, link.src.last + 1).flatMap((l) => l.ids);
      const tgt = b.slice(link.tgt.first, link.tgt.last + 1).flatMap((l) => l.ids);
      if (src.length === 1 && tgt.length === 1 && src[0] === tgt[0]) right++;
    }
    const precision = right / Math.max(1, result.links.length);
    const recall = right / Math.max(1, gold);
    // the threshold read from the documents (src/align/decoy.ts) and its estimate of chance links, beside the precision measured
    const threshold = /margin threshold (\d\.\d\d), where the runner-up matches put the links by chance at ([\d.]+%)/.exec(result.reason);
    rows.push({
      lines: n,
      precision,
      recall,
      f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
      links: result.links.length,
      seconds,
      embedSeconds: (t1 - t0) / 1000,
      threshold: threshold ? `${threshold[1]} (chance estimated ${threshold[2]})` : `${calibration.thresholds.mining} (calibrated)`,
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const sizes = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]!.split(',').map(Number) : undefined;
  const dir = args.includes('--model-dir') ? args[args.indexOf('--model-dir') + 1] : undefined;
  const rows = await runLongMining(embedderArg(args), sizes, dir);
  console.table(rows.map((r) => ({ ...r, precision: r.precision.toFixed(3), recall: r.recall.toFixed(3), f1: r.f1.toFixed(3), seconds: r.seconds.toFixed(2), embedSeconds: r.embedSeconds.toFixed(2) })));
}
