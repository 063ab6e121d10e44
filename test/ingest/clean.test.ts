import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/ingest/index.ts';
import type { Document } from '../../src/types.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seed = (prefix: string): Document => {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(prefix))!;
  const text = readFileSync(join(SEEDS, name), 'utf8');
  return cleanDocument(name, text, '', text.length);
};
const clean = (text: string) => cleanDocument('t.txt', text, '', text.length);
const bodyText = (doc: Document) => doc.body.map((r) => doc.text.slice(r.start, r.end));
const removed = (doc: Document) => doc.removed.map((r) => [r.kind, r.text]);

describe('cleanDocument rules', () => {
  it('takes the first-line date token as metadata and keeps the text after it', () => {
    const doc = clean(' date 2025-09-03 Ruski predsjednik je rekao.\nDruga rečenica.');
    expect(doc.meta).toEqual({ date: '2025-09-03' });
    expect(removed(doc)).toEqual([['metadata', 'date 2025-09-03']]);
    expect(bodyText(doc)).toEqual(['Ruski predsjednik je rekao.\nDruga rečenica.']);
  });

  it('does not take a date token that is not at the start of the first line', () => {
    expect(clean('Tekst.\ndate 2025-09-03 ostalo.').meta).toEqual({});
  });

  it('removes share counters and share-button lines', () => {
    expect(removed(clean('12 shares Share Tweet\nTekst članka.'))).toEqual([['share-counter', '12 shares Share Tweet']]);
    expect(removed(clean('Podijeli Tvituj\nTekst članka.'))).toEqual([['share-counter', 'Podijeli Tvituj']]);
    expect(removed(clean('Facebook je objavio rezultate.'))).toEqual([]);
  });

  it('removes a credit and the caption it signs, also when repeated on one line', () => {
    const doc = clean('Naslov\n\nTekst članka ide ovdje.\n\nKim i Putin u Pekingu. Foto: Reuters/Dado Ruvić\n\nJoš teksta.');
    expect(removed(doc)).toEqual([['caption', 'Kim i Putin u Pekingu.'], ['credit', 'Foto: Reuters/Dado Ruvić']]);
    const twice = clean('A\n\nParada u Pekingu. Foto: STA Parada u Pekingu. Foto: STA\n\nB.');
    expect(removed(twice).map(([kind]) => kind)).toEqual(['caption', 'credit', 'caption', 'credit']);
    expect(bodyText(twice)).toEqual(['A', 'B.']);
  });

  it('takes the line before a lone credit as its caption, but never the headline', () => {
    const doc = clean('Naslov\n\nKim Jong-un i Vladimir Putin\n\n© www.kremlin.ru\n\nTekst.');
    expect(removed(doc)).toEqual([['caption', 'Kim Jong-un i Vladimir Putin'], ['credit', '© www.kremlin.ru']]);
    expect(removed(clean('Naslov članka\n\nFoto: AP\n\nTekst.'))).toEqual([['credit', 'Foto: AP']]);
  });

  it('keeps long text that a credit was glued to', () => {
    const long = `${'Ovo je dugačak odlomak članka koji nije potpis fotografije. '.repeat(6)}Foto: AP`;
    const doc = clean(`Naslov\n${long}`);
    expect(removed(doc)).toEqual([['credit', 'Foto: AP']]);
    expect(bodyText(doc)).toHaveLength(1);
    expect(bodyText(doc)[0]).toMatch(/^Naslov\nOvo je.*fotografije\.$/s);
  });

  it('removes a short all-caps section label, not an all-caps sentence or a mixed-case line', () => {
    expect(removed(clean('SVIJET\nNaslov'))).toEqual([['section-label', 'SVIJET']]);
    expect(removed(clean('PUTIN I KIM SE SASTALI U PEKINGU\nTekst.'))).toEqual([]);
    expect(removed(clean('Svijet\nTekst.'))).toEqual([]);
  });

  it('removes a byline after a finished sentence, not a slash inside a headline', () => {
    const doc = clean('Putin je govorio. / AA\nTekst.');
    expect(removed(doc)).toEqual([['byline', '/ AA']]);
    expect(bodyText(doc)).toEqual(['Putin je govorio.', 'Tekst.']);
    expect(removed(clean('Putin / Kim\nTekst.'))).toEqual([]);
  });

  it('removes a line that holds only a date, in several styles', () => {
    for (const date of ['3. september 2025', 'Srijeda, 3. septembar 2025. u 14:30', '03.09.2025.', 'September 3, 2025', '3 septembrie 2025', '3. септември 2025', '2025-09-03']) {
      expect(removed(clean(`Naslov\n${date}\nTekst.`)), date).toEqual([['dateline', date]]);
    }
    expect(removed(clean('Naslov\n3. septembra 2025. Putin je stigao.\nTekst.'))).toEqual([]);
  });

  it('removes the earlier of two identical lines: as caption when it carried a byline', () => {
    const doc = clean('Putin je zahvalio Kimu na pomoći. / AA\n\nTekst.\n\nPutin je zahvalio Kimu na pomoći.');
    expect(removed(doc)).toEqual([['caption', 'Putin je zahvalio Kimu na pomoći.'], ['byline', '/ AA']]);
    expect(removed(clean('Isti red teksta ovdje.\nIsti red teksta ovdje.'))).toEqual([['duplicate', 'Isti red teksta ovdje.']]);
    expect(removed(clean('Da.\nDa.'))).toEqual([]);
  });

  it('is identity on clean text: one body range per paragraph', () => {
    const doc = clean('Prvi red.\nDrugi red.\n\nTreći red.');
    expect(bodyText(doc)).toEqual(['Prvi red.\nDrugi red.', 'Treći red.']);
    expect(doc.removed).toEqual([]);
  });
});

