// How often the figure rules of link evidence (src/align/evidence.ts unmatchedNumbers) find figures
// that disagree, or a figure on one side only, where the two sides are translations: every NTREX line
// against the same line in each other language (8 languages, 28 pairs, 41,937 line pairs). On
// translations every such finding is a false alarm or a difference the translators made; the most
// frequent ones are printed with an example, for the next rule to read.
//
//   node --import tsx bench/figures.ts [--top N]

import { pathToFileURL } from 'node:url';
import { unmatchedNumbers } from '../src/align/evidence.ts';
import { LANGS, loadNtrex } from './ntrex.ts';

export interface FigureCounts {
  linePairs: number;
  disagree: number;
  oneSide: number;
  /** The figures left on each side (`a ~ b`, a side's figures joined by `|`), most frequent first, with an example. */
  patterns: Array<{ pattern: string; count: number; example: string }>;
}

export function countFigures(top = 20): FigureCounts {
  const corpus = loadNtrex();
  const codes = LANGS.map((l) => l.code);
  const patterns = new Map<string, { count: number; example: string }>();
  let [linePairs, disagree, oneSide] = [0, 0, 0];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const [a, b] = [corpus.lines[codes[i]!]!, corpus.lines[codes[j]!]!];
      for (let k = 0; k < a.length; k++) {
        linePairs++;
        const [x, y] = unmatchedNumbers(a[k]!, b[k]!);
        if (x.length === 0 && y.length === 0) continue;
        if (x.length > 0 && y.length > 0) disagree++;
        else oneSide++;
        const pattern = `${x.join('|') || '—'} ~ ${y.join('|') || '—'}`;
        const seen = patterns.get(pattern) ?? { count: 0, example: `${codes[i]}–${codes[j]} line ${k}: ${a[k]} ‖ ${b[k]}` };
        seen.count++;
        patterns.set(pattern, seen);
      }
    }
  }
  const sorted = [...patterns].sort((p, q) => q[1].count - p[1].count || (p[0] < q[0] ? -1 : 1));
  return { linePairs, disagree, oneSide, patterns: sorted.slice(0, top).map(([pattern, v]) => ({ pattern, ...v })) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--top');
  const r = countFigures(i >= 0 ? Number(process.argv[i + 1]) : 20);
  const pct = (n: number) => `${((100 * n) / r.linePairs).toFixed(2)}%`;
  console.log(`NTREX line pairs: ${r.linePairs}; figures that disagree: ${r.disagree} (${pct(r.disagree)}); a figure on one side only: ${r.oneSide} (${pct(r.oneSide)})`);
  for (const p of r.patterns) console.log(`${String(p.count).padStart(5)}  ${p.pattern}\n       ${p.example.slice(0, 300)}`);
}
