import { localeRequest } from '../../src/job/locales-file.ts';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalLocale, columnLang, localeOf, parseLocales, resolveLocales } from '../../src/export/locales.ts';
import { corpusTmx } from '../../src/export/tmx.ts';
import { glossaryCsv } from '../../src/export/glossary-csv.ts';
import { parallelCsv } from '../../src/export/parallel-csv.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { readCsv } from './read-csv.ts';
import { tmpPath } from '../helpers/tmp.ts';

const langs = (...codes: string[]) => codes.map((code) => ({ code, script: 'Latn' as const }));

describe('locales', () => {
  it('names each language by its locale from the table, English too, and a language outside it by its code', () => {
    const { locales, inHeaders } = resolveLocales(langs('bs', 'sl', 'ro', 'mk', 'da', 'hr', 'de'));
    expect(locales).toEqual({ bs: 'bs-BA', sl: 'sl-SI', ro: 'ro-RO', mk: 'mk-MK', da: 'da-DK', hr: 'hr-HR', de: 'de', en: 'en-US' });
    expect(inHeaders).toBe(false);
  });

  it('gives Serbian the script most of its documents are written in, and a code with a script its region', () => {
    expect(resolveLocales([{ code: 'sr', script: 'Cyrl' }, { code: 'sr', script: 'Cyrl' }, { code: 'sr', script: 'Latn' }]).locales.sr).toBe('sr-Cyrl-RS');
    expect(resolveLocales([{ code: 'sr', script: 'Latn' }]).locales.sr).toBe('sr-Latn-RS');
    expect(resolveLocales(langs('sr-Latn')).locales['sr-Latn']).toBe('sr-Latn-RS');
  });

  it('takes code=locale pairs over the table, in any case, and none for bare codes', () => {
    const request = parseLocales('sl=sl-si, da = da-dk ,sr=SR-LATN-ME');
    const { locales, inHeaders } = resolveLocales(langs('bs', 'sl', 'da', 'sr'), request);
    expect(locales).toMatchObject({ bs: 'bs-BA', sl: 'sl-SI', da: 'da-DK', sr: 'sr-Latn-ME' });
    expect(inHeaders).toBe(true);
    const none = resolveLocales(langs('bs', 'sl'), parseLocales('none'));
    expect(none).toEqual({ locales: { bs: 'bs', sl: 'sl', en: 'en' }, inHeaders: false });
  });

  it('reads a file of code=locale lines with comments', () => {
    const file = tmpPath('locales', 'locales.txt');
    writeFileSync(file, '# our clients\nbs=bs-Latn-BA\nro=ro-MD\n');
    expect(resolveLocales(langs('bs', 'ro'), localeRequest(file)).locales).toMatchObject({ bs: 'bs-Latn-BA', ro: 'ro-MD' });
  });

  it('refuses what is not a locale, another language, and a value that is neither pairs nor a file, naming the option', () => {
    expect(() => parseLocales('sl=Slovenian')).toThrow(/--locales: .*"Slovenian" is not a locale such as sl-SI/);
    expect(() => parseLocales('sl=hr-HR')).toThrow(/sl=hr-HR gives sl the locale of another language/);
    expect(() => localeRequest('nowhere.txt')).toThrow(/"nowhere.txt" is neither code=locale pairs nor a file/);
    expect(() => parseLocales('sl')).toThrow(/--locales/);
    expect(canonicalLocale('sr-latn-rs')).toBe('sr-Latn-RS');
    expect(canonicalLocale('not a tag')).toBeUndefined();
  });

  it('name the languages of corpus.tmx by locale, and the CSV columns by locale only when asked', () => {
    const result = runResult();
    expect(corpusTmx(result)).toContain('<tuv xml:lang="bs-BA">');
    expect(readCsv(parallelCsv(result)).header.slice(3, 5)).toEqual(['bs', 'mk']);
    const asked = { ...result, locales: resolveLocales(result.documents.map((d) => d.lang), parseLocales('bs=bs-Latn-BA')) };
    expect(readCsv(parallelCsv(asked)).header.slice(3, 5)).toEqual(['bs-Latn-BA', 'mk-MK']);
    expect(readCsv(glossaryCsv(asked)).header).toContain('da-DK');
    const bare = { ...result, locales: resolveLocales(result.documents.map((d) => d.lang), parseLocales('none')) };
    expect(corpusTmx(bare)).toContain('<tuv xml:lang="bs">');
    expect(localeOf(undefined, 'xx')).toBe('xx');
    expect(columnLang(undefined, 'bs')).toBe('bs');
  });
});
