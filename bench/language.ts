// Language detection and segmentation measured on NTREX-128 (../shared/eval/ntrex).
//
//   node --import tsx bench/language.ts [--verbose]
//
// 1. Each NTREX article (lines grouped by DOCUMENT_IDS.tsv) in bos, hrv, srp-Latn, srp-Cyrl,
//    slv, ron, mkd, dan goes through cleanDocument → detectLanguage; prints accuracy per
//    language and what the misses were called. --verbose prints the note of every miss.
// 2. NTREX has one sentence per line: segmenting each line of bos, mkd and dan should
//    mostly give exactly one sentence; prints the share that does, and a few that do not.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanDocument } from '../src/ingest/index.ts';
import { detectLanguage } from '../src/language/index.ts';
import { segmentText } from '../src/segment/index.ts';
import { LANGS, loadNtrex, NTREX_DIR } from './ntrex.ts';


/** The benchmark's seven languages, and Serbian in Cyrillic, which detection must tell from Macedonian. */
const DETECTION: Array<{ file: string; expected: string }> = [...LANGS, { code: 'sr-Cyrl', file: 'srp-Cyrl.txt' }].map(({ code, file }) => ({
  file,
  expected: code,
}));
const SEGMENTATION: Array<{ file: string; lang: string }> = [
  { file: 'bos.txt', lang: 'bs' },
  { file: 'mkd.txt', lang: 'mk' },
  { file: 'dan.txt', lang: 'da' },
];

function readLines(file: string): string[] {
  const lines = readFileSync(join(NTREX_DIR, file), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Line numbers per article, in file order. */
function articles(): number[][] {
  return loadNtrex().articles;
}

export interface LanguageBench {
  detection: Record<string, { correct: number; articles: number; accuracy: number }>;
  oneSentencePerLine: Record<string, number>;
}

function benchDetection(verbose: boolean, result: LanguageBench): void {
  const groups = articles();
  console.log(`Language detection, ${groups.length} NTREX articles per language`);
  console.log('lang      correct  accuracy  called instead');
  for (const { file, expected } of DETECTION) {
    const lines = readLines(file);
    const misses = new Map<string, number>();
    let correct = 0;
    groups.forEach((group, i) => {
      const text = group.map((line) => lines[line]).join('\n');
      const info = detectLanguage(cleanDocument(`${file}#${i}`, text, '', text.length));
      if (info.code === expected) correct++;
      else {
        misses.set(info.code, (misses.get(info.code) ?? 0) + 1);
        if (verbose) console.log(`  ${file} article ${i}: ${info.code}  ${info.note ?? ''}`);
      }
    });
    const instead = [...misses].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}:${n}`).join(' ');
    const accuracy = ((100 * correct) / groups.length).toFixed(1);
    result.detection[expected] = { correct, articles: groups.length, accuracy: Number((correct / groups.length).toFixed(3)) };
    console.log(`${expected.padEnd(9)} ${String(correct).padStart(3)}/${groups.length}  ${accuracy.padStart(6)}%  ${instead}`);
  }
}

function benchSegmentation(result: LanguageBench): void {
  console.log('\nSegmentation of NTREX lines (one sentence per line in the source)');
  console.log('lang  lines  exactly one sentence');
  for (const { file, lang } of SEGMENTATION) {
    const lines = readLines(file).filter((line) => line.trim() !== '');
    const off: string[] = [];
    let one = 0;
    for (const line of lines) {
      const count = segmentText(line, lang).length;
      if (count === 1) one++;
      else off.push(`    ${count}: ${line.length > 140 ? `${line.slice(0, 140)}…` : line}`);
    }
    result.oneSentencePerLine[lang] = Number((one / lines.length).toFixed(3));
    console.log(`${lang.padEnd(5)} ${String(lines.length).padStart(5)}  ${one} (${((100 * one) / lines.length).toFixed(1)}%)`);
    if (showMisses) console.log(off.slice(0, 8).join('\n'));
  }
}

let showMisses = true;

/** Detection accuracy per language and the share of NTREX lines segmented as one sentence. */
export function runLanguageBench(options: { verbose?: boolean; quiet?: boolean } = {}): LanguageBench {
  const result: LanguageBench = { detection: {}, oneSentencePerLine: {} };
  showMisses = !options.quiet;
  const log = console.log;
  if (options.quiet) console.log = () => {};
  try {
    benchDetection(Boolean(options.verbose), result);
    benchSegmentation(result);
  } finally {
    console.log = log;
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runLanguageBench({ verbose: process.argv.includes('--verbose') });
