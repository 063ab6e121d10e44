// The languages' length offsets of src/align/length.ts (LANGUAGE_LENGTH): per language, ln(characters
// of its FLORES dev lines) less the mean over the tuned languages, on the lines the model learned from
// (the held-out last 100 are left out, as are NTREX and the seeds). The same sentences in every
// language, so the offsets are the languages' own ratio and nothing of the content.
//
//   node --import tsx bench/length-offsets.ts

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HELD_OUT } from '../src/train/data.ts';

const FLORES = join(import.meta.dirname, '..', '..', 'shared', 'train', 'flores200-dev');
const FILES: Record<string, string> = { bs: 'bos', hr: 'hrv', sr: 'srp_Cyrl', sl: 'slv', ro: 'ron', mk: 'mkd', da: 'dan', en: 'eng' };
const TUNED = ['bs', 'hr', 'sr', 'sl', 'ro', 'mk', 'da'];

export function lengthOffsets(): Record<string, number> {
  const total: Record<string, number> = {};
  for (const [code, file] of Object.entries(FILES)) {
    const lines = readFileSync(join(FLORES, `${file}.txt`), 'utf8').split('\n').filter((l) => l.length > 0).slice(0, -DEFAULT_HELD_OUT);
    total[code] = Math.log(lines.reduce((n, l) => n + l.length, 0));
  }
  const mean = TUNED.reduce((s, c) => s + total[c]!, 0) / TUNED.length;
  return Object.fromEntries(Object.entries(total).map(([c, v]) => [c, Number((v - mean).toFixed(3))]));
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(lengthOffsets()));
