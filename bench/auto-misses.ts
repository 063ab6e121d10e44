// Why `auto` picks mining for article pairs that are translations: the ordered condition of the NTREX
// benchmark (articles 0–60 by default), each miss tallied by the rule that failed and the shorter
// document's length in sentences.
//
//   node --import tsx bench/auto-misses.ts [--embedder polyalign|lexical] [--articles N]

import { pathToFileURL } from 'node:url';
import { alignPair } from '../src/align/index.ts';
import { calibrationFor } from '../src/align/calibration.ts';
import { embedderArg, embedderFactory } from './embedders.ts';
import { embedLines, LANGS, loadNtrex, perturb } from './ntrex.ts';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const articles = args.includes('--articles') ? Number(args[args.indexOf('--articles') + 1]) : 61;
  const make = await embedderFactory(embedderArg(args));
  const corpus = loadNtrex();
  const misses: Record<string, number> = {};
  let pairs = 0;
  for (let art = 0; art < articles; art++) {
    const sides = LANGS.map(({ code }) => ({ code, lines: perturb(corpus, art, code, 'ordered') }));
    const embedder = make(sides.flatMap((s) => s.lines.map((l) => l.text)));
    const c = calibrationFor(embedder.kind);
    const docs = await Promise.all(sides.map((s) => embedLines(embedder, s.code, s.lines)));
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        pairs++;
        const r = alignPair(docs[i]!, docs[j]!, { thresholds: c.thresholds, autoPairMin: c.autoPairMin });
        if (r.method !== 'mining') continue;
        const rule = r.reason.split('; ').pop()!;
        const size = Math.min(docs[i]!.n, docs[j]!.n) <= 5 ? '≤ 5 sentences' : '> 5 sentences';
        misses[`${rule} (${size})`] = (misses[`${rule} (${size})`] ?? 0) + 1;
      }
    }
  }
  const total = Object.values(misses).reduce((a, b) => a + b, 0);
  console.log(`${total} of ${pairs} translation pairs aligned as mining`);
  console.table(Object.entries(misses).sort((a, b) => b[1] - a[1]).map(([why, n]) => ({ why, pairs: n })));
}
