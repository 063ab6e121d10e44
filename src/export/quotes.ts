// quotes.csv and quotes.jsonl: who said what, in every document. quotes.csv has one row per quote in
// a document, the rows of one quote across the documents together (quote_id); quotes.jsonl has one
// quote a line with its occurrences. Offsets point into the decoded file, as sentences.csv's do.

import type { Quote, QuoteGroup, RunResult } from '../types.ts';
import { toCsv, type Cell } from './csv.ts';
import { sentCell, type Table } from './table.ts';

export const QUOTES_HEADER = ['quote_id', 'kind', 'speaker', 'speaker_entry', 'doc', 'lang', 'sent', 'start', 'end', 'text', 'confidence', 'status'];

function sentOf(q: Quote): string {
  return q.sents[0] === q.sents[1] ? String(q.sents[0]) : `${q.sents[0]}-${q.sents[1]}`;
}

/** The quotes of a run, groups in their order, occurrences in document order. */
function groupsOf(result: RunResult): QuoteGroup[] {
  return result.quotes ?? [];
}

/** quotes.csv's header and rows, for the CSV and the workbook's sheet. */
export function quotesTable(result: RunResult): Table {
  const rows: Cell[][] = [];
  for (const g of groupsOf(result)) {
    for (const q of g.members) {
      rows.push([g.id, q.kind, q.speaker?.canonical ?? q.speaker?.form ?? '', q.speaker?.entry ?? '', q.doc, q.lang, sentCell(q.sents[0], q.sents[1]), q.start, q.end, q.text, g.confidence[q.id] ?? '', g.status?.[q.id] ?? 'auto']);
    }
  }
  return { header: QUOTES_HEADER, rows };
}

export function quotesCsv(result: RunResult): string {
  const { header, rows } = quotesTable(result);
  return toCsv(header, rows, result.csv);
}

export function quotesJsonl(result: RunResult): string {
  return groupsOf(result)
    .map((g) =>
      JSON.stringify({
        id: g.id,
        speaker: g.speaker ?? null,
        documents: g.members.length,
        members: g.members.map((q) => ({
          quote: q.id,
          kind: q.kind,
          doc: q.doc,
          lang: q.lang,
          sent: sentOf(q),
          start: q.start,
          end: q.end,
          text: q.text,
          speaker: q.speaker ?? null,
          score: g.scores[q.id] ?? null,
          confidence: g.confidence[q.id] ?? null,
          status: g.status?.[q.id] ?? 'auto',
        })),
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
