import { foldDiacritics } from './fold.ts';
import { transliterate } from './transliterate.ts';

/**
 * A script-neutral comparison key: Cyrillic transliterated, diacritics folded, lower case.
 * `Ким Џонг Ун` → `kim dzong un`, `Kim Jong-un` → `kim jong-un`, `Phenianul` → `phenianul`.
 */
export function scriptNeutralKey(text: string): string {
  return foldDiacritics(transliterate(text)).toLowerCase();
}
