// `--lang 000.txt=bs,003.txt=mk`: the user's word over detection, for the documents it names.

import { PolyalignError } from '../errors.ts';
import type { LangCode, LanguageInfo } from '../types.ts';

/** language[-Script][-REGION], the subset of BCP 47 that names a language for this tool. */
const BCP47 = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/** Parse `key=code,key=code`; keys name documents (see {@link findOverride}). */
export function parseLangOverrides(spec: string): Record<string, LangCode> {
  const overrides: Record<string, LangCode> = {};
  for (const item of spec.split(',')) {
    const parts = item.split('=');
    const key = parts[0]?.trim() ?? '';
    const value = parts[1]?.trim() ?? '';
    if (parts.length !== 2 || key === '' || value === '') {
      throw new PolyalignError('usage.invalid-option', `Expected --lang as doc=code[,doc=code...] (e.g. 000.txt=bs,003.txt=mk), not '${item.trim()}'`);
    }
    const code = normaliseTag(value);
    if (code === undefined) {
      throw new PolyalignError('usage.invalid-option', `Expected a BCP 47 language code for '${key}' (bs, hr, sr-Latn, sr-Cyrl, sl, ro, mk, da, ...), not '${value}'`);
    }
    if (overrides[key] !== undefined && overrides[key] !== code) {
      throw new PolyalignError('usage.invalid-option', `--lang gives '${key}' two codes: ${overrides[key]} and ${code}`);
    }
    overrides[key] = code;
  }
  return overrides;
}

/** `SR-latn` → `sr-Latn`; undefined when the value is not a plausible tag. */
export function normaliseTag(value: string): LangCode | undefined {
  const match = BCP47.exec(value);
  if (!match) return undefined;
  const [, language, script, region] = match;
  return [
    language!.toLowerCase(),
    script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : undefined,
    region?.toUpperCase(),
  ].filter(Boolean).join('-');
}

/**
 * The override for a document: a key equal to its id wins, then one equal to its file name,
 * then the longest key that starts its file name and ends at a word boundary (`000` names
 * `000_f5fabf009eca07d9.txt`, but `00` does not).
 */
export function findOverride(overrides: Record<string, LangCode>, docId: string): LangCode | undefined {
  if (Object.hasOwn(overrides, docId)) return overrides[docId];
  const name = docId.slice(docId.lastIndexOf('/') + 1);
  if (Object.hasOwn(overrides, name)) return overrides[name];
  const prefixes = Object.keys(overrides)
    .filter((key) => name.startsWith(key) && !/[\p{L}\p{N}]/u.test(name.charAt(key.length)))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return prefixes.length > 0 ? overrides[prefixes[0]!] : undefined;
}

/** The language info with the user's code in place of the detected one. */
export function applyOverride(info: LanguageInfo, code: LangCode): LanguageInfo {
  return { ...info, code, source: 'override', confidence: 1, note: `set by --lang (detected ${info.code})` };
}
