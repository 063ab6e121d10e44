// The languages polyalign is made for: its segmentation rules, glossary cues, exonym table,
// lexical lexicon and its own model's training data cover these. Another language still runs
// (sentences are split on stops, names found by capitals, vectors from shared subwords), but a
// user should know that it is weaker, so a run says so for every such document.

import type { LangCode, LanguageInfo } from '../types.ts';

export const TUNED_LANGUAGES = ['bs', 'hr', 'sr', 'sl', 'ro', 'mk', 'da'] as const;

export function isTuned(code: LangCode): boolean {
  return (TUNED_LANGUAGES as readonly string[]).includes(code.split('-')[0]!.toLowerCase());
}

/** The one-line warning for a document in a language outside the tuned set, or undefined. */
export function languageWarning(path: string, lang: LanguageInfo): string | undefined {
  if (isTuned(lang.code)) return undefined;
  return `${path}: ${lang.code} is outside the languages polyalign is tuned for (${TUNED_LANGUAGES.join(', ')}); its sentence splitting, glossary and embeddings are weaker there`;
}
