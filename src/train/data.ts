// The training data of polyalign's static model, read from a folder laid out as
// ../shared/train is (its SOURCES.md): FLORES-200 dev (one file per language, line i the same
// sentence in every file), Tatoeba test sets (`<pair>/<lang>.txt`, line i translates line i)
// and Wiktionary word pairs (`<xx>-en.tsv`). Nothing here is NTREX or the seeds.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PolyalignError } from '../errors.ts';

export type Source = 'flores' | 'tatoeba' | 'dictionary';

/** Two texts that mean the same. `group` names what they translate (a FLORES line, an English text), so that two pairs of one group in a batch are not taken as each other's negatives. */
export interface Pair {
  source: Source;
  a: string;
  b: string;
  langs: string;
  group: string;
}

export interface TrainingData {
  /** Every pair among the FLORES languages for the training lines, Tatoeba X–en, dictionary X–en. */
  train: Record<Source, Pair[]>;
  /** FLORES lines held back from training, per language: model choices are measured on them. */
  heldOut: Record<string, string[]>;
  /** Every text the vocabulary is built from (the training side only). */
  texts: string[];
}

export interface DataOptions {
  /** FLORES lines held back, taken from the end of the dev split. */
  heldOutLines?: number;
  /** Use at most this many pairs of each Tatoeba pair and dictionary (tests train on a few hundred). */
  limit?: number;
  /** FLORES lines used for training at most (tests). */
  floresLines?: number;
}

export const DEFAULT_HELD_OUT = 100;
/** The FLORES languages paired with each other; English is a pivot, not an output language. */
export const FLORES_LANGS = ['bos', 'hrv', 'srp_Cyrl', 'slv', 'ron', 'mkd', 'dan', 'eng'];

function lines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out.map((l) => l.trim());
}

function need(path: string): void {
  if (!existsSync(path)) throw new PolyalignError('input.missing', 'the training data is not there (expected the layout of ../shared/train: flores200-dev/, tatoeba/, wiktionary/)', { path });
}

export function loadTrainingData(dir: string, options: DataOptions = {}): TrainingData {
  const held = options.heldOutLines ?? DEFAULT_HELD_OUT;
  const limit = options.limit ?? Infinity;
  const floresDir = join(dir, 'flores200-dev');
  const tatoebaDir = join(dir, 'tatoeba');
  const dictDir = join(dir, 'wiktionary');
  for (const p of [floresDir, tatoebaDir, dictDir]) need(p);

  const flores: Record<string, string[]> = {};
  for (const lang of FLORES_LANGS) flores[lang] = lines(join(floresDir, `${lang}.txt`));
  const total = flores.eng!.length;
  for (const lang of FLORES_LANGS) {
    if (flores[lang]!.length !== total) throw new PolyalignError('train.invalid', `expected ${total} lines, not ${flores[lang]!.length}`, { path: join(floresDir, `${lang}.txt`) });
  }
  const trainLines = Math.min(total - held, options.floresLines ?? Infinity);
  const heldOut: Record<string, string[]> = {};
  for (const lang of FLORES_LANGS) heldOut[lang] = flores[lang]!.slice(total - held);

  const texts: string[] = [];
  const floresPairs: Pair[] = [];
  for (let i = 0; i < trainLines; i++) {
    for (const lang of FLORES_LANGS) texts.push(flores[lang]![i]!);
    for (let x = 0; x < FLORES_LANGS.length; x++) {
      for (let y = x + 1; y < FLORES_LANGS.length; y++) {
        const [la, lb] = [FLORES_LANGS[x]!, FLORES_LANGS[y]!];
        floresPairs.push({ source: 'flores', a: flores[la]![i]!, b: flores[lb]![i]!, langs: `${la}-${lb}`, group: `f${i}` });
      }
    }
  }

  const tatoeba: Pair[] = [];
  for (const pair of readdirSync(tatoebaDir).sort()) {
    const files = readdirSync(join(tatoebaDir, pair)).filter((f) => f.endsWith('.txt')).sort();
    const other = files.find((f) => f !== 'eng.txt');
    if (!other || !files.includes('eng.txt')) continue;
    const eng = lines(join(tatoebaDir, pair, 'eng.txt'));
    const xx = lines(join(tatoebaDir, pair, other));
    const n = Math.min(eng.length, xx.length, limit);
    for (let i = 0; i < n; i++) {
      if (!eng[i] || !xx[i]) continue;
      tatoeba.push({ source: 'tatoeba', a: xx[i]!, b: eng[i]!, langs: `${other.replace(/\.txt$/, '')}-eng`, group: `t${eng[i]}` });
      texts.push(xx[i]!, eng[i]!);
    }
  }

  const dictionary: Pair[] = [];
  for (const file of readdirSync(dictDir).filter((f) => f.endsWith('.tsv')).sort()) {
    const lang = file.replace(/-en\.tsv$/, '');
    let n = 0;
    for (const line of lines(join(dictDir, file))) {
      if (n >= limit) break;
      const [word, english] = line.split('\t');
      if (!word || !english) continue;
      dictionary.push({ source: 'dictionary', a: word, b: english, langs: `${lang}-eng`, group: `d${english}` });
      texts.push(word, english);
      n++;
    }
  }
  return { train: { flores: floresPairs, tatoeba, dictionary }, heldOut, texts };
}
