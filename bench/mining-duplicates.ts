// Mining a text that repeats itself. bench/hunalign-speed.ts repeats each NTREX article about six times
// at 10,000 × 10,000, so every sentence has several identical translations on the other side. Counted
// as they are, those copies fill its neighbourhood and its margin (cosine over the mean of its k best
// neighbours) falls to 1: mining found no link there. Copies (identical vectors) now count once in a
// neighbourhood, and the copies of a mutual best pair are paired in order (src/align/margin.ts,
// mining.ts). This shows it on 200 lines of Bosnian × Danish, mined once, with every line twice, and six
// times: before that change 120, 53 and 0 links (median candidate margin 1.639, 1.229, 1.000).
//
//   node --import tsx bench/mining-duplicates.ts

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignPair } from '../src/align/index.ts';
import { createLexicalEmbedder } from '../src/embed/lexical.ts';
import { embedLines, NTREX_DIR } from './ntrex.ts';

const read = (file: string) => readFileSync(join(NTREX_DIR, file), 'utf8').split('\n').slice(0, 200);
const [bs, da] = [read('bos.txt'), read('dan.txt')];
for (const copies of [1, 2, 6]) {
  const a = Array.from({ length: copies }, () => bs).flat();
  const b = Array.from({ length: copies }, () => da).flat();
  const embedder = createLexicalEmbedder({ corpus: [...a, ...b] });
  const doc = (id: string, lines: string[]) => embedLines(embedder, id, lines.map((text) => ({ text, ids: [] })));
  const r = alignPair(await doc('bs', a), await doc('da', b), { mode: 'mining' });
  const margins = [...r.links, ...r.below].map((l) => l.margin).sort((x, y) => x - y);
  console.log(`each line ${copies}×: ${r.links.length} links, median candidate margin ${margins[margins.length >> 1]?.toFixed(3)}`);
}
