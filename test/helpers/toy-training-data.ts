// A training folder in the layout of ../shared/train, made of two toy "languages" that share no
// letters: every word of language A has one translation in language B, drawn at random. The
// only way to find a sentence's translation is to learn the word mapping, so a model that
// retrieves held-out translations well above chance has learned something.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32 } from '../../src/random.ts';
import { FLORES_LANGS } from '../../src/train/data.ts';

const A = 'bcdfgklmnprstvz';
const B = 'аеиоу';

function word(random: () => number, letters: string, length: number): string {
  let w = '';
  for (let i = 0; i < length; i++) w += letters[Math.floor(random() * letters.length)];
  return w;
}

export interface ToyData {
  dir: string;
  lines: number;
}

/** FLORES-layout files: the odd languages speak A, the even ones B (Cyrillic vowels); tatoeba and wiktionary pairs too. */
export async function writeToyTrainingData(dir: string, options: { lines: number; words: number; seed: number }): Promise<ToyData> {
  const random = mulberry32(options.seed);
  const lexicon = Array.from({ length: options.words }, () => ({ a: word(random, A, 5), b: word(random, B, 6) }));
  const sentences = Array.from({ length: options.lines }, () => Array.from({ length: 6 }, () => lexicon[Math.floor(random() * lexicon.length)]!));
  await mkdir(join(dir, 'flores200-dev'), { recursive: true });
  for (const [k, lang] of FLORES_LANGS.entries()) {
    const side = k % 2 === 0 ? 'a' : 'b';
    await writeFile(join(dir, 'flores200-dev', `${lang}.txt`), `${sentences.map((s) => s.map((w) => w[side]).join(' ')).join('\n')}\n`);
  }
  await mkdir(join(dir, 'tatoeba', 'eng-toy'), { recursive: true });
  await writeFile(join(dir, 'tatoeba', 'eng-toy', 'eng.txt'), `${sentences.slice(0, 50).map((s) => s.map((w) => w.a).join(' ')).join('\n')}\n`);
  await writeFile(join(dir, 'tatoeba', 'eng-toy', 'toy.txt'), `${sentences.slice(0, 50).map((s) => s.map((w) => w.b).join(' ')).join('\n')}\n`);
  await mkdir(join(dir, 'wiktionary'), { recursive: true });
  await writeFile(join(dir, 'wiktionary', 'toy-en.tsv'), `${lexicon.map((w) => `${w.b}\t${w.a}`).join('\n')}\n`);
  return { dir, lines: options.lines };
}
