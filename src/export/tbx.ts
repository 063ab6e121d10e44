// glossary.tbx: TBX-Basic in the TBX 2008 form (ISO 30042:2008, LISA TBX 2.0):
// <martif type="TBX-Basic"> / <termEntry> / <langSet xml:lang> / <tig> / <term>.
//
// Why 2008 and not TBX v3 (ISO 30042:2019, <tbx>/<conceptEntry>/<langSec>/<termSec>): memoQ,
// Trados MultiTerm, Phrase, Weblate and the Translate Toolkit all import the martif form, while v3
// support is still patchy; DESIGN.md also speaks of `termEntry`. The element order follows the
// TBX core structure DTD: termEntry ((auxInfo), langSet+), langSet ((auxInfo), tig+),
// tig (term, termNote*, auxInfo), where auxInfo is descrip, note, admin... in any order.
// The DTD requires at least one termEntry: a run with an empty glossary writes a well-formed file
// with an empty <body>, which a validating reader would reject (there is nothing to import anyway).

import type { EntityType, GlossaryEntry, RunResult } from '../types.ts';
import { entriesById, glossaryLanguages, variantsOf } from './glossary-view.ts';
import { serialize, xmlDocument, xmlText, type XMLBuilder } from './xml.ts';

export const TBX_SYSTEM_ID = 'TBXBasiccoreStructV02.dtd';
const TBX_BASIC_XCS = 'TBXBasicXCSV02.xcs';

/** TBX-Basic termNotes per entity type (values from the TBX-Basic picklists). */
const TERM_NOTES: Record<EntityType, Array<[type: string, value: string]>> = {
  name: [['partOfSpeech', 'properNoun']],
  acronym: [
    ['partOfSpeech', 'properNoun'],
    ['termType', 'acronym'],
  ],
  title: [['partOfSpeech', 'properNoun']],
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function addEntry(body: XMLBuilder, entry: GlossaryEntry, langs: string[], exampleLang: string | undefined): void {
  const termEntry = body.ele('termEntry', { id: xmlText(entry.id) });
  termEntry.ele('note').txt(xmlText(`canonical: ${entry.canonical}`));
  termEntry
    .ele('note')
    .txt(xmlText(`${entry.type}; ${plural(entry.mentions.length, 'mention')} in ${plural(entry.docs.length, 'document')}: ${entry.docs.join(' | ')}`));

  // The example sentence becomes the context of the term it contains; when no variant of its
  // language occurs in it verbatim, it stays with the entry as a note.
  const example = xmlText(entry.example.text);
  const contextForm =
    exampleLang === undefined ? undefined : variantsOf(entry, exampleLang).find((v) => entry.example.text.includes(v.form))?.form;
  if (contextForm === undefined) {
    termEntry.ele('note').txt(xmlText(`example (${entry.example.doc}, sentence ${entry.example.sent}): `) + example);
  }

  for (const lang of langs) {
    const variants = variantsOf(entry, lang);
    if (variants.length === 0) continue;
    const langSet = termEntry.ele('langSet', { 'xml:lang': xmlText(lang) });
    for (const v of variants) {
      const tig = langSet.ele('tig');
      tig.ele('term').txt(xmlText(v.form));
      for (const [type, value] of TERM_NOTES[entry.type]) tig.ele('termNote', { type }).txt(value);
      if (lang === exampleLang && v.form === contextForm) tig.ele('descrip', { type: 'context' }).txt(example);
      tig.ele('note').txt(plural(v.count, 'mention'));
    }
  }
}

export function glossaryTbx(result: RunResult): string {
  const langs = glossaryLanguages(result);
  const langOf = new Map(result.documents.map((d) => [d.doc.id, d.lang.code]));
  const { tool } = result.manifest;

  const doc = xmlDocument('martif', TBX_SYSTEM_ID);
  const martif = doc.ele('martif', { type: 'TBX-Basic', 'xml:lang': 'en' });
  const header = martif.ele('martifHeader');
  const fileDesc = header.ele('fileDesc');
  fileDesc.ele('titleStmt').ele('title').txt('polyalign glossary');
  const sources = result.documents.map((d) => `${d.doc.id} (${d.lang.code})`).join(', ');
  fileDesc
    .ele('sourceDesc')
    .ele('p')
    .txt(xmlText(`${tool.name} ${tool.version}, from ${plural(result.documents.length, 'document')}: ${sources}`));
  header.ele('encodingDesc').ele('p', { type: 'XCSURI' }).txt(TBX_BASIC_XCS);

  const body = martif.ele('text').ele('body');
  for (const entry of entriesById(result)) addEntry(body, entry, langs, langOf.get(entry.example.doc));
  return serialize(doc);
}
