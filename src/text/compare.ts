// Orders and labels shared by stages and exporters, so that every output sorts and names spans alike.

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A span's sentence numbers as alignments.csv writes them: `12`, or `12-13` for a merge. */
export function formatSpan(span: { first: number; last: number }): string {
  return span.first === span.last ? String(span.first) : `${span.first}-${span.last}`;
}
