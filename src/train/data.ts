// The training data of polyalign's static model, read from a folder laid out as
// ../shared/train is (its SOURCES.md): FLORES-200 dev (one file per language, line i the same
// sentence in every file), Tatoeba test sets (`<pair>/<lang>.txt`, line i translates line i)
// and Wiktionary word pairs (`<xx>-en.tsv`). Nothing here is NTREX or the seeds.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../embed/lexical-hashed.ts';
import { PolyalignError } from '../errors.ts';
import { readFreeDict } from './freedict.ts';

export type Source = 'flores' | 'tatoeba' | 'dictionary' | 'debian' | 'bridge' | 'pivot' | 'freedict';
export const SOURCES: Source[] = ['flores', 'tatoeba', 'dictionary', 'debian', 'bridge', 'pivot', 'freedict'];
export const SOURCE_NAMES: Record<Source, string> = { flores: 'FLORES', tatoeba: 'Tatoeba', dictionary: 'dictionary', debian: 'debian-l10n', bridge: 'debian-l10n bridge', pivot: 'tatoeba-more', freedict: 'FreeDict' };

/**
 * The debian-l10n sources used, and why the others are not: the weights are released under one
 * licence (GPL-3.0-or-later), so every source must allow that. MPL-2.0 (LibreOffice, Mozilla)
 * allows it as a secondary licence, GPL-2+/GPL-3+/LGPL (gettext catalogues, GCompris, calibre,
 * man pages, debconf) and CC BY-SA 3.0 (GNOME help, through CC BY-SA 4.0's one-way compatibility
 * with GPLv3) do too. GIMP's help (GFDL-1.2+) and the installation guide (GPL-2 only) do not.
 */
export const DEBIAN_SOURCES: Record<string, string> = {
  gettext: 'GPL-2.0+/GPL-3.0+/LGPL-2.1+ (each package\'s own)',
  'lo-help': 'MPL-2.0',
  'lo-ui': 'MPL-2.0',
  mozilla: 'MPL-2.0',
  gcompris: 'GPL-3.0+',
  'gnome-help': 'CC BY-SA 3.0',
  calibre: 'GPL-3.0',
  debconf: 'GPL (each package\'s own)',
  'installer-initrd': 'GPL (each package\'s own)',
  manpages: 'GPL-3.0+',
};
export const DEBIAN_LEFT_OUT: Record<string, string> = { 'gimp-help': 'GFDL-1.2+', 'installation-guide': 'GPL-2.0-only' };
/** debian-l10n's language codes, as the FLORES and Tatoeba files name them. */
const DEBIAN_LANGS: Record<string, string> = { ro: 'ron', da: 'dan', sl: 'slv', hr: 'hrv', sr: 'srp', mk: 'mkd', bs: 'bos' };
/** tatoeba-more's languages of ours; the others there are pivots. */
const OUR_TATOEBA = new Set(['dan', 'hbs', 'hrv', 'bos', 'mkd', 'ron', 'slv', 'srp_Cyrl', 'srp_Latn']);

/** Two texts that mean the same. `group` names what they translate (a FLORES line, an English text), so that two pairs of one group in a batch are not taken as each other's negatives. */
export interface Pair {
  source: Source;
  a: string;
  b: string;
  langs: string;
  group: string;
  /** Where the pair stands (a FLORES window, a software catalogue): pairs of one story are batched together, as each other's hard negatives. */
  story?: string;
}

export interface TrainingData {
  /** Every pair among the FLORES languages for the training lines, Tatoeba X–en, dictionary X–en. */
  train: Record<Source, Pair[]>;
  /** FLORES lines held back from training, per language: model choices are measured on them. */
  heldOut: Record<string, string[]>;
  /** Every text of FLORES, Tatoeba and the dictionary that the vocabulary is built from (the training side only). */
  texts: string[];
  /** The texts of the other sources that the vocabulary is built from when the source is used (the pivots' own sides are not). */
  sourceTexts: Partial<Record<Source, string[]>>;
  /** Pairs of the debian-l10n sources left out for their licence (DEBIAN_LEFT_OUT), by source. */
  leftOut: Record<string, number>;
  /** The FreeDict dictionaries read: name, edition, licence and pairs, for the model card. */
  freedict: Array<{ name: string; edition: string; licence: string; pairs: number }>;
}

