import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../src/glossary/candidates.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

const forms = (lang: string, text: string): string[] => extractCandidates([makeDoc('a.txt', lang, [text])]).map((c) => c.form);

describe('names whose later words are lower case', () => {
  it('run on over adjectives to the noun that ends the name', () => {
    expect(forms('bs', 'Kasnije je ponovo otputovao na Daleki istok Rusije na samit.')).toEqual(['Daleki istok', 'Rusije']);
    expect(forms('bs', 'To je bilo u Drugom svjetskom ratu kod nas, kaže on.')).toEqual(['Drugom svjetskom ratu']);
    expect(forms('mk', 'Прославите по повод предавањето на Јапонија во Втората светска војна се одржаа во Пекинг.')).toEqual(['Јапонија', 'Втората светска војна', 'Пекинг']);
    expect(forms('bs', 'Vojna parada je bila povodom Dana pobjede u Pekingu.')).toEqual(['Dana pobjede', 'Pekingu']);
  });

  it('stop at grammar words and at other names, and leave other words alone', () => {
    expect(forms('bs', 'Kaže da je rekao kako je Dan koji je bio ovdje otišao.')).toEqual(['Dan']);
    expect(forms('bs', 'Njihov susret s Dana Brown bio je dug i naporan.')).toEqual(['Dana Brown']);
    expect(forms('bs', 'On je posjetio Kursku oblast prošle godine u ljeto.')).toEqual(['Kursku']);
    expect(forms('da', 'Han talte om Daleki istok i går med dem.')).toEqual(['Daleki']);
  });
});
