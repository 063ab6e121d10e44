// Longer than 300 lines: the hashed features and the block allocator they live in are one hot path.
// The lexical embedder's features as the embedder uses them: the same features as
// `extractFeatures` (lexical-features.ts, the readable definition), but keyed by the 32-bit
// FNV-1a hash of their key, which picks their dimension anyway, and computed once per distinct
// word. News text is Zipfian: most words of a sentence were seen in an earlier one, so most of
// the work (transliteration, folding, spelling flattening, n-grams, hashing) is a table lookup.
//
// Every distinct feature of a run gets a dense id in a `FeatureTable`, so that counting a
// sentence's features, their document frequencies and their IDF weights are array lookups, not
// Map operations, and a sentence's features are counted in one reused scratch space.
//
// Same vectors as before, with one documented exception: two different feature keys with the
// same 32-bit hash now share their counts and document frequency (before, they only shared a
// dimension). Among the ~10⁵ distinct features of a large run that happens for about one pair in
// a million; test/embed/lexical-hashed.test.ts checks that the vectors agree on real lines.
//
// The word-level equivalence this relies on: the script-neutral key maps letters, marks and
// digits to letters and digits, and leaves everything else as it is, so the words of
// `neutral(text)` are the words of `neutral(w)` for each word w of the text, in order.

import { acronym, concept, numberWord } from './lexical-lexicon.ts';
import { ACRONYM, CAPITALISED, flattenSpelling, neutral, normaliseNumber, NUMBER, phonetic, WORD } from './lexical-features.ts';
import type { FeatureOptions } from './lexical-features.ts';

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32-bit, over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  return fnvFrom(FNV_OFFSET, text) >>> 0;
}

/** FNV-1a continued from state `h` over `text` (not yet made unsigned). */
export function fnvFrom(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

export const GROUP_COUNT = 6;

const CACHE_LIMIT = 200_000;
/** What may stand between a sentence's stop and its first word (spaces, quotes, brackets, dashes). */
const OPENING = /[\s"'“”„«»‘’‚›‹()\[\]*–—-]/u;
const STOP = /[.!?:…]/u;
const GRAM_STATE = fnvFrom(FNV_OFFSET, 'g:');
const W_STATE = fnvFrom(FNV_OFFSET, 'w:');
const S_STATE = fnvFrom(FNV_OFFSET, 's:');
/** What `skeleton` (lexical-features.ts) removes: 1 at the code of a, e, i, o, u and j. */
const VOWELS = Uint8Array.from({ length: 128 }, (_, c) => ('aeiouj'.includes(String.fromCharCode(c)) ? 1 : 0));

/**
 * Whether `text` up to `end` ends a sentence, so that a capitalised word there opens one: a stop,
 * quotes, brackets and spaces aside, or nothing at all.
 */
export function endsSentence(text: string, end = text.length): boolean {
  let i = end - 1;
  while (i >= 0 && OPENING.test(text[i]!)) i--;
  return i < 0 || STOP.test(text[i]!);
}

/**
 * The distinct features of a run, each with a dense id: its hash (the dimension and sign it
 * adds to) and its group. An open-addressing table keyed by (group, hash).
 */
export class FeatureTable {
  hashes = new Int32Array(1024);
  groups = new Uint8Array(1024);
  size = 0;
  private slots = new Int32Array(2048).fill(-1);

  id(group: number, hash: number): number {
    const mask = this.slots.length - 1;
    let s = Math.imul(hash ^ (group << 27), 0x9e3779b1) >>> 0;
    for (;;) {
      s &= mask;
      const id = this.slots[s]!;
      if (id < 0) return this.insert(s, group, hash);
      if (this.hashes[id] === hash && this.groups[id] === group) return id;
      s++;
    }
  }

  private insert(slot: number, group: number, hash: number): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const groups = new Uint8Array(id * 2);
      groups.set(this.groups);
      this.groups = groups;
    }
    this.hashes[id] = hash;
    this.groups[id] = group;
    this.slots[slot] = id;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = Math.imul(this.hashes[id]! ^ (this.groups[id]! << 27), 0x9e3779b1) >>> 0;
      while (this.slots[s & mask]! >= 0) s++;
      this.slots[s & mask] = id;
    }
  }
}

/**
 * One sentence's features: ids (into the run's FeatureTable) and counts, in group order, each
 * group in the order its features first occur. Group g is ids[offsets[g]..offsets[g+1]].
 */
export interface PackedFeatures {
  offsets: readonly number[];
  ids: Int32Array;
  counts: Uint16Array;
  /** Whether the text added concepts after its words (`%`, an acronym): see `join`. */
  tail: boolean;
}

/**
 * Typed arrays handed out as views of large blocks: a small typed array of its own costs an
 * allocation outside the heap, which for one array per sentence or word was a tenth of the time.
 */