export interface DataOptions {
  /** FLORES lines held back, taken from the end of the dev split. */
  heldOutLines?: number;
  /** Use at most this many pairs of each Tatoeba pair and dictionary (tests train on a few hundred). */
  limit?: number;
  /** FLORES lines used for training at most (tests). */
  floresLines?: number;
  /** debian-l10n sources to read (default: DEBIAN_SOURCES, the ones whose licence allows the weights' GPL-3.0-or-later). */
  debianSources?: string[];
  /** At most this many bridge pairs (two languages of ours through one English string) per language pair. */
  bridgePerPair?: number;
  /** At most this many pivot–English pairs per pivot language (tatoeba-more). */
  pivotEnglish?: number;
  /** Where FreeDict's dictd files are (Debian's dict-freedict-* packages put them in /usr/share/dictd); none read when not given. */
  freedictDir?: string;
}

export const DEFAULT_HELD_OUT = 100;
export const DEFAULT_BRIDGE_PER_PAIR = 6_000;
export const DEFAULT_PIVOT_ENGLISH = 4_000;
/** FLORES lines of one story window: consecutive lines of the dev split come from one article. */
export const FLORES_STORY = 8;
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
        floresPairs.push({ source: 'flores', a: flores[la]![i]!, b: flores[lb]![i]!, langs: `${la}-${lb}`, group: `f${i}`, story: `f${la}-${lb}/${Math.floor(i / FLORES_STORY)}` });
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
  const debian = existsSync(join(dir, 'debian-l10n')) ? loadDebian(join(dir, 'debian-l10n'), options, limit) : { debian: [], bridge: [] };
  const pivot = existsSync(join(dir, 'tatoeba-more')) ? loadPivots(join(dir, 'tatoeba-more'), options, limit) : { pairs: [], vocabularyTexts: [] };
  const dictionaries = options.freedictDir ? readFreeDict(options.freedictDir, limit) : [];
  const freedict: Pair[] = dictionaries.flatMap((d) => d.pairs.map((p) => ({ source: 'freedict' as const, a: p.word, b: p.english, langs: `${d.lang}-eng`, group: `d${p.english}` })));
  const sides = (pairs: Pair[]) => pairs.flatMap((p) => [p.a, p.b]);
  return {
    train: { flores: floresPairs, tatoeba, dictionary, debian: debian.debian, bridge: debian.bridge, pivot: pivot.pairs, freedict },
    heldOut,
    texts,
    sourceTexts: { debian: sides(debian.debian), bridge: [], pivot: pivot.vocabularyTexts, freedict: sides(freedict) },
    freedict: dictionaries.map((d) => ({ name: d.name, edition: d.edition, licence: d.licence, pairs: d.pairs.length })),
    leftOut: existsSync(join(dir, 'debian-l10n')) ? countLeftOut(join(dir, 'debian-l10n')) : {},
  };
}

function countLeftOut(root: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const source of Object.keys(DEBIAN_LEFT_OUT)) {
    if (!existsSync(join(root, source))) continue;
    out[source] = readdirSync(join(root, source)).filter((f) => f.endsWith('.tsv')).reduce((n, f) => n + lines(join(root, source, f)).filter(Boolean).length, 0);
  }
  return out;
}

