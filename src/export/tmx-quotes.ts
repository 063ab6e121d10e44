// quotes.<a>_<b>.tmx (`--format tmx-quotes`): the quotes that documents of two languages share, as a
// bilingual translation memory per pair of languages, source language first. A quote in its marks is
// the closest translation two reports hold (the sentence around it is each outlet's own), so these are
// the cleanest units of an event. One unit per pair of occurrences of one quote (quotes.csv's
// quote_id) in a document of language a and one of b, speech and reported quotes alike (terms, names in
// marks, are the glossary's business), with the quote id, speaker, kinds and the lower confidence of the
// two as props. Languages in code-unit order, as corpus.<a>_<b>.tmx.

import { localeOf } from './locales.ts';
import type { LangCode, Quote, RunResult } from '../types.ts';
import { round4 } from './csv.ts';
import type { OutputFile } from './files.ts';
import { languagePairs } from './run-index.ts';
import { serialize, xmlText } from './xml.ts';
import { addTuv, tmxDocument } from './tmx.ts';

export const QUOTE_TMX_NAME = /^quotes\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*_[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\.tmx$/;

export function quoteTmxName(a: LangCode, b: LangCode): string {
  return `quotes.${a}_${b}.tmx`;
}

function sentOf(q: Quote): string {
  return q.sents[0] === q.sents[1] ? String(q.sents[0]) : `${q.sents[0]}-${q.sents[1]}`;
}

export function quoteTmxFiles(result: RunResult): OutputFile[] {
  const groups = (result.quotes ?? []).filter((g) => g.members.length > 1);
  return languagePairs(result).map(([a, b]) => {
      const [la, lb] = [localeOf(result.locales, a), localeOf(result.locales, b)];
      const { doc, body } = tmxDocument(result.manifest.tool.version, la);
      let n = 0;
      for (const g of groups) {
        const as = g.members.filter((q) => q.lang === a && q.kind !== 'term');
        const bs = g.members.filter((q) => q.lang === b && q.kind !== 'term');
        for (const x of as) {
          for (const y of bs) {
            const tu = body.ele('tu', { tuid: String(++n), srclang: xmlText(la) });
            tu.ele('prop', { type: 'x-quote-id' }).txt(xmlText(g.id));
            if (g.speaker) tu.ele('prop', { type: 'x-speaker' }).txt(xmlText(g.speaker.canonical));
            const confidence = Math.min(g.confidence[x.id] ?? 0, g.confidence[y.id] ?? 0);
            tu.ele('prop', { type: 'x-confidence' }).txt(round4(confidence).toFixed(4));
            addTuv(tu, { lang: la, doc: x.doc, sent: sentOf(x), text: x.text, kind: x.kind });
            addTuv(tu, { lang: lb, doc: y.doc, sent: sentOf(y), text: y.text, kind: y.kind });
          }
        }
      }
      return { name: quoteTmxName(a, b), content: serialize(doc) };
  });
}
