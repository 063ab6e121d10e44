// Words that glue a name to something that is not part of it, split before names are found.
//
//  - Danish (and Norwegian) compounds of a name and a common noun, with or without the
//    definite suffix: `Ukraine-krigen` (the Ukraine war), `Kursk-regionen`, `Kursk-region`,
//    `EU-landene`. The compound is a common noun of its own (a translator writes `rat u
//    Ukrajini`, not a form of the name), so it is not a form of the name; the name inside it is
//    a mention of the name, as written in that language (`Ukraine`), and the glossary keeps it
//    so. The tail must look like a common noun (normalise.ts, dropCompoundTail): lower case and
//    of two syllables or more, or a short noun of the list there; hyphenated names keep their
//    hyphen (`Kim Jong-un`, `Jong-un`, `Austro-Hungary`, `Saudi-Arabien`, `Rimski-Korsakov`,
//    `Bosna-Hercegovina`: a capitalised or a one-syllable tail).
//  - Romanian `de-al` and `de-a` of the long ordinal (`cel de-al Doilea Război Mondial`): the
//    article `al`/`a` belongs to the name that follows (ordinals.ts), the `de` does not.
//
// Only languages whose orthography writes such compounds are split: in South Slavic a hyphen
// before lower case is an inflection (`BBC-ja`, `Jong-una`), and stays.

import type { LangCode } from '../types.ts';
import { dropCompoundTail, isAcronym, languageFamily } from './normalise.ts';
import type { Token } from './tokens.ts';

const ROMANIAN_LONG_ORDINAL = /^(\p{Ll}+)-(al|a)$/u;

function split(t: Token, at: number): [Token, Token] {
  const head = t.text.slice(0, at);
  const tail = t.text.slice(at + 1);
  const first = head[0]!;
  return [
    {
      text: head,
      start: t.start,
      end: t.start + head.length,
      capitalised: first !== first.toLowerCase() && first === first.toUpperCase(),
      acronym: isAcronym(head),
      initial: t.initial,
      // A hyphen stands between the two: the head never runs on into the next word.
      joinsNext: false,
    },
    { text: tail, start: t.start + at + 1, end: t.end, capitalised: false, acronym: false, initial: false, joinsNext: t.joinsNext },
  ];
}

/** The token split where a name and what follows it are written as one word; unchanged otherwise. */
export function splitToken(t: Token, lang: LangCode): Token[] {
  const family = languageFamily(lang);
  if (family === 'danish' && t.capitalised) {
    const head = dropCompoundTail(t.text);
    if (head !== t.text) return split(t, head.length);
  }
  if (family === 'romanian' && !t.capitalised && ROMANIAN_LONG_ORDINAL.test(t.text)) return split(t, t.text.indexOf('-'));
  return [t];
}

/** A sentence's tokens with compounds split (see above). */
export function splitCompounds(tokens: readonly Token[], lang: LangCode): Token[] {
  return tokens.flatMap((t) => splitToken(t, lang));
}
