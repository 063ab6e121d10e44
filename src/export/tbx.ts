// glossary.tbx: TBX-Basic in the TBX 2008 form (ISO 30042:2008, LISA TBX 2.0):
// <martif type="TBX-Basic"> / <termEntry> / <langSet xml:lang> / <tig> / <term>.
//
// Why 2008 and not TBX v3 (ISO 30042:2019, <tbx>/<conceptEntry>/<langSec>/<termSec>): memoQ,
// Trados MultiTerm, Phrase, Weblate and the Translate Toolkit all import the martif form, while v3
// support is still patchy; DESIGN.md also speaks of `termEntry`. The element order follows the
// TBX core structure DTD: termEntry ((auxInfo), langSet+), langSet ((auxInfo), tig+),
// tig (term, termNote*, auxInfo), where auxInfo is descrip, note, admin... in any order.
// The entity type (person, place, organisation, other) and the evidence for it go in termEntry
// notes, since TBX-Basic has no data category for the kind of thing a name names; every term is a
// properNoun, and an acronym term also has termType acronym.
// The DTD requires at least one termEntry (body: termEntry+), so no TBX 2008 file can be empty and
// valid. A run with an empty glossary writes a well-formed file with an empty <body> and says so in
// its sourceDesc, rather than invent a term: CAT tools import it as an empty termbase, while a
// validating reader rejects it.

import { describeEvidence, typeEntries, typingContext, type EntityTyping } from '../glossary/entity-type.ts';
import { isAcronym } from '../glossary/normalise.ts';
import type { GlossaryEntry, RunResult } from '../types.ts';
import { entriesById, glossaryLanguages, variantsOf } from './glossary-view.ts';
import { serialize, xmlDocument, xmlText, type XMLBuilder } from './xml.ts';

export const TBX_SYSTEM_ID = 'TBXBasiccoreStructV02.dtd';
const TBX_BASIC_XCS = 'TBXBasicXCSV02.xcs';

/** TBX-Basic termNotes of a term (values from the TBX-Basic picklists). */
function termNotes(term: string): Array<[type: string, value: string]> {
  const notes: Array<[string, string]> = [['partOfSpeech', 'properNoun']];
  if (isAcronym(term)) notes.push(['termType', 'acronym']);
  return notes;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function addEntry(body: XMLBuilder, entry: GlossaryEntry, typing: EntityTyping, langs: string[], exampleLang: string | undefined): void {
  const termEntry = body.ele('termEntry', { id: xmlText(entry.id) });
  termEntry.ele('note').txt(xmlText(`canonical: ${entry.canonical}`));
  termEntry
    .ele('note')
    .txt(xmlText(`${entry.type}; ${plural(entry.mentions.length, 'mention')} in ${plural(entry.docs.length, 'document')}: ${entry.docs.join(' | ')}`));
  termEntry.ele('note').txt(xmlText(`type evidence: ${describeEvidence({ ...typing, type: entry.type })}`));

  // The example sentence becomes the context of the term it contains; when no variant of its
  // language occurs in it verbatim, it stays with the entry as a note.
  const example = xmlText(entry.example.text);
  const contextForm =
    exampleLang === undefined
      ? undefined
      : // The longest variant the sentence holds: `Kim Jong-una`, not the `Kim` inside it.
        variantsOf(entry, exampleLang)
          .filter((v) => entry.example.text.includes(v.form))
          .sort((a, b) => b.form.length - a.form.length)[0]?.form;
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
      for (const [type, value] of termNotes(v.form)) tig.ele('termNote', { type }).txt(value);
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
  const sourceDesc = fileDesc.ele('sourceDesc');
  sourceDesc.ele('p').txt(xmlText(`${tool.name} ${tool.version}, from ${plural(result.documents.length, 'document')}: ${sources}`));
  if (result.glossary.length === 0) sourceDesc.ele('p').txt('The glossary is empty: no names were found.');
  header.ele('encodingDesc').ele('p', { type: 'XCSURI' }).txt(TBX_BASIC_XCS);

  const body = martif.ele('text').ele('body');
  // The evidence is recomputed from the run (the glossary stage keeps only the type): the same pure
  // function over the same mentions and sentences gives the same evidence.
  const entries = entriesById(result);
  const typings = typeEntries(entries, typingContext(result.documents));
  entries.forEach((entry, i) => addEntry(body, entry, typings[i]!, langs, langOf.get(entry.example.doc)));
  return serialize(doc);
}
