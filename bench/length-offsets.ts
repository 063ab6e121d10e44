// The languages' length offsets of src/align/length.ts (LANGUAGE_LENGTH): per language, ln(characters
// of its FLORES dev lines) less the mean over the tuned languages, on the lines the model learned from
// (the held-out last 100 are left out, as are NTREX and the seeds). The same sentences in every
// language, so the offsets are the languages' own ratio and nothing of the content.
//
//   node --import tsx bench/length-offsets.ts

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HELD_OUT, FLORES_LANGS } from '../src/train/data.ts';
import { HELD_OUT_LANGS } from '../src/train/build.ts';
import { toBcp47 } from '../src/language/iso.ts';
import { FLORES_DIR } from './confidence.ts';

export function lengthOffsets(): Record<string, number> {
  const total = new Map(
    FLORES_LANGS.map((lang) => {
      const lines = readFileSync(join(FLORES_DIR, `${lang}.txt`), 'utf8').split('\n').filter((l) => l.length > 0).slice(0, -DEFAULT_HELD_OUT);
      return [lang, Math.log(lines.reduce((n, l) => n + l.length, 0))];
    }),
  );
  // the tuned languages are the FLORES languages other than the English pivot
  const mean = HELD_OUT_LANGS.reduce((s, lang) => s + total.get(lang)!, 0) / HELD_OUT_LANGS.length;
  return Object.fromEntries([...total].map(([lang, v]) => [toBcp47(lang.split('_')[0]!), Number((v - mean).toFixed(3))]));
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(lengthOffsets()));
