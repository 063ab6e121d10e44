// `J. R. R. Tolkien`, `V. Putin`, `В. Путин`, `Lj. Stojanović`, `J.R.R. Tolkien`: a single
// capital (or a Serbo-Croatian digraph) before a stop is an initial, not a sentence's end.

import { type Veto, tokenBefore } from './context.ts';

const INITIALS = /^(?:(?:\p{Lu}|Dž|Lj|Nj|Џ|Љ|Њ)\.)*(?:\p{Lu}|Dž|Lj|Nj)$/u;

export const isInitial: Veto = (candidate, { text, lineStart }) => {
  if (candidate.punct !== '.') return false;
  return INITIALS.test(tokenBefore(text, candidate.stop, lineStart).token);
};
