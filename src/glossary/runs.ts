// The first step of name detection: each sentence's words (tokens.ts) with their keys, the
// capitalised quotations that are titles, and the raw runs of capitalised words with their
// joiners, before anything decides which capitals are names.

import type { LangCode, Segmented, Sentence } from '../types.ts';
import { acronymKey, latinLower, normaliseWord } from './normalise.ts';
import { splitCompounds } from './compounds.ts';
import { quotedSpans, tokenise } from './tokens.ts';
import type { Token } from './tokens.ts';

// Words capitalised by grammar rather than because they name something: the polite pronouns
// (Danish `De`/`Dem`/`Deres`, South Slavic `Vi`/`Vaš`, Macedonian `Вие`, Romanian
// `Dumneavoastră`), compared after transliteration and folding.
const GRAMMAR_CAPITALS = new Set([
  'de', 'dem', 'deres', 'vi', 'vas', 'vam', 'vama', 'vasa', 'vase', 'vaseg', 'vasem', 'vasim', 'vasu', 'vasoj',
  'vie', 'dumneavoastra', 'dvs',
]);

/** What a candidate looks like: a capitalised run, an acronym, a quoted title. Not yet what it names (entity-type.ts). */
export type CandidateKind = 'name' | 'acronym' | 'title';

/** A sentence with its words, their keys (capitalised words only) and its layout. */
export interface SentenceContext {
  docIndex: number;
  doc: string;
  lang: LangCode;
  sentence: Sentence;
  tokens: Token[];
  keys: string[];
  headline: boolean;
  allCaps: boolean;
}

/** A stretch of one sentence's tokens that names one thing. */
export interface Piece {
  context: SentenceContext;
  /** Token indices from the first to the last word, joiners included. */
  tokens: number[];
  type: CandidateKind;
}

export type KeyOf = (token: Token, lang: LangCode) => string;

/** Keys of capitalised words, memoised for one extraction: names repeat, and folding is slow. */
export function keyMemo(): KeyOf {
  const memo = new Map<string, string>();
  return (token, lang) => {
    const id = `${lang}\u0000${token.text}`;
    let key = memo.get(id);
    if (key === undefined) memo.set(id, (key = token.acronym ? acronymKey(token.text) : normaliseWord(token.text, lang)));
    return key;
  };
}

/** A polite pronoun or the like: capitalised, but not a name. */
export function isGrammarCapital(token: Token): boolean {
  return token.text.length <= 13 && GRAMMAR_CAPITALS.has(latinLower(token.text));
}

/** A sentence's words and keys, and whether it is a headline (title case or all capitals). */
export function analyse(docIndex: number, doc: Segmented, sentence: Sentence, headlineRatio: number, keyOf: KeyOf): SentenceContext {
  const lang = doc.lang.code;
  const tokens = splitCompounds(tokenise(sentence.text), lang);
  const long = tokens.filter((t) => !t.acronym && t.text.length >= 4);
  const capitalised = long.filter((t) => t.capitalised).length;
  const headlineCase = long.length >= 3 && capitalised / long.length >= headlineRatio;
  const allCaps = tokens.length > 0 && tokens.every((t) => t.acronym || t.text.replace(/\P{L}/gu, '').length < 2);
  return {
    docIndex,
    doc: doc.doc.id,
    lang,
    sentence,
    tokens,
    // Only capitalised words are ever compared by key.
    keys: tokens.map((t) => (t.capitalised ? keyOf(t, lang) : '')),
    headline: headlineCase || allCaps,
    allCaps,
  };
}

export function isJoiner(token: Token, joiners: ReadonlySet<string>): boolean {
  return !token.capitalised && joiners.has(token.text);
}

/** Capitalised quotations of a few words: `„Родонг Синмун“`, `“Victory Day”`. Returns their pieces and the tokens they use. */
export function titlePieces(c: SentenceContext, joiners: ReadonlySet<string>, maxWords: number): { pieces: Piece[]; used: Set<number> } {
  const pieces: Piece[] = [];
  const used = new Set<number>();
  for (const quote of quotedSpans(c.sentence.text)) {
    const inside = c.tokens.flatMap((t, i) => (t.start >= quote.start && t.end <= quote.end ? [i] : []));
    if (inside.length < 2 || inside.length > maxWords) continue;
    const first = c.tokens[inside[0]!]!;
    const last = c.tokens[inside[inside.length - 1]!]!;
    const inner = c.sentence.text.slice(quote.start, quote.end).trim();
    if (inner !== c.sentence.text.slice(first.start, last.end) || /[.!?;:,]/.test(inner)) continue;
    const words = inside.map((i) => c.tokens[i]!);
    if (!words.every((t) => t.capitalised || isJoiner(t, joiners)) || !words[0]!.capitalised) continue;
    pieces.push({ context: c, tokens: inside, type: 'title' });
    for (const i of inside) used.add(i);
  }
  return { pieces, used };
}

/** Runs of capitalised words with single joiners between them, before any word is dropped. */
export function capitalisedRuns(c: SentenceContext, used: Set<number>, joiners: ReadonlySet<string>): number[][] {
  const nameish = (i: number): boolean => {
    const t = c.tokens[i];
    // One letter is an initial or a preposition (`U`, `V`, `D.C.`), never a name of its own.
    return t !== undefined && t.capitalised && t.text.length >= 2 && !used.has(i) && !isGrammarCapital(t);
  };
  const runs: number[][] = [];
  let i = 0;
  while (i < c.tokens.length) {
    if (!nameish(i)) {
      i++;
      continue;
    }
    const run = [i];
    let j = i;
    for (;;) {
      const t = c.tokens[j]!;
      if (!t.joinsNext) break;
      if (nameish(j + 1)) {
        run.push(++j);
        continue;
      }
      const next = c.tokens[j + 1];
      if (next && isJoiner(next, joiners) && next.joinsNext && nameish(j + 2)) {
        run.push(j + 1, j + 2);
        j += 2;
        continue;
      }
      break;
    }
    runs.push(run);
    i = j + 1;
  }
  return runs;
}

/** The key of a stretch of tokens: word keys, joiners as written. */
export function pieceKey(context: SentenceContext, tokens: number[]): string {
  return tokens.map((i) => (context.tokens[i]!.capitalised ? context.keys[i]! : latinLower(context.tokens[i]!.text))).join(' ');
}

