import { describe, expect, it } from 'vitest';
import { editDistance, isDerivation, isLooselySimilar, isNear, looseDistance } from '../../src/glossary/similarity.ts';

describe('editDistance', () => {
  it('counts edits and stops early past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('sjevernkore', 'severnkore')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('isNear', () => {
  it('merges spellings one edit apart and a stem with its ending', () => {
    expect(isNear('sjevernkore', 'severnkore')).toBe(true);
    expect(isNear('ukrain', 'ukraine')).toBe(true);
    expect(isNear('moskv', 'moskva')).toBe(true);
    expect(isNear('rianovost', 'rianovosti')).toBe(true);
  });

  it('keeps short and derived names apart', () => {
    expect(isNear('kim', 'kina')).toBe(false);
    expect(isNear('tamp', 'tramp')).toBe(false);
    expect(isNear('bolton', 'boston')).toBe(false);
    expect(isNear('evrop', 'evropsk')).toBe(false);
    expect(isNear('republik', 'republikan')).toBe(false);
    expect(isNear('fenian', 'pjongjang')).toBe(false);
  });
});

describe('isDerivation', () => {
  it('recognises a suffix with a consonant cluster after a shared stem', () => {
    expect(isDerivation('evrop', 'evropljan')).toBe(true);
    expect(isDerivation('amerik', 'amerikank')).toBe(true);
    expect(isDerivation('ukrain', 'ukraine')).toBe(false);
    expect(isDerivation('kristinblazi', 'kristinblejzi')).toBe(false);
  });
});

describe('loose similarity', () => {
  it('accepts Peking / Beijing, which only aligned sentences may merge', () => {
    expect(isNear('peking', 'being')).toBe(false);
    expect(isLooselySimilar('peking', 'being')).toBe(true);
    expect(looseDistance('peking', 'being')).toBeGreaterThan(0);
    expect(looseDistance('kimjongun', 'kimjongun')).toBe(0);
  });

  it('rejects unrelated names', () => {
    expect(isLooselySimilar('fenian', 'pjongjang')).toBe(false);
    expect(isLooselySimilar('rusland', 'rusi')).toBe(false);
    expect(isLooselySimilar('kim', 'kin')).toBe(false);
  });
});
