// How close two skeletons are. Two grades: `near` is strict enough to merge spellings with
// no other evidence (`sjevernkore` / `severnkore`, `ukrain` / `ukraine`); `loose` only counts
// when the two names also stand in aligned sentences (`peking` / `being`).

/** Skeletons this long or shorter must be equal to be near: `tamp`/`tramp`, `bolton`/`boston` are two names. */
export const NEAR_EXACT_UP_TO = 6;
/** From this length on, two edits are allowed instead of one. */
export const NEAR_TWO_EDITS_FROM = 12;
/** A prefix merges (`ukrain` / `ukraine`) when it has this many letters and the rest is short. */
export const PREFIX_MIN = 4;
export const PREFIX_MAX_REST = 1;
/** Loose: edits allowed per letter of the longer skeleton. */
export const LOOSE_EDIT_RATIO = 0.34;
/** Loose: the shorter skeleton needs this many letters (`being` / `peking`). */
export const LOOSE_MIN = 5;

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

// For `near`, the rest may be an ending (`ukrain`/`ukraine`, `moskv`/`moskva`) but not a
// derivational suffix with a consonant cluster: `evrop` (Europe) and `evropsk` (European)
// are two things.
function isPrefixStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < PREFIX_MIN || !long.startsWith(short)) return false;
  const rest = long.slice(short.length);
  return rest.length <= PREFIX_MAX_REST && !/[^aeiou]{2}/.test(rest);
}

/** The edits `near` allows between skeletons whose shorter one has `length` letters. */
export function nearEdits(length: number): number {
  if (length <= NEAR_EXACT_UP_TO) return 0;
  return length >= NEAR_TWO_EDITS_FROM ? 2 : 1;
}

/**
 * One skeleton is the other plus a derivational suffix: `evrop` / `evropljan` (Europe,
 * Europeans), `amerik` / `amerikank`. The longer goes on past the shorter (give or take its
 * last letter) with two letters or more holding a consonant cluster.
 */
export function isDerivation(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common < PREFIX_MIN || short.length - common > 1) return false;
  const rest = long.slice(common);
  return rest.length >= 2 && /[^aeiou]{2}/.test(rest);
}

/** Spellings of one name: same first letter and an edit or two, or a stem and its longer form. */
export function isNear(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 0 || b.length === 0) return false;
  if (isPrefixStem(a, b)) return true;
  if (a[0] !== b[0] || isDerivation(a, b)) return false;
  // The shorter spelling decides: one edit on four letters is a quarter of the name.
  const limit = nearEdits(Math.min(a.length, b.length));
  return limit > 0 && editDistance(a, b, limit) <= limit;
}

/**
 * How far apart two loosely similar skeletons are, 0 (near) to LOOSE_EDIT_RATIO; Infinity
 * when they are not similar enough to be one name even in aligned sentences.
 */
export function looseDistance(a: string, b: string): number {
  if (isNear(a, b)) return 0;
  const length = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < LOOSE_MIN || isDerivation(a, b)) return Infinity;
  const limit = Math.max(1, Math.floor(LOOSE_EDIT_RATIO * length));
  const d = editDistance(a, b, limit);
  return d <= limit ? d / length : Infinity;
}

/** Similar enough to be one name when aligned sentences also pair them (`peking` / `being`). */
export function isLooselySimilar(a: string, b: string): boolean {
  return looseDistance(a, b) < Infinity;
}