class Arena<T extends Int32Array | Uint16Array> {
  private block: T;
  private used = 0;

  constructor(private readonly make: (size: number) => T) {
    this.block = make(ARENA_BLOCK);
  }

  take(size: number): T {
    if (this.used + size > this.block.length) {
      this.block = this.make(Math.max(ARENA_BLOCK, size));
      this.used = 0;
    }
    return this.block.subarray(this.used, (this.used += size)) as T;
  }
}

const ARENA_BLOCK = 1 << 16;

/** Counts one sentence's features, group by group in first-occurrence order, in space reused from sentence to sentence. */
class Counter {
  private stamp = new Int32Array(1024);
  private count = new Int32Array(1024);
  /** Per group, the ids met so far, in order. */
  private readonly lists = Array.from({ length: GROUP_COUNT }, () => new Int32Array(64));
  private readonly sizes = new Int32Array(GROUP_COUNT);
  private current = 0;
  private readonly idArena = new Arena((n) => new Int32Array(n));
  private readonly countArena = new Arena((n) => new Uint16Array(n));

  constructor(private readonly table: FeatureTable) {}

  start(): void {
    this.current++;
    this.sizes.fill(0);
  }

  add(id: number, times = 1): void {
    if (id >= this.stamp.length) this.grow(id);
    if (this.stamp[id] === this.current) {
      this.count[id]! += times;
      return;
    }
    this.stamp[id] = this.current;
    this.count[id] = times;
    const g = this.table.groups[id]!;
    let list = this.lists[g]!;
    const size = this.sizes[g]!;
    if (size === list.length) {
      list = new Int32Array(size * 2);
      list.set(this.lists[g]!);
      this.lists[g] = list;
    }
    list[size] = id;
    this.sizes[g] = size + 1;
  }

  private transientIds = new Int32Array(1024);
  private transientCounts = new Uint16Array(1024);

  /**
   * The counted features, grouped, each group in first-occurrence order. Transient: in space the next
   * call reuses (for a vector made at once); otherwise in the arena, to be kept.
   */
  pack(tail: boolean, transient = false): PackedFeatures {
    const offsets = [0, 0, 0, 0, 0, 0, 0];
    for (let g = 0; g < GROUP_COUNT; g++) offsets[g + 1] = offsets[g]! + this.sizes[g]!;
    const n = offsets[GROUP_COUNT]!;
    if (transient && n > this.transientIds.length) {
      this.transientIds = new Int32Array(n * 2);
      this.transientCounts = new Uint16Array(n * 2);
    }
    const ids = transient ? this.transientIds.subarray(0, n) : this.idArena.take(n);
    const counts = transient ? this.transientCounts.subarray(0, n) : this.countArena.take(n);
    for (let g = 0; g < GROUP_COUNT; g++) {
      const list = this.lists[g]!;
      const at = offsets[g]!;
      for (let k = 0; k < this.sizes[g]!; k++) {
        const id = list[k]!;
        ids[at + k] = id;
        counts[at + k] = Math.min(this.count[id]!, 65_535);
      }
    }
    return { offsets, ids, counts, tail };
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.stamp.length * 2);
    const stamp = new Int32Array(size);
    stamp.set(this.stamp);
    this.stamp = stamp;
    const count = new Int32Array(size);
    count.set(this.count);
    this.count = count;
  }
}

/**
 * Per UTF-16 unit: 1 a letter, mark or digit (a unit of WORD), 2 a high surrogate (look at the
 * pair), 0 neither; plus UPPER for an upper-case letter. Built on first use.
 */
let wordUnits: Uint8Array | undefined;
const WORD_POINT = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER_POINT = /^\p{Lu}$/u;
const UPPER = 4;

function units(): Uint8Array {
  if (wordUnits) return wordUnits;
  wordUnits = new Uint8Array(65_536);
  for (let c = 0; c < 65_536; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdbff) wordUnits[c] = 2;
    else if (WORD_POINT.test(ch)) wordUnits[c] = UPPER_POINT.test(ch) ? 1 | UPPER : 1;
  }
  return wordUnits;
}

/** How many units the code point at `i` takes if it belongs to a word (as WORD reads it), else 0. */
function wordPointLength(text: string, i: number, table: Uint8Array): number {
  const kind = table[text.charCodeAt(i)]! & 3;
  if (kind !== 2) return kind;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff && WORD_POINT.test(text.slice(i, i + 2)) ? 2 : 0;
}

/** Whether `text` is one word of WORD, all of it (checked unit by unit; surrogates go to the pattern). */
function isOneWord(text: string, table: Uint8Array): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if ((table[text.charCodeAt(i)]! & 3) !== 1) return false;
  return true;
}

