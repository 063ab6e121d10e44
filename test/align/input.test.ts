import { describe, expect, it } from 'vitest';
import { validateAlignDoc, validatePair } from '../../src/align/input.ts';
import { PolyalignError } from '../../src/errors.ts';
import { NEURAL, source, World } from './synthetic.ts';

const world = new World(16, 5, NEURAL);
const good = world.doc('a.txt', source(world, 4));

function thrown(f: () => unknown): PolyalignError {
  try {
    f();
  } catch (error) {
    return error as PolyalignError;
  }
  throw new Error('expected a throw');
}

describe('validateAlignDoc', () => {
  it('returns the dimension of a well-formed document', () => {
    expect(validateAlignDoc(good)).toBe(16);
    expect(validateAlignDoc({ id: 'empty', n: 0, vectors: [], merged: [] })).toBe(0);
  });

  it('accepts zero vectors (empty sentences)', () => {
    expect(validateAlignDoc({ ...good, vectors: [new Float32Array(16), ...good.vectors.slice(1)] })).toBe(16);
  });

  it('rejects a wrong number of vectors, naming the document', () => {
    const e = thrown(() => validateAlignDoc({ ...good, vectors: good.vectors.slice(1) }));
    expect(e).toBeInstanceOf(PolyalignError);
    expect(e.code).toBe('internal');
    expect(e.message).toContain('a.txt');
    expect(e.message).toContain('Expected 4 sentence vectors, not 3');
    expect(thrown(() => validateAlignDoc({ ...good, merged: good.merged.slice(1) })).message).toContain('merged');
  });

  it('rejects vectors that are not unit length or not of one dimension', () => {
    const long = good.vectors[0]!.map((x) => x * 2);
    expect(thrown(() => validateAlignDoc({ ...good, vectors: [long, ...good.vectors.slice(1)] })).message).toContain('L2-normalised');
    expect(thrown(() => validateAlignDoc({ ...good, merged: [new Float32Array(8), ...good.merged.slice(1)] })).message).toContain('dimension 16');
  });
});

describe('validateAlignDoc lengths', () => {
  it('accepts one length per sentence, and none at all', () => {
    expect(validateAlignDoc({ ...good, lengths: [10, 0, 35, 7] })).toBe(16);
    expect(validateAlignDoc({ ...good, lengths: undefined })).toBe(16);
  });

  it('rejects a wrong number of lengths, or one that is negative or not a number', () => {
    expect(thrown(() => validateAlignDoc({ ...good, lengths: [10, 20, 30] })).message).toContain('Expected 4 sentence lengths, not 3');
    expect(thrown(() => validateAlignDoc({ ...good, lengths: [10, -1, 30, 4] })).message).toContain('sentence 1');
    expect(thrown(() => validateAlignDoc({ ...good, lengths: [10, 2, NaN, 4] })).message).toContain('sentence 2');
  });
});

describe('validatePair', () => {
  it('rejects two documents of different dimensions', () => {
    const other = new World(8, 1, NEURAL);
    expect(thrown(() => validatePair(good, other.doc('b.txt', source(other, 3)))).message).toContain('16');
  });
});
