import { describe, expect, it } from 'vitest';
import { batchByLength, dot, l2normalise } from '../../src/embed/vectors.ts';

describe('batchByLength', () => {
  it('sends batches of similar length, shortest first, ties in input order, and restores the order', async () => {
    const texts = ['ccc', 'a', 'bbbbb', 'dd', 'e', 'ffff', 'gg'];
    const batches: string[][] = [];
    const progress: number[] = [];
    const out = await batchByLength(
      texts,
      3,
      async (batch) => {
        batches.push(batch);
        return batch.map((t) => Float32Array.of(t.length, t.charCodeAt(0)));
      },
      (done) => progress.push(done),
    );
    expect(batches).toEqual([['a', 'e', 'dd'], ['gg', 'ccc', 'ffff'], ['bbbbb']]);
    expect(out.map((v) => String.fromCharCode(v[1]!))).toEqual(['c', 'a', 'b', 'd', 'e', 'f', 'g']);
    expect(progress).toEqual([3, 6, 7]);
  });

  it('calls nothing for no texts', async () => {
    const out = await batchByLength([], 4, async () => {
      throw new Error('not called');
    });
    expect(out).toEqual([]);
  });
});

describe('l2normalise', () => {
  it('scales to unit length in place and leaves a zero vector alone', () => {
    const v = Float32Array.of(3, 4);
    expect(l2normalise(v)).toBe(v);
    expect(Array.from(v)).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(dot(v, v)).toBeCloseTo(1, 6);
    expect(Array.from(l2normalise(new Float32Array(3)))).toEqual([0, 0, 0]);
  });
});
