// Photo credits (`Foto: Xinhua/STA`, `© www.kremlin.ru`) and the captions they sign.
// A credit marks its line as a caption line: the text before it (and between two credits,
// when a page repeats caption and credit on one line) is caption, not article text.
// A credit alone on a line signs the caption on the line before it.

import type { RemovedKind } from '../../types.ts';
import { type Line, hasKept, kept, record, removeAll } from '../lines.ts';

/** Longer than this, the text before a credit is treated as article text that a credit was glued to. */
export const CAPTION_MAX_CHARS = 250;

const MARKER = /(?<![\p{L}\p{N}])(?:©|\(c\)|(?:foto|photo|фото|fotografija|fotografie|billede|slika|snimak|sursa foto|izvor fotografije)\s*:)/giu;

export function removeCredits(text: string, lines: Line[]): void {
  const firstWithText = lines.findIndex(hasKept);
  for (const line of lines) {
    if (!hasKept(line)) continue;
    const creditOnly = removeCreditsFromLine(text, line);
    if (creditOnly) removeCaptionBefore(text, lines, line.index, firstWithText);
  }
}

/** Returns true when the line held a credit and nothing else. */
function removeCreditsFromLine(text: string, line: Line): boolean {
  const rest = kept(text, line);
  const matches = [...rest.matchAll(MARKER)];
  const markers = matches.map((match) => line.keepStart + match.index);
  if (markers.length === 0) return false;

  const pieces: Array<{ start: number; end: number; kind: RemovedKind }> = [];
  const before = { start: line.keepStart, end: markers[0]! };
  const captionBefore = before.end > before.start && before.end - before.start <= CAPTION_MAX_CHARS;
  if (captionBefore) pieces.push({ ...before, kind: 'caption' });
  markers.forEach((marker, i) => {
    const next = markers[i + 1];
    if (next === undefined) {
      pieces.push({ start: marker, end: line.keepEnd, kind: 'credit' });
      return;
    }
    const creditEnd = sourceEnd(text, marker + matches[i]![0].length, next);
    pieces.push({ start: marker, end: creditEnd, kind: 'credit' });
    pieces.push({ start: creditEnd, end: next, kind: 'caption' });
  });

  for (const piece of pieces) record(text, line, piece.start, piece.end, piece.kind);
  const creditOnly = before.end === before.start;
  line.keepEnd = captionBefore || creditOnly ? line.keepStart : trimmedEnd(text, line.keepStart, before.end);
  return creditOnly;
}

/** A credit followed by more text on its line names one source: the token after the marker. */
function sourceEnd(text: string, afterMarker: number, limit: number): number {
  const match = /^\s*\S+/u.exec(text.slice(afterMarker, limit));
  return match ? afterMarker + match[0].length : limit;
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

/** The caption a lone credit signs: the previous line with text, unless that is the headline. */
function removeCaptionBefore(text: string, lines: Line[], index: number, firstWithText: number): void {
  for (let i = index - 1; i > firstWithText; i--) {
    const line = lines[i]!;
    if (line.removed.length > 0) return;
    if (!hasKept(line)) continue;
    if (line.keepEnd - line.keepStart <= CAPTION_MAX_CHARS) removeAll(text, line, 'caption');
    return;
  }
}
