// `dr. Kim`, `npr. Putin`, `d.o.o. Sarajevo`, `f.eks. Danmark`, `т.е. Русија`: the stop belongs
// to an abbreviation from the language's list (abbreviations.ts).

import { type Veto, tokenBefore } from './context.ts';

export const isAbbreviation: Veto = (candidate, { text, lineStart, abbreviations }) => {
  if (candidate.punct !== '.') return false;
  const { token } = tokenBefore(text, candidate.stop, lineStart);
  return token !== '' && abbreviations.has(`${token.toLowerCase()}.`);
};
