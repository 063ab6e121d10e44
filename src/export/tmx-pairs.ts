// corpus.<a>_<b>.tmx (`--format tmx-pairs`): one bilingual TMX per pair of languages, for CAT tools.
// OmegaT, Trados and Translate Toolkit read a TMX as a source and a target language: an n-way
// corpus.tmx with srclang="*all*" loads with warnings in OmegaT, and Translate Toolkit takes the first
// two variants of a unit whatever their languages. Here every unit holds two variants, the source
// language first, and the header names it, so each file is an ordinary translation memory.
//
// The units are the links aligned directly between a document of language a and one of language b
// (accepted by the aligner or confirmed by a reviewer; never a rejected one), not pairs read off an
// n-way group: a group can hold two spans that were never compared with each other. Languages are
// in code-unit order (`bs_da`, `da_mk`); two documents of one language give no pair file.

import type { LangCode, Link, RunResult } from '../types.ts';
import { byDocsThenPosition } from '../align/link-order.ts';
import { round4 } from './csv.ts';
import type { OutputFile } from './write.ts';
import { compareStrings, formatSpan, indexRun } from './run-index.ts';
import { serialize, xmlDocument, xmlText } from './xml.ts';
import { TMX_SYSTEM_ID } from './tmx.ts';

/** `corpus.bs_da.tmx`, `corpus.mk_sr-Latn.tmx`: an underscore joins the codes, which may hold a hyphen. */
export const PAIR_TMX_NAME = /^corpus\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*_[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\.tmx$/;

export function pairTmxName(a: LangCode, b: LangCode): string {
  return `corpus.${a}_${b}.tmx`;
}

export function pairTmxFiles(result: RunResult): OutputFile[] {
  const index = indexRun(result);
  const langs = [...new Set(result.documents.map((d) => d.lang.code))].sort(compareStrings);
  const links = result.pairs.flatMap((p) => p.links);
  const files: OutputFile[] = [];
  for (let i = 0; i < langs.length; i++) {
    for (let j = i + 1; j < langs.length; j++) {
      const [a, b] = [langs[i]!, langs[j]!];
      const oriented: Link[] = [];
      for (const l of links) {
        const [ls, lt] = [index.lang(l.src.doc), index.lang(l.tgt.doc)];
        if (ls === a && lt === b) oriented.push(l);
        else if (ls === b && lt === a) oriented.push({ ...l, src: l.tgt, tgt: l.src });
      }
      oriented.sort(byDocsThenPosition);
      files.push({ name: pairTmxName(a, b), content: pairTmx(result, a, b, oriented) });
    }
  }
  return files;
}

function pairTmx(result: RunResult, srclang: LangCode, tgtlang: LangCode, links: readonly Link[]): string {
  const index = indexRun(result);
  const doc = xmlDocument('tmx', TMX_SYSTEM_ID);
  const tmx = doc.ele('tmx', { version: '1.4' });
  tmx.ele('header', {
    creationtool: 'polyalign',
    creationtoolversion: xmlText(result.manifest.tool.version),
    segtype: 'sentence',
    'o-tmf': 'polyalign',
    adminlang: 'en',
    srclang: xmlText(srclang),
    datatype: 'plaintext',
  });
  const body = tmx.ele('body');
  links.forEach((l, n) => {
    const tu = body.ele('tu', { tuid: String(n + 1), srclang: xmlText(srclang) });
    tu.ele('prop', { type: 'x-score' }).txt(round4(l.score).toFixed(4));
    tu.ele('prop', { type: 'x-margin' }).txt(round4(l.margin).toFixed(4));
    if (l.confidence !== undefined) tu.ele('prop', { type: 'x-confidence' }).txt(round4(l.confidence).toFixed(4));
    tu.ele('prop', { type: 'x-method' }).txt(l.method);
    tu.ele('prop', { type: 'x-status' }).txt(l.status);
    const group = index.groupOf(l);
    if (group) tu.ele('prop', { type: 'x-group-id' }).txt(xmlText(group.id));
    for (const [span, lang] of [
      [l.src, srclang],
      [l.tgt, tgtlang],
    ] as const) {
      const tuv = tu.ele('tuv', { 'xml:lang': xmlText(lang) });
      tuv.ele('prop', { type: 'x-doc' }).txt(xmlText(span.doc));
      tuv.ele('prop', { type: 'x-sent' }).txt(formatSpan(span));
      tuv.ele('seg').txt(xmlText(index.spanText(span)));
    }
  });
  return serialize(doc);
}
