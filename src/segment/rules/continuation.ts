// A sentence goes on when what follows the stop is lower case (`2019. godine`, `80. obletnici`,
// `relationer … og at`, `„Dođite.“ rekao je`), or punctuation (`„Idemo!“, rekao je`).

import { OPENERS, isLetterOrDigit, isLowercase } from '../chars.ts';
import type { Veto } from './context.ts';

export const continuesInLowercase: Veto = (candidate, { text }) => {
  if (candidate.word < 0) return true;
  const next = text[candidate.next]!;
  if (!OPENERS.has(next) && !isLetterOrDigit(next)) return true;
  return isLowercase(text[candidate.word]);
};