/** Whether the code point at `i` (of `step` units, a word's) is an upper-case letter. */
function isUpper(text: string, i: number, step: number, table: Uint8Array): boolean {
  return step === 1 ? (table[text.charCodeAt(i)]! & UPPER) !== 0 : UPPER_POINT.test(text.slice(i, i + 2));
}

/**
 * The words of a run (as WORD finds them) with the ids of their features: found by a hash of
 * their units computed while scanning the text, so that a word seen before costs no string.
 */
class WordTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
  private words: string[] = [];
  features: Int32Array[] = [];

  get size(): number {
    return this.words.length;
  }

  /** The entry of text[start..end), which hashes to h, or -1. */
  find(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = Math.imul(h, 0x9e3779b1) >>> 0; ; s++) {
      const e = this.slots[s & mask]!;
      if (e < 0) return -1;
      if (this.hashes[e] === h) {
        const word = this.words[e]!;
        if (word.length === end - start && text.startsWith(word, start)) return e;
      }
    }
  }

  add(word: string, h: number, features: Int32Array): number {
    const e = this.words.length;
    this.words.push(word);
    this.features.push(features);
    if (e === this.hashes.length) {
      const hashes = new Int32Array(e * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[e] = h;
    if ((e + 1) * 2 > this.slots.length) this.grow();
    else this.place(e);
    return e;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let e = 0; e < this.words.length; e++) this.place(e);
  }

  clear(): void {
    this.slots.fill(-1);
    this.words = [];
    this.features = [];
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = Math.imul(this.hashes[e]!, 0x9e3779b1) >>> 0;
    while (this.slots[s & mask]! >= 0) s++;
    this.slots[s & mask] = e;
  }
}

interface Capital {
  parts: string[];
  ids: number[][];
  initial: boolean;
}

export interface HashedExtractor {
  readonly table: FeatureTable;
  /** With `transient`, the result lives until the next call (see Counter.pack). */
  features(text: string, names?: Set<string>, transient?: boolean): PackedFeatures;
  /**
   * The features of `${x} ${y}` from those of x and y, in the same order (transient), for texts where
   * no feature crosses the space (the lexical embedder checks). Neither may have a tail: `%` counts
   * once per text, and acronyms come after every word's concepts.
   */
  join(x: PackedFeatures, y: PackedFeatures): PackedFeatures;
  /** Words written with a capital inside a sentence (as `collectNames`). */
  names(texts: string[]): Set<string>;
}

