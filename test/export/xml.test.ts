import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/export/xml.ts';

describe('xmlText', () => {
  it('removes the characters XML 1.0 forbids or discourages and keeps tab and LF', () => {
    expect(xmlText('a\u0000b\u0007c\u001Fd\u007Fe\u0085f\u009Fg\tH\ni')).toBe('abcdefg\tH\ni');
    expect(xmlText('x\uFFFEy\uFFFFz')).toBe('xyz');
  });

  it('drops lone surrogates but keeps characters outside the BMP', () => {
    expect(xmlText('a\uD800b\uDC00c')).toBe('abc');
    expect(xmlText('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('writes CR LF and lone CR as LF and leaves Cyrillic and diacritics alone', () => {
    expect(xmlText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(xmlText('Ким Џонг Ун, Phenianul, Kimu')).toBe('Ким Џонг Ун, Phenianul, Kimu');
  });
});
