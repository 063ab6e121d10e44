// corpus.<a>_<b>.tmx (`--format tmx-pairs`): one bilingual TMX per pair of languages, for CAT tools.
// OmegaT, Trados and Translate Toolkit read a TMX as a source and a target language: an n-way
// corpus.tmx with srclang="*all*" loads with warnings in OmegaT, and Translate Toolkit takes the first
// two variants of a unit whatever their languages. Here every unit holds two variants, the source
// language first, and the header names it, so each file is an ordinary translation memory.
//
// The units are the links aligned directly between a document of language a and one of language b
// (accepted by the aligner or confirmed by a reviewer; never a rejected one), not pairs read off an
// n-way group: a group can hold two spans that were never compared with each other. Only `equivalent`
// links, unless `--tm-include related` asks for both; each unit says its kind (x-kind), confidence,
// method and status. A pair of languages with no such link still gets its file, with no unit, and the
// run's console and run.json say so (pipeline.ts coverageWarnings). Languages are
// in code-unit order (`bs_da`, `da_mk`); two documents of one language give no pair file.

import { localeOf } from './locales.ts';
import type { LangCode, Link, RunResult } from '../types.ts';
import { byDocsThenPosition } from '../align/link-order.ts';
import { round4 } from './csv.ts';
import type { OutputFile } from './files.ts';
import { formatSpan, indexRun, languagePairs, type RunIndex } from './run-index.ts';
import { serialize, xmlText } from './xml.ts';
import { addTuv, tmxDocument } from './tmx.ts';

/** `corpus.bs_da.tmx`, `corpus.mk_sr-Latn.tmx`: an underscore joins the codes, which may hold a hyphen. */
export const PAIR_TMX_NAME = /^corpus\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*_[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\.tmx$/;

export function pairTmxName(a: LangCode, b: LangCode): string {
  return `corpus.${a}_${b}.tmx`;
}

export function pairTmxFiles(result: RunResult): OutputFile[] {
  const index = indexRun(result);
  const links = result.pairs.flatMap((p) => p.links).filter((l) => result.tmInclude === 'related' || l.kind !== 'related');
  return languagePairs(result).map(([a, b]) => {
    const oriented: Link[] = [];
    for (const l of links) {
      const [ls, lt] = [index.lang(l.src.doc), index.lang(l.tgt.doc)];
      if (ls === a && lt === b) oriented.push(l);
      else if (ls === b && lt === a) oriented.push({ ...l, src: l.tgt, tgt: l.src });
    }
    oriented.sort(byDocsThenPosition);
    return { name: pairTmxName(a, b), content: pairTmx(result, index, a, b, oriented) };
  });
}

function pairTmx(result: RunResult, index: RunIndex, srclang: LangCode, tgtlang: LangCode, links: readonly Link[]): string {
  const [src, tgt] = [localeOf(result.locales, srclang), localeOf(result.locales, tgtlang)];
  const { doc, body } = tmxDocument(result.manifest.tool.version, src);
  links.forEach((l, n) => {
    const tu = body.ele('tu', { tuid: String(n + 1), srclang: xmlText(src) });
    tu.ele('prop', { type: 'x-score' }).txt(round4(l.score).toFixed(4));
    tu.ele('prop', { type: 'x-margin' }).txt(round4(l.margin).toFixed(4));
    if (l.confidence !== undefined) tu.ele('prop', { type: 'x-confidence' }).txt(round4(l.confidence).toFixed(4));
    if (l.kind !== undefined) tu.ele('prop', { type: 'x-kind' }).txt(l.kind);
    tu.ele('prop', { type: 'x-method' }).txt(l.method);
    tu.ele('prop', { type: 'x-status' }).txt(l.status);
    const group = index.groupOf(l);
    if (group) tu.ele('prop', { type: 'x-group-id' }).txt(xmlText(group.id));
    addTuv(tu, { lang: src, doc: l.src.doc, sent: formatSpan(l.src), text: index.spanText(l.src) });
    addTuv(tu, { lang: tgt, doc: l.tgt.doc, sent: formatSpan(l.tgt), text: index.spanText(l.tgt) });
  });
  return serialize(doc);
}
