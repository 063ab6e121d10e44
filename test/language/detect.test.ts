import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/ingest/index.ts';
import { detectLanguage } from '../../src/language/index.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seeds = readdirSync(SEEDS).sort().map((name) => {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  return cleanDocument(name, text, '', text.length);
});
const docOf = (text: string) => cleanDocument('t.txt', text, '', text.length);

describe('detectLanguage', () => {
  it('gets every seed right: bs, sl, ro, mk, da', () => {
    expect(seeds.map((doc) => detectLanguage(doc).code)).toEqual(['bs', 'sl', 'ro', 'mk', 'da']);
  });

  it('reports script, franc answer, source and a note for the bs/hr/sr call', () => {
    const info = detectLanguage(seeds[0]!);
    expect(info).toMatchObject({ script: 'Latn', source: 'detected', franc: 'srp' });
    expect(info.note).toMatch(/^franc: srp; .*ijekavian.*tokom.*→ bs$/);
    expect(detectLanguage(seeds[3]!)).toMatchObject({ code: 'mk', script: 'Cyrl', franc: 'mkd' });
  });

  it('gives a confidence in 0..1, high where the runner-up is far', () => {
    for (const doc of seeds) {
      const { confidence } = detectLanguage(doc);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(detectLanguage(seeds[2]!).confidence).toBe(1); // Romanian is far from Spanish
  });

  it('returns und for text too short to judge, without throwing', () => {
    expect(detectLanguage(docOf('Da.'))).toMatchObject({ code: 'und', franc: 'und', confidence: 0 });
  });

  it('judges the given sentences instead of the body when asked', () => {
    const danish = 'Ruslands præsident Vladimir Putin sagde onsdag, at modige nordkoreanske soldater deltog i krigen.';
    expect(detectLanguage(seeds[0]!, [danish]).code).toBe('da');
  });

  it('tells Serbian Cyrillic from Macedonian', () => {
    const serbian = docOf('Председник Русије Владимир Путин рекао је у среду да су се храбри севернокорејски војници придружили рату. Ћерка и рођаци су дошли.');
    expect(detectLanguage(serbian)).toMatchObject({ code: 'sr-Cyrl', script: 'Cyrl' });
  });

  it('maps languages outside the group through the table', () => {
    const english = docOf('Russian President Vladimir Putin said on Wednesday that North Korean soldiers had fought bravely in the war in Ukraine. ' +
      'He thanked the North Korean leader for the help of his country and invited him to visit Moscow. The two men spoke for two and a half hours.');
    expect(detectLanguage(english)).toMatchObject({ code: 'en', franc: 'eng' });
    const romanian = docOf('Președintele rus Vladimir Putin i-a mulțumit miercuri lui Kim Jong Un pentru curajul soldaților nord-coreeni.');
    expect(detectLanguage(romanian)).toMatchObject({ code: 'ro', franc: 'ron' });
  });
});
