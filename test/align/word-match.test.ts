import { describe, expect, it } from 'vitest';
import { denseHead, inverseFrequencies, unitHead, wordBag, wordMatch, wordsOf } from '../../src/align/word-match.ts';
import { documentWords, WORDS_PER_SENTENCE } from '../../src/align/words.ts';

/** Unit vectors along axes, one per word: a word matches itself (1) and nothing else (0). */
const axis = (k: number, dim = 4) => Float32Array.from({ length: dim }, (_, t) => (t === k ? 1 : 0));

describe('wordsOf', () => {
  it('lower-cases runs of letters and digits, leaving out words of one or two letters but not figures', () => {
    expect(wordsOf('Putin je u srijedu izjavio da su 2 vojnika „hrabri“.')).toEqual(['putin', 'srijedu', 'izjavio', '2', 'vojnika', 'hrabri']);
    expect(wordsOf('Путин изјави дека')).toEqual(['путин', 'изјави', 'дека']);
  });
});

describe('wordMatch', () => {
  it('measures how much of each side finds a counterpart in the other, weighted by the words’ weights', () => {
    // a: words 0, 1; b: words 0, 2, 3. Word 0 matches, the others do not.
    const a = wordBag([axis(0), axis(1)], [1, 3], 4);
    const b = wordBag([axis(0), axis(2), axis(3)], [1, 1, 2], 4);
    const m = wordMatch(a, b);
    expect(m.precision).toBeCloseTo(1 / 4); // word 0 (weight 1) of 1 + 3
    expect(m.recall).toBeCloseTo(1 / 4); // word 0 (weight 1) of 1 + 1 + 2
    expect(m.f).toBeCloseTo(1 / 4);
    // the same sentence covers itself
    expect(wordMatch(a, a)).toEqual({ precision: 1, recall: 1, f: 1 });
  });

  it('takes each word’s best match, not the mean of its likenesses', () => {
    const near = unitHead(Float32Array.from([0.8, 0.6, 0, 0]), 4);
    const a = wordBag([axis(0)], [1], 4);
    const b = wordBag([axis(1), near], [1, 1], 4);
    expect(wordMatch(a, b).precision).toBeCloseTo(0.8);
    expect(wordMatch(a, b).recall).toBeCloseTo(0.4); // axis(1) finds 0, near finds 0.8
  });

  it('reads an empty side as no match', () => {
    expect(wordMatch(wordBag([], [], 4), wordBag([axis(0)], [1], 4))).toEqual({ precision: 0, recall: 0, f: 0 });
  });
});

describe('inverseFrequencies', () => {
  it('weighs a word of every sentence less than a word of one', () => {
    const idf = inverseFrequencies([['putin', 'kim'], ['putin', 'vojnici'], ['putin']]);
    expect(idf.get('putin')!).toBeLessThan(idf.get('kim')!);
    expect(idf.get('kim')).toBeCloseTo(Math.log(4 / 2) + 1);
  });
});

describe('denseHead', () => {
  it('keeps the dimensions most word vectors use and leaves the sparse rest out', () => {
    const v = (head: number[], tail: number[]) => Float32Array.from([...head, ...tail]);
    expect(denseHead([v([0.5, 0.5], [0, 0.7]), v([0.3, 0.9], [0, 0]), v([0.1, 0.2], [0.9, 0])])).toBe(2);
    expect(unitHead(v([3, 4], [5, 5]), 2)).toEqual(Float32Array.from([0.6, 0.8]));
  });
});

describe('documentWords', () => {
  it('embeds each distinct word once and gives every sentence its bag', async () => {
    const seen: string[] = [];
    const vocabulary = ['kim', 'putin', 'vojnici', 'soldiers'];
    const embed = async (texts: string[]) => {
      seen.push(...texts);
      return texts.map((t) => axis(vocabulary.indexOf(t)));
    };
    const words = await documentWords(
      [
        { id: 'bs', texts: ['Putin i Kim.', 'Vojnici, Putin.'] },
        { id: 'en', texts: ['Putin, soldiers.'] },
      ],
      embed,
    );
    expect(seen.sort()).toEqual(['kim', 'putin', 'soldiers', 'vojnici']);
    expect(words.get('bs')!.map((b) => b.weights.length)).toEqual([2, 2]);
    expect(wordMatch(words.get('bs')![1]!, words.get('en')![0]!).precision).toBeCloseTo(
      // "putin" matches, "vojnici" does not; putin is in all three sentences, vojnici in one
      (Math.log(4 / 4) + 1) / (Math.log(4 / 4) + 1 + Math.log(4 / 2) + 1),
    );
  });
});

describe('denseHead of vectors sparse everywhere', () => {
  it('compares them whole', () => {
    expect(denseHead([axis(0), axis(1), axis(2), axis(3)])).toBe(4);
  });
});

describe('the words a sentence is matched by', () => {
  it('are its WORDS_PER_SENTENCE rarest in the run, in their order', async () => {
    const common = Array.from({ length: 14 }, (_, k) => `common${String.fromCharCode(97 + k)}`);
    // every sentence has the 14 common words; the first also has two rare ones, at its start and end
    const texts = [`rareone ${common.join(' ')} raretwo`, common.join(' '), common.join(' ')];
    const vocabulary = [...common, 'rareone', 'raretwo'];
    const embed = async (t: string[]) => t.map((w) => axis(vocabulary.indexOf(w), vocabulary.length));
    const [first, second] = (await documentWords([{ id: 'x', texts }], embed)).get('x')!;
    expect(first!.weights.length).toBe(WORDS_PER_SENTENCE);
    expect(second!.weights.length).toBe(WORDS_PER_SENTENCE);
    // both rare words are kept, and they keep their places: first and last
    const row = (k: number) => Array.from(first!.vectors.subarray(k * first!.dim, (k + 1) * first!.dim));
    expect(row(0).indexOf(1)).toBe(vocabulary.indexOf('rareone'));
    expect(row(WORDS_PER_SENTENCE - 1).indexOf(1)).toBe(vocabulary.indexOf('raretwo'));
  });
});
