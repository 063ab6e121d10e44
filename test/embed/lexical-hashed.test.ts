// The lexical embedder's fast path (features keyed by hash, computed once per word) against the
// readable definition (extractFeatures, string keys): the same vectors on real text.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLexicalEmbedder, DEFAULT_WEIGHTS, fnv1a } from '../../src/embed/lexical.ts';
import { collectNames, extractFeatures } from '../../src/embed/lexical-features.ts';
import type { FeatureGroup, Features } from '../../src/embed/lexical-features.ts';
import { l2normalise } from '../../src/embed/vectors.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const lines = readdirSync(SEEDS)
  .sort()
  .flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split(/\n+|(?<=[.!?])\s+/))
  .filter((l) => l.trim().length > 0);

/** The embedder as it was written before the fast path: string-keyed features, string-keyed IDF. */
function reference(corpus: string[], dim: number): (text: string) => Float32Array {
  const names = collectNames(corpus);
  const groups = Object.keys(DEFAULT_WEIGHTS) as FeatureGroup[];
  const all = corpus.map((t) => extractFeatures(t, undefined, names));
  const df = new Map<string, number>();
  for (const f of all) for (const g of groups) for (const k of f[g].keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const set = new Set(corpus);
  return (text: string) => {
    const f: Features = extractFeatures(text, undefined, names);
    const out = new Float32Array(dim);
    for (const g of groups) {
      const entries: Array<[number, number]> = [];
      let norm = 0;
      for (const [k, tf] of f[g]) {
        const d = df.get(k) ?? 0;
        if (d < (set.has(text) ? 2 : 1)) continue;
        const w = (1 + Math.log(tf)) * (Math.log((corpus.length + 1) / (d + 1)) + 1);
        entries.push([fnv1a(k), w]);
        norm += w * w;
      }
      if (norm === 0) continue;
      const scale = DEFAULT_WEIGHTS[g] / Math.sqrt(norm);
      for (const [h, w] of entries) out[h % dim]! += (h & 0x80000000 ? -w : w) * scale;
    }
    return l2normalise(out);
  };
}

/**
 * Lines that reach the corners of the hand-written word scanner: astral letters, lone surrogates,
 * marks, acronyms, hyphens. Each corner occurs twice, since a feature no other line has is dropped.
 */
const CORNERS = [
  'NATO i EU, SAD i UN: iPhone, McDonald\'s i Kim Jong-un u Pjongjangu.',
  'Ким Џонг Ун, Ђорђе и Ќерка: треќи пат во ОН, 2.000 луѓе (2,5%).',
  'Math 𝐀𝐁𝐂 and 𝐴𝑏 letters, emoji 😀 here, a lone \ud800 surrogate and \udc00 another.',
  'Combining: Pu\u0301tin, Cafe\u0301 and A\u030AB, ABCDE and AB-CD.',
  '"Rekao je Putin." – Putin je rekao: SAD, ZDA, SUA, ONU.',
  'Again 𝐀𝐁𝐂 and 𝐴𝑏, with 😀 and NATO.',
  'x',
  '',
];

describe('the lexical fast path', () => {
  it('gives the vectors of the readable definition at the corners of the word scanner', async () => {
    const corpus = [...CORNERS, ...lines.slice(0, 20)];
    const ref = reference(corpus, 256);
    const vectors = await createLexicalEmbedder({ corpus, dim: 256 }).embed(CORNERS);
    CORNERS.forEach((line, i) => {
      const r = ref(line);
      for (let j = 0; j < r.length; j++) expect(Math.abs(vectors[i]![j]! - r[j]!), `${JSON.stringify(line)} [${j}]`).toBeLessThan(1e-6);
    });
    // Not all zero: the corners carry features, so the comparison above compares something.
    expect(vectors.slice(0, 5).every((v) => v.some((x) => x !== 0))).toBe(true);
  });

  it('gives a text made of two corpus texts and a space (a pair of neighbours) the vector of the readable definition', async () => {
    // corners: digits on both sides of the space, a text without a stop before a name that opens a
    // sentence only here, `%` and acronyms on both sides
    const corners = ['Broj je 5', '000 ljudi je došlo.', 'Naslov bez tačke', 'Zorislav je rekao da.', 'Rast od 5% u SAD.', 'Pad od 3% u EU.', 'NATO i UN.'];
    const corpus = [...lines.slice(0, 60), ...corners];
    const pairs = [...corpus.slice(1).map((t, i) => `${corpus[i]} ${t}`), 'Naslov bez tačke Zorislav je rekao da.'];
    const ref = reference(corpus, 512);
    const vectors = await createLexicalEmbedder({ corpus, dim: 512 }).embed(pairs);
    pairs.forEach((pair, i) => {
      const r = ref(pair);
      for (let j = 0; j < r.length; j++) expect(Math.abs(vectors[i]![j]! - r[j]!), `${pair} [${j}]`).toBeLessThan(1e-6);
    });
  });

  it('gives the same vectors whether its tables were filled by an earlier run or not', async () => {
    const corpus = lines.slice(0, 40);
    const first = await createLexicalEmbedder({ corpus, dim: 512 }).embed(lines);
    await createLexicalEmbedder({ corpus: lines.slice(40), dim: 512 }).embed(CORNERS);
    const again = await createLexicalEmbedder({ corpus, dim: 512 }).embed(lines);
    expect(again).toEqual(first);
  });

  it('gives the vectors of the readable definition on every seed sentence, in and out of the corpus', async () => {
    expect(lines.length).toBeGreaterThan(80);
    const corpus = lines.slice(0, 60);
    const ref = reference(corpus, 1024);
    const fast = createLexicalEmbedder({ corpus, dim: 1024 });
    const vectors = await fast.embed(lines);
    lines.forEach((line, i) => {
      const r = ref(line);
      const v = vectors[i]!;
      for (let j = 0; j < r.length; j++) expect(Math.abs(v[j]! - r[j]!), `${line} [${j}]`).toBeLessThan(1e-6);
    });
  });
});
