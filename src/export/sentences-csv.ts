// sentences.csv: every sentence with its character offsets into the decoded file.

import type { RunResult } from '../types.ts';
import { toCsv, type Cell } from './csv.ts';
import { compareStrings } from './run-index.ts';

export const SENTENCES_HEADER = ['doc', 'lang', 'sent', 'start', 'end', 'text'];

export function sentencesCsv(result: RunResult): string {
  const rows: Cell[][] = [];
  const documents = [...result.documents].sort((a, b) => compareStrings(a.doc.id, b.doc.id));
  for (const d of documents) {
    const sentences = [...d.sentences].sort((a, b) => a.index - b.index);
    for (const s of sentences) rows.push([d.doc.id, d.lang.code, s.index, s.start, s.end, s.text]);
  }
  return toCsv(SENTENCES_HEADER, rows, result.csv);
}
