// The two kernels of the similarity pass on the same lexical vectors: the dense tiled kernel and the
// inverted index that `auto` picks for sparse vectors. Seconds (median of 3) and whether every
// neighbour and score agree.
//
//   node --import tsx bench/similarity-kernels.ts [--lines 2000]

import { pathToFileURL } from 'node:url';
import { topKBoth, type Kernel } from '../src/align/similarity.ts';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { loadNtrex } from './ntrex.ts';

export interface KernelRow {
  lines: number;
  density: number;
  kernel: Kernel;
  seconds: number;
  identical: boolean;
}

export async function runKernelBench(lines = 2_000): Promise<KernelRow[]> {
  const corpus = loadNtrex();
  const a = corpus.lines.bs!.slice(0, lines);
  const b = corpus.lines.da!.slice(0, lines);
  const embedder = createLexicalEmbedder({ corpus: [...a, ...b] });
  const [va, vb] = [await embedder.embed(a), await embedder.embed(b)];
  let nonZero = 0;
  for (const v of va) for (const x of v) if (x !== 0) nonZero++;
  const density = Math.round((nonZero / (va.length * va[0]!.length)) * 1000) / 1000;
  const results = (['dense', 'sparse'] as const).map((kernel) => {
    const times: number[] = [];
    let out = topKBoth(va, vb, 4, true, kernel);
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      out = topKBoth(va, vb, 4, true, kernel);
      times.push((performance.now() - t0) / 1000);
    }
    times.sort((x, y) => x - y);
    return { kernel, seconds: Math.round(times[1]! * 1000) / 1000, out };
  });
  const [dense, sparse] = results;
  const same = (x: typeof dense.out, y: typeof dense.out) =>
    x.ab.index.every((v, i) => v === y.ab.index[i]) && x.ab.score.every((v, i) => v === y.ab.score[i]) &&
    x.ba.index.every((v, i) => v === y.ba.index[i]) && x.ba.score.every((v, i) => v === y.ba.score[i]);
  const identical = same(dense!.out, sparse!.out);
  return results.map((r) => ({ lines, density, kernel: r.kernel, seconds: r.seconds, identical }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--lines');
  const rows = await runKernelBench(i > 0 ? Number(process.argv[i + 1]) : undefined);
  console.table(rows);
}
