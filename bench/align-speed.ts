// Speed of the aligner: seconds to align two synthetic documents of 1,000 and 10,000 sentences (dim 384)
// in each mode, and peak memory.
//
//   node --import tsx bench/align-speed.ts
//
// The second document is a perturbed translation of the first (deletions, insertions, merges), so the
// ordered DP follows a real path and mining finds real pairs. Vectors are Gaussian "meanings" plus noise,
// L2-normalised, with a shared direction as neural embedders have; no model is involved. Sentences have
// lengths in characters (each meaning 20–220, noise as between translations), as the pipeline passes them,
// so the ordered DP runs with its length prior and length-aware merge rules, as in a real run.

import { pathToFileURL } from 'node:url';
import { alignPair } from '../src/align/index.ts';
import type { AlignDoc } from '../src/align/index.ts';
import type { Method } from '../src/types.ts';
import { mulberry32 as rng } from '../src/random.ts';
import { l2normalise } from '../src/embed/vectors.ts';

export const SPEED_SIZES = [1_000, 10_000];
export const SPEED_DIM = 384;
const MODES: Method[] = ['ordered', 'mining'];
const SEED = 20250903;


/** A pair of documents: `n` sentences and a translation of them. */
export function syntheticPair(n: number, dim = SPEED_DIM, seed = SEED): [AlignDoc, AlignDoc] {
  const random = rng(seed + n);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const unit = (): Float32Array => l2normalise(Float32Array.from({ length: dim }, gauss));
  const common = unit();
  const meanings: Float32Array[] = [];
  const meaning = () => meanings.push(unit()) - 1;
  const embed = (ids: number[]): Float32Array => {
    const v = new Float32Array(dim);
    const noise = unit();
    const w = 0.3 + 0.3 * random();
    for (const id of ids) for (let t = 0; t < dim; t++) v[t]! += meanings[id]![t]!;
    l2normalise(v);
    for (let t = 0; t < dim; t++) v[t]! += 0.55 * common[t]! + w * noise[t]!;
    return l2normalise(v);
  };
  // A stream of its own for lengths, so the vectors are the ones earlier versions of this benchmark drew.
  const lengthRandom = rng(seed + n + 1);
  const meaningLength: number[] = [];
  const length = (ids: number[]): number => {
    let len = 0;
    for (const id of ids) len += (meaningLength[id] ??= 20 + Math.floor(200 * lengthRandom()));
    const g = Math.sqrt(-2 * Math.log(1 - lengthRandom())) * Math.cos(2 * Math.PI * lengthRandom());
    return Math.max(1, Math.round(len + g * Math.sqrt(9 * len)));
  };
  const doc = (id: string, items: number[][]): AlignDoc => ({
    id,
    n: items.length,
    vectors: items.map(embed),
    merged: items.slice(1).map((ids, i) => embed([...items[i]!, ...ids])),
    lengths: items.map(length),
  });
  const src = Array.from({ length: n }, () => [meaning()]);
  const tgt: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (random() < 0.05) tgt.push([meaning()]);
    if (random() < 0.1) continue;
    if (i + 1 < n && random() < 0.05) {
      tgt.push([...src[i]!, ...src[i + 1]!]);
      i++;
    } else tgt.push([...src[i]!]);
  }
  return [doc('a', src), doc('b', tgt)];
}


const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Figures, keyed `align.<n>.<mode>.s` (seconds), `align.<n>.<mode>.links`, `rss.<n>.input.mb` (resident
 * memory with both documents' vectors built) and `rss.<n>.<mode>.peak.mb` (peak resident memory of the
 * process so far, from getrusage; sizes run smallest first, so each peak belongs to its size or an earlier one).
 */
export async function runAlignSpeed(sizes = SPEED_SIZES): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of sizes) {
    const [a, b] = syntheticPair(n);
    out[`rss.${n}.input.mb`] = mb(process.memoryUsage().rss);
    for (const mode of MODES) {
      const start = performance.now();
      const result = alignPair(a, b, { mode });
      out[`align.${n}.${mode}.s`] = Math.round(performance.now() - start) / 1000;
      out[`align.${n}.${mode}.links`] = result.links.length;
      out[`rss.${n}.${mode}.peak.mb`] = mb(process.resourceUsage().maxRSS * 1024);
    }
  }
  return out;
}

/** One row per size and mode, for a table. */
export function alignSpeedRows(figures: Record<string, number>, sizes = SPEED_SIZES): Array<Record<string, string | number | undefined>> {
  return sizes.flatMap((n) =>
    MODES.map((mode) => ({
      sentences: `${n} × ${n}`,
      dim: SPEED_DIM,
      mode,
      seconds: figures[`align.${n}.${mode}.s`],
      links: figures[`align.${n}.${mode}.links`],
      'input rss MB': figures[`rss.${n}.input.mb`],
      'peak rss MB': figures[`rss.${n}.${mode}.peak.mb`],
    })),
  );
}

// `--json` prints the figures only (bench/run.ts runs this file in a child process so that peak
// memory is this benchmark's own); `--quick` runs the 1,000-sentence size only.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.includes('--quick') ? SPEED_SIZES.slice(0, 1) : SPEED_SIZES;
  const figures = await runAlignSpeed(sizes);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else console.table(alignSpeedRows(figures, sizes));
}
