// The lexical embedder's features as the embedder uses them: the same features as
// `extractFeatures` (lexical-features.ts, the readable definition), but keyed by the 32-bit
// FNV-1a hash of their key, which picks their dimension anyway, and computed once per distinct
// word. News text is Zipfian: most words of a sentence were seen in an earlier one, so most of
// the work (transliteration, folding, spelling flattening, n-grams, hashing) is a table lookup.
//
// Same vectors as before, with one documented exception: two different feature keys with the
// same 32-bit hash now share their counts and document frequency (before, they only shared a
// dimension). Among the ~10⁵ distinct features of a large run that happens for about one pair in
// a million; test/embed/lexical-hashed.test.ts checks that the vectors agree on NTREX lines.
//
// The word-level equivalence this relies on: the script-neutral key maps letters, marks and
// digits to letters and digits, and leaves everything else as it is, so the words of
// `neutral(text)` are the words of `neutral(w)` for each word w of the text, in order.

import { acronym, concept, numberWord } from './lexical-lexicon.ts';
import { ACRONYM, CAPITALISED, flattenSpelling, neutral, normaliseNumber, NUMBER, phonetic, skeleton, WORD } from './lexical-features.ts';
import type { FeatureGroup, FeatureOptions } from './lexical-features.ts';

/** FNV-1a, 32-bit, over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const GROUP_INDEX: Record<FeatureGroup, number> = { gram: 0, word: 1, skeleton: 2, number: 3, name: 4, concept: 5 };
export const GROUP_COUNT = 6;

/** Per group (GROUP_INDEX), feature hash → count. */
export type HashedFeatures = Array<Map<number, number>>;

const CACHE_LIMIT = 200_000;
/** What may stand between a sentence's stop and its first word (spaces, quotes, brackets, dashes). */
const OPENING = /[\s"'“”„«»‘’‚›‹()\[\]*–—-]/u;
const STOP = /[.!?:…]/u;

/** Features packed into typed arrays (about 1 kB for a news sentence): group g holds hashes[offsets[g]..offsets[g+1]]. */
export interface PackedFeatures {
  offsets: Uint32Array;
  hashes: Int32Array;
  counts: Uint16Array;
}

export function pack(features: HashedFeatures): PackedFeatures {
  let size = 0;
  for (const g of features) size += g.size;
  const offsets = new Uint32Array(GROUP_COUNT + 1);
  const hashes = new Int32Array(size);
  const counts = new Uint16Array(size);
  let k = 0;
  features.forEach((group, g) => {
    offsets[g] = k;
    for (const [h, c] of group) {
      hashes[k] = h;
      counts[k++] = Math.min(c, 65_535);
    }
  });
  offsets[GROUP_COUNT] = k;
  return { offsets, hashes, counts };
}

/** Feature hashes of one original word, flattened as [group, hash, group, hash, …]. */
type WordFeatures = Int32Array;

function add(map: Map<number, number>, h: number): void {
  map.set(h, (map.get(h) ?? 0) + 1);
}

export interface HashedExtractor {
  features(text: string, names?: Set<string>): HashedFeatures;
  /** Words written with a capital inside a sentence (as `collectNames`). */
  names(texts: string[]): Set<string>;
}

export function createHashedExtractor(options: FeatureOptions): HashedExtractor {
  const words = new Map<string, WordFeatures>();
  const neutralWords = new Map<string, string>();
  const nameParts = new Map<string, { parts: string[]; hashes: number[][] }>();
  const memo = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
    let v = map.get(key);
    if (v === undefined) {
      if (map.size >= CACHE_LIMIT) map.clear();
      v = make();
      map.set(key, v);
    }
    return v;
  };
  const neutralWord = (w: string) => neutralWords.get(w) ?? memo(neutralWords, w, () => neutral(w));

  const wordFeatures = (raw: string): WordFeatures =>
    words.get(raw) ??
    memo(words, raw, () => {
      const out: number[] = [];
      const push = (group: number, key: string) => out.push(group, fnv1a(key) | 0);
      for (const [w] of neutral(raw).matchAll(WORD)) {
        if (/^\d+$/.test(w)) continue;
        const spelled = numberWord(w);
        if (spelled) push(5, `c:n${spelled}`);
        const meaning = concept(w);
        if (meaning) push(5, `c:${meaning}`);
        const word = flattenSpelling(w);
        const marked = `#${word}#`;
        for (let n = options.minGram; n <= options.maxGram; n++) {
          for (let i = 0; i + n <= marked.length; i++) push(0, `g:${marked.slice(i, i + n)}`);
        }
        push(1, `w:${word.slice(0, options.stemLength)}`);
        const bones = skeleton(word);
        if (bones.length >= 2) push(2, `s:${bones.slice(0, 4)}`);
      }
      return Int32Array.from(out);
    });

  const capitalisedParts = (raw: string) =>
    nameParts.get(raw) ??
    memo(nameParts, raw, () => {
      const parts = neutralWord(raw).split(/[-'’]/).map(flattenSpelling).filter((p) => p.length >= 2);
      const hashes = parts.map((name) => {
        const hs = [fnv1a(`p:${name.slice(0, options.namePrefix)}`) | 0];
        const sound = phonetic(name).slice(0, options.nameSound);
        if (sound.length >= 2) hs.push(fnv1a(`p:~${sound}`) | 0);
        return hs;
      });
      return { parts, hashes };
    });

  const isSentenceInitial = (text: string, index: number): boolean => {
    let i = index - 1;
    while (i >= 0 && OPENING.test(text[i]!)) i--;
    return i < 0 || STOP.test(text[i]!);
  };

  return {
    features(text: string, names?: Set<string>): HashedFeatures {
      const f: HashedFeatures = Array.from({ length: GROUP_COUNT }, () => new Map());
      for (const [raw] of text.matchAll(WORD)) {
        const wf = wordFeatures(raw);
        for (let i = 0; i < wf.length; i += 2) add(f[wf[i]!]!, wf[i + 1]!);
      }
      for (const [raw] of text.matchAll(NUMBER)) add(f[3]!, fnv1a(`n:${normaliseNumber(raw)}`) | 0);
      if (text.includes('%')) add(f[5]!, fnv1a('c:percent') | 0);
      for (const [raw] of text.matchAll(ACRONYM)) {
        const body = acronym(neutralWord(raw));
        if (body) add(f[5]!, fnv1a(`c:${body}`) | 0);
      }
      for (const match of text.matchAll(CAPITALISED)) {
        const { parts, hashes } = capitalisedParts(match[0]);
        if (parts.length === 0) continue;
        const initial = isSentenceInitial(text, match.index);
        parts.forEach((name, k) => {
          if (initial && !names?.has(name)) return;
          for (const h of hashes[k]!) add(f[4]!, h);
        });
      }
      return f;
    },
    names(texts: string[]): Set<string> {
      const out = new Set<string>();
      for (const text of texts) {
        for (const match of text.matchAll(CAPITALISED)) {
          const { parts } = capitalisedParts(match[0]);
          if (parts.length > 0 && !isSentenceInitial(text, match.index)) for (const p of parts) out.add(p);
        }
      }
      return out;
    },
  };
}
