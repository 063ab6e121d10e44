// The WordPiece vocabulary of the static model, built from the training texts.
//
// WordPiece spells a word by greedy longest match: the longest vocabulary entry that starts the
// word, then the longest `##` entry that continues it, and so on. So the vocabulary is chosen
// in that shape. Word-initial pieces are ranked by how many word tokens start with them: the
// count of a stem sums over all its inflections (`predsjednik`, `predsjednika`,
// `predsjednikom` all count for `predsjednik`), so stems of inflected languages rank with the
// whole words of the others. Continuation pieces are then ranked by how often they start what
// is left of a word after its first piece (`##a`, `##om`, `##ima`). Every single character
// seen is kept in both forms, so that no word of a known alphabet is unknown.

export interface VocabularyOptions {
  /** Word-initial pieces (whole words and stems), at most. */
  prefixes: number;
  /** Continuation pieces, at most. */
  continuations: number;
  /** A piece must begin this many word tokens to be kept. */
  minCount: number;
  /** Words longer than this are not counted for prefixes (URLs, runs of digits). */
  maxWordLength: number;
  /** Word-initial pieces are at most this long, so that the inflections of a word share their first piece (`kuca`, `kuce` → `kuc`). */
  maxPrefixLength: number;
}

export const DEFAULT_VOCABULARY: VocabularyOptions = { prefixes: 20_000, continuations: 3_500, minCount: 3, maxWordLength: 24, maxPrefixLength: 6 };
export const UNK = '[UNK]';

function topByCount(counts: Map<string, number>, n: number, minCount: number, keep: (piece: string) => boolean): string[] {
  return [...counts]
    .filter(([piece, c]) => c >= minCount && keep(piece))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([piece]) => piece);
}

/** Vocabulary pieces in id order: [UNK], single characters, word-initial pieces, `##` pieces. Deterministic for the same words. */
export function buildVocabulary(wordCounts: Map<string, number>, options: VocabularyOptions = DEFAULT_VOCABULARY): string[] {
  const chars = new Set<string>();
  const prefixCounts = new Map<string, number>();
  for (const [word, count] of wordCounts) {
    for (const ch of word) chars.add(ch);
    if (word.length > options.maxWordLength) continue;
    for (let l = 2; l <= Math.min(word.length, options.maxPrefixLength); l++) {
      const p = word.slice(0, l);
      prefixCounts.set(p, (prefixCounts.get(p) ?? 0) + count);
    }
  }
  const alphabet = [...chars].sort();
  const prefixes = topByCount(prefixCounts, options.prefixes, options.minCount, () => true);
  const prefixSet = new Set([...alphabet, ...prefixes]);

  // What is left of each word after its longest initial piece: the continuations' candidates.
  const restCounts = new Map<string, number>();
  for (const [word, count] of wordCounts) {
    if (word.length > options.maxWordLength) continue;
    let end = word.length;
    while (end > 1 && !prefixSet.has(word.slice(0, end))) end--;
    const rest = word.slice(end);
    for (let l = 1; l <= rest.length; l++) {
      const p = rest.slice(0, l);
      restCounts.set(p, (restCounts.get(p) ?? 0) + count);
    }
  }
  const continuations = topByCount(restCounts, options.continuations, options.minCount, (p) => p.length > 1);
  const pieces = [UNK, ...alphabet, ...prefixes.filter((p) => !chars.has(p)), ...alphabet.map((c) => `##${c}`), ...continuations.map((c) => `##${c}`)];
  return [...new Set(pieces)];
}

/** How often each normalised word occurs in `texts`. */
export function countWords(texts: Iterable<string>, words: (text: string) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
