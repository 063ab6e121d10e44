// quotes.<a>_<b>.tmx: the quotes two languages share as a bilingual translation memory, valid TMX 1.4,
// source language first, one unit per pair of occurrences of one quote.

import { localeOf } from '../../src/export/locales.ts';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOutputName, parseFormats } from '../../src/export/formats.ts';
import { quoteTmxFiles } from '../../src/export/tmx-quotes.ts';
import type { RunResult } from '../../src/types.ts';
import { fixtureRun } from '../helpers/quote-gold.ts';
import { parseDtd, validate } from './dtd.ts';

const tmxDtd = parseDtd(new URL('../../schemas/tmx14.dtd', import.meta.url).pathname);
let result: RunResult;
beforeAll(async () => {
  result = await fixtureRun();
});

describe('tmx-quotes', () => {
  it('is asked for by name, not part of all, and its files are outputs a run may write', () => {
    expect(parseFormats('all')).not.toContain('tmx-quotes');
    expect(parseFormats('csv,tmx-quotes')).toEqual(['csv', 'tmx-quotes']);
    expect(isOutputName('quotes.bs_da.tmx')).toBe(true);
    expect(isOutputName('quotes.tmx')).toBe(false);
  });

  it('writes a unit per pair of occurrences of one quote, valid TMX 1.4, the source language first', () => {
    const files = quoteTmxFiles(result);
    const langs = [...new Set(result.documents.map((d) => d.lang.code))].sort();
    expect(files).toHaveLength((langs.length * (langs.length - 1)) / 2);
    let units = 0;
    for (const f of files) {
      const xml = String(f.content);
      expect(validate(xml, tmxDtd, 'tmx'), f.name).toEqual([]);
      const [, a, b] = /^quotes\.(.+)_(.+)\.tmx$/.exec(f.name)!;
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (n) => ['tu', 'tuv', 'prop'].includes(n) }).parse(xml);
      for (const tu of parsed.tmx.body.tu ?? []) {
        units++;
        expect(tu.tuv.map((v: { 'xml:lang': string }) => v['xml:lang'])).toEqual([localeOf(undefined, a!), localeOf(undefined, b!)]);
        const id = tu.prop.find((p: { type: string }) => p.type === 'x-quote-id')['#text'];
        const group = result.quotes!.find((g) => g.id === id)!;
        const texts = tu.tuv.map((v: { seg: string }) => v.seg);
        for (const t of texts) expect(group.members.map((q) => q.text)).toContain(t);
      }
    }
    const expected = result.quotes!.reduce((n, g) => {
      const spoken = g.members.filter((q) => q.kind !== 'term');
      return n + (spoken.length * (spoken.length - 1)) / 2 - countSameLanguage(spoken.map((q) => q.lang));
    }, 0);
    expect(units).toBe(expected);
    expect(units).toBeGreaterThan(10);
  });
});

function countSameLanguage(langs: string[]): number {
  let n = 0;
  for (let i = 0; i < langs.length; i++) for (let j = i + 1; j < langs.length; j++) if (langs[i] === langs[j]) n++;
  return n;
}
