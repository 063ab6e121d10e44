// How much of a set of matches keeps both documents in the same order.

/**
 * Positions of one longest strictly increasing subsequence of `seq` (patience sorting, O(n log n)).
 * Among equally long ones it returns the one that ends on the smallest values, which is deterministic.
 */
export function longestIncreasing(seq: readonly number[]): number[] {
  const tails: number[] = []; // tails[l]: position of the smallest tail of an increasing run of length l + 1
  const prev = new Int32Array(seq.length).fill(-1);
  for (let p = 0; p < seq.length; p++) {
    const v = seq[p]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[p] = tails[lo - 1]!;
    tails[lo] = p;
  }
  const out: number[] = [];
  for (let p = tails.length > 0 ? tails[tails.length - 1]! : -1; p >= 0; p = prev[p]!) out.push(p);
  return out.reverse();
}

/**
 * Kendall's tau-a of `seq` against its positions: 1 when increasing, -1 when decreasing, about 0 when
 * shuffled, and 0 for fewer than two values (no evidence either way). Inversions are counted by merge
 * sort, O(n log n), so 10,000 matches cost nothing.
 */
export function kendallTau(seq: readonly number[]): number {
  const n = seq.length;
  if (n < 2) return 0;
  const pairs = (n * (n - 1)) / 2;
  let ties = 0;
  const counts = new Map<number, number>();
  for (const v of seq) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const c of counts.values()) ties += (c * (c - 1)) / 2;
  const inversions = countInversions(Float64Array.from(seq));
  return (pairs - ties - 2 * inversions) / pairs;
}

function countInversions(a: Float64Array): number {
  const buf = new Float64Array(a.length);
  let inversions = 0;
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (a[j]! < a[i]!) {
          inversions += mid - i;
          buf[k++] = a[j++]!;
        } else {
          buf[k++] = a[i++]!;
        }
      }
      while (i < mid) buf[k++] = a[i++]!;
      while (j < hi) buf[k++] = a[j++]!;
    }
    a.set(buf);
  }
  return inversions;
}