describe('cleanDocument on the seeds', () => {
  it('004: date, section label, caption with byline, dateline; standfirst and headline kept', () => {
    const doc = seed('004');
    expect(doc.meta.date).toBe('2025-09-03');
    expect(doc.removed.map((r) => r.kind)).toEqual(['metadata', 'section-label', 'caption', 'byline', 'dateline']);
    expect(doc.removed.find((r) => r.kind === 'dateline')!.text).toBe('3. september 2025');
    const body = bodyText(doc).join('\n');
    expect(body).toMatch(/^Udtalelsen markerer første gang, at den russiske/);
    expect(body).toContain('Putin: ‘Modige’ nordkoreanske soldater');
    // The body keeps exactly one "Den russiske præsident bad Kim", the later one.
    expect(body.match(/Den russiske præsident bad Kim/g)).toHaveLength(1);
    expect(doc.removed.find((r) => r.kind === 'caption')!.start).toBeLessThan(doc.text.lastIndexOf('Den russiske præsident bad Kim'));
  });

  it('001: the doubled caption line and the kremlin.ru photo are removed; headline and standfirst kept', () => {
    const doc = seed('001');
    const captionLine = doc.text.split('\n').find((line) => line.startsWith('Kitajska, Beijing.'))!;
    const start = doc.text.indexOf(captionLine);
    expect(doc.body.some((r) => r.start < start + captionLine.length && r.end > start)).toBe(false);
    expect(doc.removed.filter((r) => r.kind === 'credit').map((r) => r.text)).toEqual(['© www.kremlin.ru', 'Foto: Xinhua/STA', 'Foto: Xinhua/STA']);
    expect(bodyText(doc).slice(0, 2)).toEqual([
      '»Rusija in Severna Koreja skupaj v boju proti sodobnemu neonacizmu«',
      'Ruski predsednik Putin se je severnokorejskemu voditelju Kimu zahvalil za napotitev vojakov v Rusijo',
    ]);
  });

  it('003: date and share counter go; the single long paragraph stays whole', () => {
    const doc = seed('003');
    expect(removed(doc)).toEqual([['metadata', 'date 2025-09-04'], ['share-counter', '0 SHARES Сподели Твитни']]);
    expect(doc.body).toHaveLength(1);
    expect(bodyText(doc)[0]).toMatch(/^Севернокорејскиот лидер.*вооружен напад\.$/su);
  });

  it('every seed: body and removed ranges are trimmed, ordered, disjoint, and point into the text', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const doc = seed(prefix);
      const ranges = [...doc.body, ...doc.removed].sort((a, b) => a.start - b.start);
      ranges.forEach((range, i) => {
        const text = doc.text.slice(range.start, range.end);
        expect(text.trim()).toBe(text);
        expect(text.length).toBeGreaterThan(0);
        if (i > 0) expect(range.start).toBeGreaterThanOrEqual(ranges[i - 1]!.end);
      });
      for (const r of doc.removed) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    }
  });
});
