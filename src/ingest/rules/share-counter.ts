// Social widgets scraped with the article: `0 SHARES Сподели Твитни`, `12 shares Share Tweet`.
// A counter is a number followed by a word for "shares"; the button labels after it go too.
// A line of button labels alone (two or more) is also a widget, also after a call to share
// (`Del artiklen: Facebook · X · LinkedIn`, `Podijeli članak: Facebook | Twitter`).

import { type Line, kept, removeAll, removeHead } from '../lines.ts';

const COUNTER = /^\d[\d.,]*\s*[kKmM]?\s+(?:shares?|dijeljenja|deljenja|podijeljeno|delitev|distribuiri|delinger|споделувања|дељења)(?=\s|$)/iu;

/** Labels of share buttons, lower case, in the languages polyalign reads. */
const BUTTONS = new Set([
  'share', 'tweet', 'pin', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'whatsapp', 'viber', 'linkedin', 'telegram', 'messenger',
  'podijeli', 'podeli', 'podjeli', 'tvituj', 'deli', 'delite', 'distribuie', 'del', 'tweeter',
  'сподели', 'твитни', 'подели', 'твитуј',
]);

/** `Del artiklen:`, `Share this article:`, `Podijeli vijest:`: a share verb, at most two words, a colon. */
const CALL = /^(?:share|del|podijeli|podeli|podjeli|deli|delite|distribuie|сподели|подели)(?:\s+\p{L}+){0,2}\s*:\s*/iu;
/** What stands between button labels: `Facebook · X | LinkedIn`. */
const SEPARATOR = new Set(['·', '|', '•', '/', '-', '–', ',']);

export function removeShareCounters(text: string, lines: Line[]): void {
  for (const line of lines) {
    const rest = kept(text, line);
    if (!rest) continue;
    const counter = COUNTER.exec(rest);
    const call = counter ? undefined : CALL.exec(rest);
    const start = counter ? counter[0].length : (call?.[0].length ?? 0);
    const buttons = buttonRun(rest.slice(start));
    if (counter) {
      removeHead(text, line, counter[0].length + buttons.length, 'share-counter');
    } else if (buttons.count >= 2 && start + buttons.length === rest.length) {
      removeAll(text, line, 'share-counter');
    }
  }
}

/** The leading run of button labels in `rest`: its length in characters and how many labels. */
function buttonRun(rest: string): { length: number; count: number } {
  let length = 0;
  let count = 0;
  for (const match of rest.matchAll(/\s*(\S+)/gu)) {
    const word = match[1]!.toLowerCase();
    if (SEPARATOR.has(word)) {
      length += match[0].length;
      continue;
    }
    if (!BUTTONS.has(word) && !(count > 0 && word === 'x')) break;
    length += match[0].length;
    count++;
  }
  return { length, count };
}