export function createHashedExtractor(options: FeatureOptions): HashedExtractor {
  const table = new FeatureTable();
  const counter = new Counter(table);
  /** Per original word, the ids of its word-level features, in the order they are added. */
  const words = new WordTable();
  const wordArena = new Arena((n) => new Int32Array(n));
  const unitTable = units();
  const neutralWords = new Map<string, string>();
  const nameParts = new Map<string, { parts: string[]; ids: number[][] }>();
  const small = new Map<string, number>();
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
  /** The id of a feature given by its full key (`n:2000`), memoised. */
  const keyed = (group: number, key: string) => small.get(key) ?? memo(small, key, () => table.id(group, fnv1a(key) | 0));

  let scratch = new Int32Array(256);
  let size = 0;
  const put = (id: number) => {
    if (size === scratch.length) {
      const grown = new Int32Array(size * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[size++] = id;
  };
  const makeWord = (raw: string): Int32Array => {
    size = 0;
    const push = (group: number, key: string) => put(table.id(group, fnv1a(key) | 0));
    const key = neutral(raw);
    for (const w of isOneWord(key, unitTable) ? [key] : (key.match(WORD) ?? [])) {
      if (/^\d+$/.test(w)) continue;
      const spelled = numberWord(w);
      if (spelled) push(5, `c:n${spelled}`);
      const meaning = concept(w);
      if (meaning) push(5, `c:${meaning}`);
      const word = flattenSpelling(w);
      const marked = `#${word}#`;
      // `g:` + each n-gram, hashed in place of building its string.
      for (let n = options.minGram; n <= options.maxGram; n++) {
        for (let i = 0; i + n <= marked.length; i++) {
          let h = GRAM_STATE;
          for (let j = i; j < i + n; j++) {
            h ^= marked.charCodeAt(j);
            h = Math.imul(h, FNV_PRIME);
          }
          put(table.id(0, h | 0));
        }
      }
      // `w:` + the stem and `s:` + the first 4 letters of the skeleton (skeleton(word).slice(0, 4)),
      // hashed as they are read, without building the strings.
      let stem = W_STATE;
      for (let i = 0; i < Math.min(word.length, options.stemLength); i++) stem = Math.imul(stem ^ word.charCodeAt(i), FNV_PRIME);
      put(table.id(1, stem | 0));
      let bones = S_STATE;
      let consonants = 0;
      for (let i = 0; i < word.length && consonants < 4; i++) {
        const c = word.charCodeAt(i);
        if (c < 128 && VOWELS[c]) continue;
        bones = Math.imul(bones ^ c, FNV_PRIME);
        consonants++;
      }
      if (consonants >= 2) put(table.id(2, bones | 0));
    }
    const ids = wordArena.take(size);
    ids.set(scratch.subarray(0, size));
    return ids;
  };

  const capitalisedParts = (raw: string) =>
    nameParts.get(raw) ??
    memo(nameParts, raw, () => {
      const parts = neutralWord(raw).split(/[-'’]/).map(flattenSpelling).filter((p) => p.length >= 2);
      const ids = parts.map((name) => {
        const hs = [table.id(4, fnv1a(`p:${name.slice(0, options.namePrefix)}`) | 0)];
        const sound = phonetic(name).slice(0, options.nameSound);
        if (sound.length >= 2) hs.push(table.id(4, fnv1a(`p:~${sound}`) | 0));
        return hs;
      });
      return { parts, ids };
    });

  /** The capitalised words of a text with a name part, each with whether it opens a sentence. */
  const capitalsOf = (text: string): Capital[] => {
    const out: Capital[] = [];
    for (const match of text.matchAll(CAPITALISED)) {
      const { parts, ids } = capitalisedParts(match[0]);
      if (parts.length > 0) out.push({ parts, ids, initial: endsSentence(text, match.index) });
    }
    return out;
  };
  /** What `names` found in each text, until `features` reads it. */
  const capitals = new Map<string, Capital[]>();

  return {
    table,
    features(text: string, names?: Set<string>, transient = false): PackedFeatures {
      counter.start();
      // The words of WORD, scanned by hand: a word seen before is found by its hash, with no string made.
      // Two capitals in a row, where an acronym can start, are inside a word: noted while scanning.
      let twoCapitals = false;
      const n = text.length;
      for (let i = 0; i < n; ) {
        let step = wordPointLength(text, i, unitTable);
        if (step === 0) {
          i++;
          continue;
        }
        const start = i;
        let h = FNV_OFFSET;
        let upper = false;
        do {
          if (!twoCapitals) {
            const now = isUpper(text, i, step, unitTable);
            twoCapitals = upper && now;
            upper = now;
          }
          for (let k = 0; k < step; k++) h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME);
        } while (i < n && (step = wordPointLength(text, i, unitTable)) > 0);
        let e = words.find(text, start, i, h);
        if (e < 0) {
          if (words.size >= CACHE_LIMIT) words.clear();
          const raw = text.slice(start, i);
          e = words.add(raw, h, makeWord(raw));
        }
        const wf = words.features[e]!;
        for (let k = 0; k < wf.length; k++) counter.add(wf[k]!);
      }
      for (const raw of text.match(NUMBER) ?? []) counter.add(keyed(3, `n:${normaliseNumber(raw)}`));
      let tail = false;
      if (text.includes('%')) {
        counter.add(keyed(5, 'c:percent'));
        tail = true;
      }
      // Most sentences have no two capitals in a row, and the acronym pattern's look-behind is slow.
      if (twoCapitals) for (const raw of text.match(ACRONYM) ?? []) {
        const body = acronym(neutralWord(raw));
        if (body) {
          counter.add(keyed(5, `c:${body}`));
          tail = true;
        }
      }
      const found = capitals.get(text) ?? capitalsOf(text);
      capitals.delete(text);
      for (let c = 0; c < found.length; c++) {
        const { parts, ids, initial } = found[c]!;
        for (let k = 0; k < parts.length; k++) {
          if (initial && !names?.has(parts[k]!)) continue;
          for (const id of ids[k]!) counter.add(id);
        }
      }
      return counter.pack(tail, transient);
    },
    join(x: PackedFeatures, y: PackedFeatures): PackedFeatures {
      counter.start();
      for (let g = 0; g < GROUP_COUNT; g++) {
        for (let k = x.offsets[g]!; k < x.offsets[g + 1]!; k++) counter.add(x.ids[k]!, x.counts[k]!);
        for (let k = y.offsets[g]!; k < y.offsets[g + 1]!; k++) counter.add(y.ids[k]!, y.counts[k]!);
      }
      return counter.pack(false, true);
    },
    names(texts: string[]): Set<string> {
      const out = new Set<string>();
      capitals.clear();
      for (const text of texts) {
        const found = capitalsOf(text);
        // Kept for `features`, which reads the same texts next.
        capitals.set(text, found);
        for (const { parts, initial } of found) if (!initial) for (const p of parts) out.add(p);
      }
      return out;
    },
  };
}
