// Golden test on the five seed articles: cleanDocument → detectLanguage → segment.
// Every sentence was read by eye when seeds.golden.txt was written; to regenerate it after
// a deliberate change, run `npx vitest run test/segment/seeds.test.ts -u` and read the diff.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/ingest/index.ts';
import { detectLanguage } from '../../src/language/index.ts';
import { segment } from '../../src/segment/index.ts';
import type { Document, Sentence } from '../../src/types.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const EXPECTED: Record<string, { lang: string; sentences: number }> = {
  '000': { lang: 'bs', sentences: 13 },
  '001': { lang: 'sl', sentences: 20 },
  '002': { lang: 'ro', sentences: 19 },
  '003': { lang: 'mk', sentences: 15 },
  '004': { lang: 'da', sentences: 18 },
};

const runs = readdirSync(SEEDS).sort().map((name) => {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  const doc = cleanDocument(name, text, '', text.length);
  const lang = detectLanguage(doc);
  return { key: name.slice(0, 3), doc, lang, sentences: segment(doc, lang) };
});
const wordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
const run = (key: string) => runs.find((r) => r.key === key)!;
const texts = (key: string) => run(key).sentences.map((s) => s.text);

describe('the seeds, end to end', () => {
  it('finds the five seeds', () => {
    expect(runs.map((r) => r.key)).toEqual(Object.keys(EXPECTED));
  });

  it.each(Object.entries(EXPECTED))('%s is %o', (key, expected) => {
    expect(run(key).lang.code).toBe(expected.lang);
    expect(run(key).sentences).toHaveLength(expected.sentences);
  });

  it('Macedonian 003, with no space after most stops, gives 14–18 sentences', () => {
    const count = run('003').sentences.length;
    expect(count).toBeGreaterThanOrEqual(14);
    expect(count).toBeLessThanOrEqual(18);
  });

  it('every sentence is a trimmed slice of the text that starts and ends at a word boundary', () => {
    for (const { doc, sentences } of runs) {
      sentences.forEach((s: Sentence, i) => {
        expect(s.index).toBe(i);
        expect(s.doc).toBe(doc.id);
        expect(doc.text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text.trim()).toBe(s.text);
        // Inside a word: letters or digits on both sides of the cut (`КЦНА.Ким` is cut after the stop, which is fine).
        expect(wordChar(doc.text.charAt(s.start - 1)) && wordChar(doc.text.charAt(s.start)), `${doc.id}: starts inside a word: ${s.text}`).toBe(false);
        expect(wordChar(doc.text.charAt(s.end - 1)) && wordChar(doc.text.charAt(s.end)), `${doc.id}: ends inside a word: ${s.text}`).toBe(false);
        expect(s.text.length).toBeLessThan(600);
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
      });
    }
  });

  it('no sentence holds removed text', () => {
    for (const { doc, sentences } of runs) {
      for (const r of (doc as Document).removed) {
        expect(sentences.some((s) => s.start < r.end && s.end > r.start), `${doc.id}: ${r.kind} ${r.text}`).toBe(false);
      }
    }
  });

  it('000: the long quotation is one sentence ending with the closing quote', () => {
    const quote = texts('000').find((t) => t.startsWith('"Na vašu inicijativu, kao što je dobro poznato,'));
    expect(quote).toBeDefined();
    expect(quote!.endsWith('"hrabro i herojski borili".')).toBe(true);
    expect(texts('000')).toContain('Prema podacima Južne Koreje, Pjongjang je izgubio oko 2.000 vojnika u borbi protiv Kijeva.');
    expect(texts('000')).toContain('Ranije su se Putin i Kim sastali na prvom samitu 2019. godine, kada je sjevernokorejski lider otputovao u Vladivostok, grad na Dalekom istoku Rusije.');
  });

  it('001: the headline and standfirst are sentences; ordinals and the caption do not leak in', () => {
    expect(texts('001').slice(0, 2)).toEqual([
      '»Rusija in Severna Koreja skupaj v boju proti sodobnemu neonacizmu«',
      'Ruski predsednik Putin se je severnokorejskemu voditelju Kimu zahvalil za napotitev vojakov v Rusijo',
    ]);
    expect(texts('001').some((t) => t.includes('80. obletnici kapitulacije'))).toBe(true);
    expect(texts('001').some((t) => t.includes('Xinhua') || t.includes('Vojaška parada'))).toBe(false);
  });

  it('002: two quotations on one line are two sentences; the crosshead stands alone', () => {
    expect(texts('002')).toContain('„Soldații dumneavoastră au luptat cu curaj și eroism”, a adăugat liderul de la Kremlin.');
    expect(texts('002')).toContain('2.000 de soldați nord-coreeni uciși');
  });

  it('003: sentences glued by a stop are split, the one opening with „ keeps its quote', () => {
    expect(texts('003')[1]).toBe('Ким и Путин се сретнаа во среда на маргините на кинеските прослави по повод формалното предавање на Јапонија во Втората светска војна во Пекинг.');
    expect(texts('003')).toContain('„Другарот Ким Џонг Ун и претседателот Путин разменија искрени мислења за важни меѓународни и регионални прашања“, соопшти КЦНА.');
    expect(texts('003').at(-1)).toMatch(/^Минатата година, .*вооружен напад\.$/u);
  });

  it('004: the dateline is removed, not segmented; the ellipsis inside the quote does not split', () => {
    expect(texts('004').some((t) => t.includes('3. september 2025'))).toBe(false);
    expect(texts('004').find((t) => t.includes('om vores relationer … og at jeg'))).toMatch(/^“Jeg er meget tilfreds.*RIA Novosti\.$/u);
    expect(texts('004')).toContain('Dette var deres fjerde bilaterale møde, som varede 2,5 timer.');
  });

  it('matches the golden sentences', async () => {
    const golden = runs.map(({ doc, lang, sentences }) => [
      `# ${doc.id} ${lang.code} ${sentences.length} sentences`,
      ...doc.removed.map((r) => `- ${r.kind}: ${r.text}`),
      ...sentences.map((s) => `${s.index}\t${s.start}-${s.end}\t${s.text}`),
    ].join('\n')).join('\n\n');
    await expect(`${golden}\n`).toMatchFileSnapshot('./seeds.golden.txt');
  });
});
