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
import type { GlossaryEntry, LangCode, LocaleSettings, RunResult } from '../types.ts';
import type { OutputFile } from './files.ts';
import { localeOf } from './locales.ts';
import { entriesById, glossaryLanguages, glossaryPairs, variantsOf } from './glossary-view.ts';
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

/** What one termEntry holds: its notes, and per language its terms, one of them maybe with a context sentence. */
export interface TermEntryContent {
  id: string;
  notes: string[];
  langs: Array<{ lang: string; terms: Array<{ form: string; count: number; context?: string; status?: 'preferred' | 'admitted'; note?: string }> }>;
}

/** One termEntry, in the element order the TBX core structure DTD wants. */
export function addTermEntry(body: XMLBuilder, content: TermEntryContent): void {
  const termEntry = body.ele('termEntry', { id: xmlText(content.id) });
  for (const note of content.notes) termEntry.ele('note').txt(xmlText(note));
  for (const { lang, terms } of content.langs) {
    if (terms.length === 0) continue;
    const langSet = termEntry.ele('langSet', { 'xml:lang': xmlText(lang) });
    for (const v of terms) {
      const tig = langSet.ele('tig');
      tig.ele('term').txt(xmlText(v.form));
      for (const [type, value] of termNotes(v.form)) tig.ele('termNote', { type }).txt(value);
      // TBX-Basic's administrativeStatus picklist: the language's base form is the preferred term
      if (v.status !== undefined) tig.ele('termNote', { type: 'administrativeStatus' }).txt(`${v.status}Term-admn-sts`);
      if (v.context !== undefined) tig.ele('descrip', { type: 'context' }).txt(xmlText(v.context));
      tig.ele('note').txt(v.note !== undefined ? xmlText(v.note) : plural(v.count, 'mention'));
    }
  }
}

/**
 * The terms of an entry per language; the example sentence becomes the context of the longest
 * variant of its language that it holds verbatim (`Kim Jong-una`, not the `Kim` inside it), and
 * when there is none the caller keeps it as a note (returned as `exampleAsNote`).
 */
export function termsWithContext(
  langs: readonly string[],
  variants: (lang: string) => Array<{ form: string; count: number }>,
  example: { lang: string | undefined; text: string },
): { langs: TermEntryContent['langs']; exampleAsNote: boolean } {
  const contextForm =
    example.lang === undefined
      ? undefined
      : variants(example.lang)
          .filter((v) => example.text.includes(v.form))
          .sort((a, b) => b.form.length - a.form.length)[0]?.form;
  return {
    exampleAsNote: contextForm === undefined,
    langs: langs.map((lang) => ({
      lang,
      terms: variants(lang).map((v) => (lang === example.lang && v.form === contextForm ? { ...v, context: example.text } : v)),
    })),
  };
}

export { plural };

/**
 * Marks each language's preferred term (`preferred(lang)`, its base form) and the others as admitted;
 * a preferred term the text does not use (count 0) gets `unseenNote(lang)` instead of a mention count.
 * Without preferred terms (an older glossary) nothing is marked.
 */
export function withStatus(
  langs: TermEntryContent['langs'],
  preferred: (lang: string) => string | undefined,
  unseenNote: (lang: string) => string,
): TermEntryContent['langs'] {
  return langs.map(({ lang, terms }) => {
    const form = preferred(lang);
    if (form === undefined) return { lang, terms };
    return {
      lang,
      terms: terms.map((t) => ({
        ...t,
        status: t.form === form ? ('preferred' as const) : ('admitted' as const),
        ...(t.form === form && t.count === 0 ? { note: unseenNote(lang) } : {}),
      })),
    };
  });
}

/** An English canonical name as a langSet of its own: the preferred `en` term, which the texts do not use. */
export function englishLangSet(canonical: string): TermEntryContent['langs'][number] {
  return { lang: 'en', terms: [{ form: canonical, count: 0, status: 'preferred', note: "English name, from polyalign's table of names; not in the texts" }] };
}

/** The English name of an entry whose canonical is one (`canonicalLang`), first, unless English is a language of the texts. */
function englishTerms(entry: GlossaryEntry, langs: readonly string[]): TermEntryContent['langs'] {
  return entry.canonicalLang === 'en' && !langs.includes('en') ? [englishLangSet(entry.canonical)] : [];
}

/** The notes of a termEntry: the canonical, the type and its evidence, the documents. */
function entryNotes(entry: GlossaryEntry, typing: EntityTyping): string[] {
  return [
    `canonical: ${entry.canonical}`,
    `${entry.type}; ${plural(entry.mentions.length, 'mention')} in ${plural(entry.docs.length, 'document')}: ${entry.docs.join(' | ')}`,
    entry.typeBy === 'reviewer'
      ? `type: ${entry.type}, set by a reviewer; the text's evidence: ${describeEvidence(typing)}`
      : `type evidence: ${describeEvidence({ ...typing, type: entry.type })}`,
  ];
}

