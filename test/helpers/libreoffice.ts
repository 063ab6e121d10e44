// LibreOffice, headless, as a spreadsheet user's program: it opens polyalign's CSV files (and
// workbooks) and saves them as .ods and back. Each call gets a profile folder of its own, so tests
// that run at once do not share one LibreOffice user installation (it refuses a second process).

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CSV filter's options: separator, quote (34 = "), UTF-8 (76), from line 1, no column formats,
 * the language that reads numbers (1033 en-US, 1030 da-DK: `0,5` is a number in Danish), quoted
 * fields not forced to text, special numbers (dates) not detected, so `12-13` stays text.
 */
export function csvFilter(separator: ',' | ';', language: 1033 | 1030 = 1033): string {
  return `${separator.charCodeAt(0)},34,76,1,,${language},false,false,false`;
}

/** Converts the files into `outDir` (`ods`, `xlsx`, or `csv:…` with a filter), reading CSV with `infilter` when given. */
// Asynchronous: a conversion takes seconds, and a test worker blocked that long misses vitest's calls.
export async function soffice(files: string[], convertTo: string, outDir: string, infilter?: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'polyalign-lo-profile-'));
  try {
    await promisify(execFile)(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, ...(infilter ? [`--infilter=CSV:${infilter}`] : []), '--convert-to', convertTo, '--outdir', outDir, ...files],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The `csv:` target that writes CSV with this separator, UTF-8, every sheet's text as it is. */
export function csvTarget(separator: ',' | ';'): string {
  return `csv:Text - txt - csv (StarCalc):${separator.charCodeAt(0)},34,76,1,,0,false,true,false,false`;
}