/** The same pair once: Serbian holds most strings in both scripts, catalogues repeat strings. */
function dedupe(pairs: Pair[]): Pair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.langs}\u0000${p.a}\u0000${p.b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * English ↔ our languages from debian-l10n, and bridges: two of our languages that translate the same
 * English string (in any of the sources read) are a pair of their own (Slovene ↔ Romanian, which no other source
 * pairs directly), capped per language pair, chosen by a hash of the English so that a rebuild picks the same.
 */
function loadDebian(root: string, options: DataOptions, limit: number): { debian: Pair[]; bridge: Pair[] } {
  const chosen = options.debianSources ?? Object.keys(DEBIAN_SOURCES);
  const debian: Pair[] = [];
  const byEnglish = new Map<string, Map<string, string>>();
  for (const source of readdirSync(root).sort()) {
    if (!chosen.includes(source)) continue;
    for (const file of readdirSync(join(root, source)).filter((f) => f.endsWith('.tsv')).sort()) {
      const lang = DEBIAN_LANGS[file.replace(/\.tsv$/, '')];
      if (!lang) continue;
      let n = 0;
      for (const line of lines(join(root, source, file))) {
        if (n >= limit) break;
        const [english, translation, from] = line.split('\t');
        if (!english || !translation) continue;
        debian.push({ source: 'debian', a: translation, b: english, langs: `${lang}-eng`, group: `e${english}`, story: `d${source}/${from ?? ''}` });
        let seen = byEnglish.get(english);
        if (!seen) byEnglish.set(english, (seen = new Map()));
        if (!seen.has(lang)) seen.set(lang, translation);
        n++;
      }
    }
  }
  const perPair = new Map<string, Array<{ rank: number; pair: Pair }>>();
  for (const [english, translations] of byEnglish) {
    const langs = [...translations.keys()].sort();
    for (let i = 0; i < langs.length; i++) {
      for (let j = i + 1; j < langs.length; j++) {
        const key = `${langs[i]}-${langs[j]}`;
        let list = perPair.get(key);
        if (!list) perPair.set(key, (list = []));
        list.push({ rank: fnv1a(`${key}\u0000${english}`), pair: { source: 'bridge', a: translations.get(langs[i]!)!, b: translations.get(langs[j]!)!, langs: key, group: `e${english}` } });
      }
    }
  }
  const cap = options.bridgePerPair ?? DEFAULT_BRIDGE_PER_PAIR;
  const bridge: Pair[] = [];
  for (const key of [...perPair.keys()].sort()) {
    const list = perPair.get(key)!.sort((x, y) => x.rank - y.rank || (x.pair.a < y.pair.a ? -1 : 1));
    bridge.push(...list.slice(0, cap).map((x) => x.pair));
  }
  return { debian: dedupe(debian), bridge: dedupe(bridge) };
}

/**
 * tatoeba-more: every set that pairs one of our languages with a pivot (Esperanto, German, Spanish …),
 * and each pivot with English, capped per pivot. The pivots' own words are not put in the vocabulary:
 * it is for our languages and English.
 */
function loadPivots(root: string, options: DataOptions, limit: number): { pairs: Pair[]; vocabularyTexts: string[] } {
  const pairs: Pair[] = [];
  const vocabularyTexts: string[] = [];
  const pivotEnglish = options.pivotEnglish ?? DEFAULT_PIVOT_ENGLISH;
  for (const set of readdirSync(root).sort()) {
    const files = readdirSync(join(root, set)).filter((f) => f.endsWith('.txt')).sort();
    if (files.length !== 2) continue;
    const [fa, fb] = files as [string, string];
    const [la, lb] = [fa.replace(/\.txt$/, ''), fb.replace(/\.txt$/, '')];
    const ours = (l: string) => OUR_TATOEBA.has(l);
    if (la === lb) continue; // paraphrases, not translations across languages
    const withEnglish = la === 'eng' || lb === 'eng';
    if (!ours(la) && !ours(lb) && !withEnglish) continue;
    const [xa, xb] = [lines(join(root, set, fa)), lines(join(root, set, fb))];
    const n = Math.min(xa.length, xb.length, limit, ours(la) || ours(lb) ? Infinity : pivotEnglish);
    for (let i = 0; i < n; i++) {
      if (!xa[i] || !xb[i]) continue;
      pairs.push({ source: 'pivot', a: xa[i]!, b: xb[i]!, langs: `${la}-${lb}`, group: `p${set}/${i}` });
      if (ours(la) || la === 'eng') vocabularyTexts.push(xa[i]!);
      if (ours(lb) || lb === 'eng') vocabularyTexts.push(xb[i]!);
    }
  }
  return { pairs: dedupe(pairs), vocabularyTexts };
}
