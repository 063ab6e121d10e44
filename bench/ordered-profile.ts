// Where alignment of long documents spends its time, before and after the band (coarse.ts) and the
// candidates (candidates.ts): the 10,000 × 10,000 Bosnian × Danish lines of bench/hunalign-speed.ts,
// lexical vectors (or --embedder polyalign, the default of a run), aligned in ordered mode once against
// every pair of sentences and once in the band, in auto mode (which decides long documents on their
// first sentences), and mined against every pair and through candidates, each under the V8 profiler.
// Prints seconds, strict F1 and the functions with the largest share of self time.
//
//   node --import tsx bench/ordered-profile.ts [--n 10000] [--only mining] [--embedder lexical|polyalign] [--linear-above N]

import { Session } from 'node:inspector/promises';
import { alignPair, linksToBlocks, scoreAlignments } from '../src/align/index.ts';
import { embedderArg, embedderFactory } from './embedders.ts';
import { realPair } from './hunalign-speed.ts';
import { embedLines, goldBlocks } from './ntrex.ts';

const at = process.argv.indexOf('--n');
const n = at >= 0 ? Number(process.argv[at + 1]) : 10_000;
// --linear-above: the size (sentence pairs) above which the band and the candidates are used in the rows
// that do not compare every pair; lower than its default (4M) it tries them on shorter documents, such as
// one pass over NTREX (--n 1997), where no sentence has a copy.
const linearAt = process.argv.indexOf('--linear-above');
const linearAboveArg = linearAt >= 0 ? Number(process.argv[linearAt + 1]) : undefined;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const { a, b } = realPair(n);
const embedder = (await embedderFactory(embedderArg(process.argv.slice(2), 'lexical')))([...a, ...b].map((l) => l.text));
const [da, db] = [await embedLines(embedder, 'bs', a), await embedLines(embedder, 'da', b)];
const gold = goldBlocks(a, b);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
for (const [name, mode, linearAbove] of [
  ['ordered, every pair', 'ordered', Infinity],
  ['ordered, band', 'ordered', linearAboveArg],
  ['auto (decides on the first sentences, then the band)', 'auto', linearAboveArg],
  ['mining, every pair', 'mining', Infinity],
  ['mining, candidates', 'mining', linearAboveArg],
] as const) {
  if (only && !name.startsWith(only)) continue;
  await session.post('Profiler.start');
  const t0 = performance.now();
  const r = alignPair(da, db, { mode, ...(linearAbove !== undefined ? { linearAbove } : {}) });
  const seconds = (performance.now() - t0) / 1000;
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  const f1 = scoreAlignments(gold, linksToBlocks(r.links)).strict.f1;
  console.log(`\n${name}: ${r.method}, ${seconds.toFixed(2)} s, strict F1 ${f1.toFixed(3)}`);
  for (const [fn, hits] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 6)) console.log(`  ${((100 * hits) / total).toFixed(1).padStart(5)}%  ${fn}`);
}
session.disconnect();
