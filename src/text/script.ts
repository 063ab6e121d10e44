import type { Script } from '../types.ts';

/** The script most letters of the text are written in; `Zyyy` when there are no letters or no majority. */
export function dominantScript(text: string): Script {
  let latin = 0;
  let cyrillic = 0;
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
  }
  const total = latin + cyrillic;
  if (total === 0) return 'Zyyy';
  if (latin / total >= 0.6) return 'Latn';
  if (cyrillic / total >= 0.6) return 'Cyrl';
  return 'Zyyy';
}
