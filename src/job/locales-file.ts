// `--locales` as the run and the batch take it: code=locale pairs, none, or the path of a file of
// pairs, which is read here (export/locales.ts parses, without I/O).

import { readFileSync, statSync } from 'node:fs';
import { parseLocales, type LocaleRequest } from '../export/locales.ts';

export function localeRequest(spec: string): LocaleRequest {
  const path = spec.trim();
  const isFile = !path.includes('=') && path.toLowerCase() !== 'none' && (statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
  return parseLocales(spec, isFile ? { path, text: readFileSync(path, 'utf8') } : undefined);
}