/**
 * The langSets of an entry for the given languages (in that order; an empty one is left out), the
 * English name first when the canonical is one, each language's preferred term first, and the
 * langSets named by locale.
 */
function entryContent(entry: GlossaryEntry, typing: EntityTyping, langs: readonly string[], exampleLang: string | undefined, locales: LocaleSettings | undefined): TermEntryContent {
  const terms = termsWithContext(langs, (lang) => variantsOf(entry, lang), { lang: exampleLang, text: entry.example.text });
  const own = withStatus(
    terms.langs,
    (lang) => entry.preferred?.[lang]?.form,
    (lang) => `base form, not in the text (${entry.preferred?.[lang]?.source === 'table' ? "from polyalign's table of place names" : 'cut from an inflected form by the rules'})`,
  );
  const notes = entryNotes(entry, typing);
  if (terms.exampleAsNote) notes.push(`example (${entry.example.doc}, sentence ${entry.example.sent}): ${entry.example.text}`);
  const named = [...englishTerms(entry, langs), ...own].map((l) => ({ ...l, lang: localeOf(locales, l.lang) }));
  return { id: entry.id, notes, langs: named };
}

/** The martif document with its header; returns the body to add termEntries to. */
export function tbxDocument(sourceLines: string[]): { doc: XMLBuilder; body: XMLBuilder } {
  const doc = xmlDocument('martif', TBX_SYSTEM_ID);
  const martif = doc.ele('martif', { type: 'TBX-Basic', 'xml:lang': 'en' });
  const header = martif.ele('martifHeader');
  const fileDesc = header.ele('fileDesc');
  fileDesc.ele('titleStmt').ele('title').txt('polyalign glossary');
  const sourceDesc = fileDesc.ele('sourceDesc');
  for (const line of sourceLines) sourceDesc.ele('p').txt(xmlText(line));
  header.ele('encodingDesc').ele('p', { type: 'XCSURI' }).txt(TBX_BASIC_XCS);
  return { doc, body: martif.ele('text').ele('body') };
}

export function glossaryTbx(result: RunResult): string {
  const langs = glossaryLanguages(result);
  const langOf = new Map(result.documents.map((d) => [d.doc.id, d.lang.code]));
  const { tool } = result.manifest;
  const sources = result.documents.map((d) => `${d.doc.id} (${d.lang.code})`).join(', ');
  const lines = [`${tool.name} ${tool.version}, from ${plural(result.documents.length, 'document')}: ${sources}`];
  if (result.glossary.length === 0) lines.push('The glossary is empty: no names were found.');
  const { doc, body } = tbxDocument(lines);
  // The evidence is recomputed from the run (the glossary stage keeps only the type): the same pure
  // function over the same mentions and sentences gives the same evidence.
  const entries = entriesById(result);
  const typings = typeEntries(entries, typingContext(result.documents));
  entries.forEach((entry, i) => addTermEntry(body, entryContent(entry, typings[i]!, langs, langOf.get(entry.example.doc), result.locales)));
  return serialize(doc);
}

/** glossary.<a>_<b>.tbx (`--format tbx-pairs`): one bilingual termbase per pair of languages. */
export const PAIR_TBX_NAME = /^glossary\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*_[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\.tbx$/;

export function pairTbxName(a: LangCode, b: LangCode): string {
  return `glossary.${a}_${b}.tbx`;
}

/** One file per pair of languages (glossaryPairs): each termEntry holds exactly the two langSets, source first, each langSet its preferred term first. */
export function pairTbxFiles(result: RunResult): OutputFile[] {
  const langOf = new Map(result.documents.map((d) => [d.doc.id, d.lang.code]));
  const all = entriesById(result);
  const typings = new Map(typeEntries(all, typingContext(result.documents)).map((t, i) => [all[i]!.id, t]));
  return glossaryPairs(result).map(({ a, b, entries }) => {
    const [la, lb] = [localeOf(result.locales, a), localeOf(result.locales, b)];
    const { tool } = result.manifest;
    const lines = [`${tool.name} ${tool.version}: the names the ${la} and ${lb} documents share, ${la} first (the source), then ${lb} (the target)`];
    if (entries.length === 0) lines.push(`No name is in both languages.`);
    const { doc, body } = tbxDocument(lines);
    for (const entry of entries) {
      const content = entryContent(entry, typings.get(entry.id)!, [a, b], langOf.get(entry.example.doc), result.locales);
      // the English name is the canonical note here: a bilingual file holds the two languages only
      addTermEntry(body, { ...content, langs: content.langs.filter((l) => l.lang === la || l.lang === lb) });
    }
    return { name: pairTbxName(a, b), content: serialize(doc) };
  });
}
