// A run embeds every sentence and every pair of neighbouring sentences as one text, `${x} ${y}`
// (pipeline.ts). An embedder whose features never cross a space can make a pair's vector from its
// halves' work instead of reading the pair again; this finds the halves.

/** Characters of a text that index it, to find the text a joined one starts with. */
const PREFIX = 24;

/**
 * For a list of texts: a function that, given t, returns the positions of x and y in the list with
 * t = `${x} ${y}` (the first such split), or undefined.
 */
export function joinFinder(texts: readonly string[]): (t: string) => [number, number] | undefined {
  const index = new Map<string, number>();
  texts.forEach((t, i) => {
    if (!index.has(t)) index.set(t, i);
  });
  const byPrefix = new Map<string, number[]>();
  index.forEach((i, t) => {
    if (t.length < PREFIX) return;
    const key = t.slice(0, PREFIX);
    const list = byPrefix.get(key);
    if (list) list.push(i);
    else byPrefix.set(key, [i]);
  });
  const rest = (t: string, x: number): [number, number] | undefined => {
    const y = index.get(t.slice(texts[x]!.length + 1));
    return y === undefined ? undefined : [x, y];
  };
  return (t) => {
    // an x shorter than PREFIX ends at one of the first spaces; a longer one is found by its prefix
    for (let p = t.indexOf(' '); p > 0 && p < PREFIX; p = t.indexOf(' ', p + 1)) {
      const x = index.get(t.slice(0, p));
      const found = x === undefined ? undefined : rest(t, x);
      if (found) return found;
    }
    for (const x of byPrefix.get(t.slice(0, PREFIX)) ?? []) {
      const length = texts[x]!.length;
      if (t.length <= length || t.charCodeAt(length) !== 32 || !t.startsWith(texts[x]!)) continue;
      const found = rest(t, x);
      if (found) return found;
    }
    return undefined;
  };
}
