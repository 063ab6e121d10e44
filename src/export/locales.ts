// Locale codes for the files CAT tools and spreadsheets read. Translation memories and termbases in
// Trados, memoQ and Phrase are made per locale (sl-SI, not sl), and a TMX in bare codes is imported
// only after mapping each language by hand; so the TMX and TBX files name each language by its
// locale, from the table below unless `--locales` says otherwise. The CSV and workbook language
// columns keep the bare codes (`bs`, `bs linked`) by default, since a spreadsheet reader and the
// review import key on them, and take the locales when `--locales` is given.
//
// The table holds the country each language is first spoken in (BCP 47: language, script where the
// language is written in two, region). Serbian is written in both scripts: sr-Cyrl-RS or sr-Latn-RS
// after the script most of the run's Serbian documents use. English (the termbase's canonical names)
// is en-US, the source locale most translation memories are made in. A language outside the table
// keeps its bare code.

import { PolyalignError } from '../errors.ts';
import type { LangCode, LocaleSettings, Script } from '../types.ts';

/** The default locale of each language polyalign is made for, and English. */
export const DEFAULT_LOCALES: Readonly<Record<LangCode, string>> = {
  bs: 'bs-BA',
  hr: 'hr-HR',
  sl: 'sl-SI',
  ro: 'ro-RO',
  mk: 'mk-MK',
  da: 'da-DK',
  en: 'en-US',
};

const SERBIAN: Readonly<Record<Script, string>> = { Cyrl: 'sr-Cyrl-RS', Latn: 'sr-Latn-RS', Zyyy: 'sr-RS' };

// language, optional script, optional region (two letters or three digits): the BCP 47 subtags CAT tools use
const LOCALE = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/** `sl-si` -> `sl-SI`, `sr-latn-rs` -> `sr-Latn-RS`; undefined when it is not a language[-Script][-REGION] tag. */
export function canonicalLocale(tag: string): string | undefined {
  const m = LOCALE.exec(tag.trim());
  if (!m) return undefined;
  const [, lang, script, region] = m;
  return [lang!.toLowerCase(), script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : undefined, region?.toUpperCase()]
    .filter((s): s is string => s !== undefined)
    .join('-');
}

function invalid(message: string): PolyalignError {
  return new PolyalignError('usage.invalid-option', `--locales: ${message}; give code=locale pairs (bs=bs-BA,sl=sl-SI), a file of such lines, or none`);
}

/** `bs=bs-BA, sl=sl-SI` (commas or line breaks; `#` starts a comment) -> { bs: 'bs-BA', sl: 'sl-SI' }. */
export function parseLocalePairs(text: string, where: string): Record<LangCode, string> {
  const out: Record<LangCode, string> = {};
  const items = text
    .split(/[,\n]/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw invalid(`${where}: "${item}" is not code=locale`);
    // a code as --lang gives it: `bs`, or `sr-Latn` with its script
    const code = canonicalLocale(item.slice(0, eq)) ?? item.slice(0, eq).trim();
    const locale = canonicalLocale(item.slice(eq + 1));
    if (!/^[a-z]{2,3}(-[A-Z][a-z]{3})?$/.test(code)) throw invalid(`${where}: "${code}" is not a language code (bs, sl, ro, ...)`);
    if (locale === undefined) throw invalid(`${where}: "${item.slice(eq + 1).trim()}" is not a locale such as sl-SI or sr-Latn-RS`);
    if (locale.split('-')[0] !== code.split('-')[0]) throw invalid(`${where}: ${code}=${locale} gives ${code} the locale of another language`);
    out[code] = locale;
  }
  return out;
}

/**
 * What `--locales` asks for: `none` (bare codes everywhere), code=locale pairs, or the path of a file
 * of such pairs. Pairs override the table; the languages they leave out keep its locales.
 */
export type LocaleRequest = { kind: 'none' } | { kind: 'pairs'; pairs: Record<LangCode, string> };

/**
 * `--locales` given as `none` or pairs; `file` is the text of the file it names when it names one
 * (job/locales-file.ts reads it, so this stays free of I/O).
 */
export function parseLocales(spec: string, file?: { path: string; text: string }): LocaleRequest {
  const value = spec.trim();
  if (file !== undefined) return { kind: 'pairs', pairs: parseLocalePairs(file.text, file.path) };
  if (value.toLowerCase() === 'none') return { kind: 'none' };
  if (value === '') throw invalid('the value is empty');
  if (!value.includes('=')) throw invalid(`"${value}" is neither code=locale pairs nor a file`);
  return { kind: 'pairs', pairs: parseLocalePairs(value, 'the value') };
}

/** The locale of every language of the run (and English), after the request; no request: the table. */
export function resolveLocales(languages: ReadonlyArray<{ code: LangCode; script: Script }>, request?: LocaleRequest): LocaleSettings {
  const locales: Record<LangCode, string> = {};
  const codes = [...new Set([...languages.map((l) => l.code), 'en'])];
  for (const code of codes) {
    if (request?.kind === 'none') locales[code] = code;
    else if (request?.pairs[code] !== undefined) locales[code] = request.pairs[code]!;
    else if (/^[a-z]{2,3}-[A-Za-z]{4}$/.test(code)) locales[code] = withRegion(code);
    else if (code === 'sr') {
      const scripts = languages.filter((l) => l.code === 'sr').map((l) => l.script);
      const cyrillic = scripts.filter((s) => s === 'Cyrl').length;
      locales[code] = SERBIAN[cyrillic * 2 > scripts.length ? 'Cyrl' : 'Latn'];
    } else locales[code] = DEFAULT_LOCALES[code] ?? code;
  }
  return { locales, inHeaders: request !== undefined && request.kind === 'pairs' };
}

/** A code with its script (`sr-Latn`, from --lang) takes the region of its language: `sr-Latn-RS`. */
function withRegion(code: LangCode): string {
  const [lang, script] = code.split('-') as [string, string];
  const region = (lang === 'sr' ? 'sr-RS' : DEFAULT_LOCALES[lang])?.split('-').pop();
  return canonicalLocale(region !== undefined ? `${lang}-${script}-${region}` : code) ?? code;
}

/** The locale of a code under the settings (the code itself when the settings do not name it). */
export function localeOf(settings: LocaleSettings | undefined, code: LangCode): string {
  return settings?.locales[code] ?? DEFAULT_LOCALES[code] ?? code;
}

/** The name of a language column in a CSV or workbook: the code, or its locale under `--locales`. */
export function columnLang(settings: LocaleSettings | undefined, code: LangCode): string {
  return settings?.inHeaders ? localeOf(settings, code) : code;
}
