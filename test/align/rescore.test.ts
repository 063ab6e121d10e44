// The pair scorer's stage in a run: which pairs it reads (mining pairs of documents under
// DECOY_MIN_SENTENCES sentences), what it says in their reason, and that it embeds the words once.
import { describe, expect, it } from 'vitest';
import { DECOY_MIN_SENTENCES } from '../../src/align/decoy.ts';
import { alignPair } from '../../src/align/pair.ts';
import { PAIR_FEATURES } from '../../src/align/pair-scorer.ts';
import { rescoreMining } from '../../src/align/rescore.ts';
import type { AlignDoc } from '../../src/align/input.ts';
import { LEXICAL, report, source, World } from './synthetic.ts';

// a scorer that takes every candidate pair (its bias alone reads as 0.99)
const generous = { weights: [5, ...new Array(PAIR_FEATURES.length - 1).fill(0)], accept: 0.5 };
/** Texts for a document: one word a sentence, so every sentence has words to match. */
const textsOf = (doc: AlignDoc) => Array.from({ length: doc.n }, (_, k) => `${doc.id}word${k} shared`);

function pairOf(n: number, seed: number) {
  const world = new World(256, seed, LEXICAL);
  const src = source(world, n);
  const [a, b] = [world.doc('a', src), world.doc('b', report(world, src, { keep: 0.6, extra: 0.2 }))];
  return { a, b, mined: alignPair(a, b, { mode: 'mining' }) };
}

describe('rescoreMining', () => {
  it('adds links to mining pairs, says how many in the reason, and embeds each distinct word once', async () => {
    const { a, b, mined } = pairOf(30, 3);
    const seen: string[] = [];
    const embed = async (texts: string[]) => {
      seen.push(...texts);
      return texts.map((t) => Float32Array.from({ length: 8 }, (_, k) => ((t.length + k) % 3) - 1));
    };
    const [out] = await rescoreMining([mined], [{ id: 'a', texts: textsOf(a) }, { id: 'b', texts: textsOf(b) }], new Map([['a', a], ['b', b]]), embed, generous);
    const added = out!.links.length - mined.links.length;
    expect(added).toBeGreaterThan(0);
    expect(out!.links.filter((l) => l.addedByScorer)).toHaveLength(added);
    expect(out!.reason).toMatch(new RegExp(`pair scorer: ${added} links? added$`));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('leaves ordered pairs and long documents as align made them, and embeds nothing for them', async () => {
    const short = pairOf(30, 4);
    const long = pairOf(DECOY_MIN_SENTENCES + 20, 5);
    const ordered = { ...short.mined, method: 'ordered' as const };
    let calls = 0;
    const embed = async (texts: string[]) => {
      calls++;
      return texts.map(() => new Float32Array(8));
    };
    const docs = (p: ReturnType<typeof pairOf>) => [{ id: 'a', texts: textsOf(p.a) }, { id: 'b', texts: textsOf(p.b) }];
    const vectors = (p: ReturnType<typeof pairOf>) => new Map([['a', p.a], ['b', p.b]]);
    expect(long.b.n).toBeGreaterThanOrEqual(DECOY_MIN_SENTENCES);
    expect(await rescoreMining([ordered], docs(short), vectors(short), embed, generous)).toEqual([ordered]);
    expect(await rescoreMining([long.mined], docs(long), vectors(long), embed, generous)).toEqual([long.mined]);
    expect(calls).toBe(0);
  });
});
