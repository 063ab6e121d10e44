import { describe, expect, it } from 'vitest';
import { applyOverride, findOverride, normaliseTag, parseLangOverrides } from '../../src/language/index.ts';
import type { LanguageInfo } from '../../src/types.ts';

describe('parseLangOverrides', () => {
  it('parses doc=code pairs and normalises the case of tags', () => {
    expect(parseLangOverrides('000.txt=bs, 003.txt=MK,x=sr-latn')).toEqual({ '000.txt': 'bs', '003.txt': 'mk', x: 'sr-Latn' });
  });

  it.each(['', '000.txt', '=bs', '000.txt=', 'a=b=c', '000.txt=bs,'])('rejects malformed input %j', (spec) => {
    expect(() => parseLangOverrides(spec)).toThrow(expect.objectContaining({ code: 'usage.invalid-option' }));
  });

  it.each(['bosnian', 'b', '12', 'sr_Latn', 'sr-Latin'])('rejects the implausible code %j', (code) => {
    expect(() => parseLangOverrides(`000=${code}`)).toThrow(/Expected a BCP 47 language code/);
  });

  it('rejects one document given two codes', () => {
    expect(() => parseLangOverrides('000=bs,000=hr')).toThrow(/two codes/);
  });
});

describe('normaliseTag', () => {
  it('accepts language, script and region subtags', () => {
    expect(normaliseTag('SR-cyrl-rs')).toBe('sr-Cyrl-RS');
    expect(normaliseTag('und')).toBe('und');
    expect(normaliseTag('es-419')).toBe('es-419');
  });
});

describe('findOverride', () => {
  const overrides = { 'news/000_f5.txt': 'bs', '003_7a.txt': 'mk', '004': 'da', '00': 'hr' };

  it('matches an exact id, then a file name, then a prefix at a word boundary', () => {
    expect(findOverride(overrides, 'news/000_f5.txt')).toBe('bs');
    expect(findOverride(overrides, 'other/003_7a.txt')).toBe('mk');
    expect(findOverride(overrides, '004_fc47.txt')).toBe('da');
    expect(findOverride(overrides, '0045.txt')).toBeUndefined();
    expect(findOverride(overrides, '001_x.txt')).toBeUndefined(); // '00' stops inside '001'
  });
});

describe('applyOverride', () => {
  it('sets the code and marks the source, keeping what was detected in the note', () => {
    const detected: LanguageInfo = { code: 'sr-Latn', script: 'Latn', source: 'detected', franc: 'srp', confidence: 0.4 };
    expect(applyOverride(detected, 'bs')).toEqual({ code: 'bs', script: 'Latn', source: 'override', franc: 'srp', confidence: 1, note: 'set by --lang (detected sr-Latn)' });
  });
});
