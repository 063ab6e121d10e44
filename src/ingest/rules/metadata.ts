// The scraper that produced the reference articles writes ` date 2025-09-03 ` at the start
// of the first line, and the article goes on after it on the same line. Only the token is
// metadata; what follows stays article text.

import { type Line, kept, removeHead } from '../lines.ts';

const DATE_TOKEN = /^date\s+(\d{4}-\d{2}-\d{2})(?=\s|$)/iu;

/** Take a leading `date YYYY-MM-DD` from the first line with text into `meta.date`. */
export function removeMetadata(text: string, lines: Line[], meta: Record<string, string>): void {
  const first = lines.find((line) => line.keepEnd > line.keepStart);
  if (!first) return;
  const match = DATE_TOKEN.exec(kept(text, first));
  if (!match) return;
  meta.date = match[1]!;
  removeHead(text, first, match[0].length, 'metadata');
}
