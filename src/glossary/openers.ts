// Names of which only the first word is capitalised. South Slavic and Macedonian write
// `Daleki istok` (the Far East), `Dan pobjede` (Victory Day), `Drugi svjetski rat`,
// `Втората светска војна`, `Студената војна`: capitalisation alone finds `Daleki`, `Dana`,
// `Втората`. A short table of the common words that open such names (far, near, first,
// second, cold, day...) lets a name that starts with one of them run on over the lower-case
// adjectives after it and the noun that ends it.

import type { LangCode } from '../types.ts';
import { languageFamily, latinLower } from './normalise.ts';
import type { SentenceContext } from './runs.ts';

type Family = ReturnType<typeof languageFamily>;

/** Keys (inflection stripped) of words that open a name with lower-case words after them. */
const OPENERS: Record<Family, readonly string[]> = {
  'south-slavic': ['dalek', 'daljn', 'blisk', 'bliznj', 'srednj', 'prv', 'drug', 'trec', 'hladn', 'dan', 'velik'],
  // `Првата`, `Првиот` keep their vowel when the article goes (`prva`, `prvi`), and `prv` is too short to be a prefix.
  macedonian: ['dalecn', 'dalecen', 'blisk', 'sredn', 'prv', 'prva', 'prvi', 'vtor', 'tret', 'studen', 'den', 'golem'],
  romanian: [],
  danish: [],
  other: [],
};

// Lower-case adjectives inside such a name: `svjetski`, `светска`.
const ADJECTIVE = /(?:sk|ck)(?:i|a|o|e|u|og|om|oj|ih|im|ata|iot|oto|ite|ot)$/;
/** Lower-case words that end a sentence's grammar, not a name: `Dana je`, `Dan kada`. */
const STOP_WORDS = new Set(['koji', 'koja', 'koje', 'kojeg', 'kako', 'kada', 'kad', 'gdje', 'gde', 'sto', 'kao', 'ali', 'ili', 'kot', 'pri', 'ker', 'sta', 'dve', 'dva', 'koj', 'koja', 'koe', 'deka', 'kako', 'sto', 'sega', 'dali']);
/** At most this many lower-case words follow the opener. */
export const MAX_OPENER_WORDS = 3;

function isOpener(key: string, lang: LangCode): boolean {
  return OPENERS[languageFamily(lang)].some((o) => key === o || (o.length >= 4 && key.startsWith(o) && key.length - o.length <= 2));
}

/**
 * The tokens of a one-word name, run on when its word opens a longer name: `Daleki` of
 * `Daleki istok Rusije` → `Daleki istok`. Unchanged when nothing suitable follows.
 */
export function extendOpener(c: SentenceContext, tokens: number[]): number[] {
  if (tokens.length !== 1) return tokens;
  const first = tokens[0]!;
  const token = c.tokens[first]!;
  if (token.initial || token.acronym || !isOpener(c.keys[first]!, c.lang)) return tokens;
  const out = [first];
  for (let i = first; i < c.tokens.length - 1 && out.length <= MAX_OPENER_WORDS; i++) {
    const next = c.tokens[i + 1]!;
    if (!c.tokens[i]!.joinsNext || next.capitalised) break;
    const word = latinLower(next.text);
    if (word.length < 3 || STOP_WORDS.has(word)) break;
    out.push(i + 1);
    // Adjectives go on to the noun; the noun ends the name.
    if (!ADJECTIVE.test(word)) return out;
  }
  return [first];
}

// Romanian ordinals written with a capital inside a name, after their lower-case article:
// masculine `al Doilea`, `al Treilea` (and `cel de-al Doilea`, whose `de-al` compounds.ts splits),
// feminine `a Doua`, `a Treia`. `Primul`, `Prima` take no article.
const ROMANIAN_MASCULINE_ORDINAL = /^\p{Lu}\p{Ll}{2,}lea$/u;
const ROMANIAN_FEMININE_ORDINALS = new Set(['doua', 'treia', 'patra', 'cincea', 'sasea', 'saptea', 'opta', 'noua', 'zecea']);

/** The article of a Romanian ordinal that opens the name (`al` of `al Doilea Război Mondial`), or undefined. */
function ordinalArticle(c: SentenceContext, first: number): number | undefined {
  if (languageFamily(c.lang) !== 'romanian' || first === 0) return undefined;
  const word = c.tokens[first]!;
  const article = c.tokens[first - 1]!;
  if (!article.joinsNext || article.capitalised || word.initial) return undefined;
  if (article.text === 'al' && ROMANIAN_MASCULINE_ORDINAL.test(word.text)) return first - 1;
  if (article.text === 'a' && ROMANIAN_FEMININE_ORDINALS.has(latinLower(word.text))) return first - 1;
  return undefined;
}

/**
 * The tokens of a name with the lower-case article of its opening ordinal put back: `Doilea Război
 * Mondial` of `cel de-al Doilea Război Mondial` → `al Doilea Război Mondial`, the name as
 * Romanian writes it (the fragment `Doilea Război Mondial` is no name). Unchanged otherwise.
 */
export function extendOrdinal(c: SentenceContext, tokens: number[]): number[] {
  const article = tokens.length > 0 ? ordinalArticle(c, tokens[0]!) : undefined;
  return article === undefined ? tokens : [article, ...tokens];
}

/** The token at this index is the article of an opening ordinal (part of the name's form, not one of its content words). */
export function isOrdinalArticle(c: SentenceContext, tokens: readonly number[], i: number): boolean {
  return i === tokens[0] && tokens.length > 1 && ordinalArticle(c, tokens[1]!) === i;
}
