// What each entry names (person, place, organisation, other), from evidence in the text that
// can be shown to the translator: the words around its mentions (type-cues.ts), its forms and
// the adjectives derived from it in documents of the same language (form-cues.ts: acronyms,
// possessives, event words, `ruski` beside `Rusija`), and, for an entry with no evidence of its
// own, the entries it is coordinated with (`Pjongjangom in Moskvo`). A tie or no evidence at all
// gives `other`. Pure: the glossary stage types its entries with it, and glossary.tbx shows the
// same evidence.

import type { EntityType, GlossaryEntry, LangCode } from '../types.ts';
import { countryCues, derivationCues, formCues, tableCues } from './form-cues.ts';
import { languageFamily, latinLower } from './normalise.ts';
import { cueTable, matchesCue } from './type-cues.ts';
import type { EvidentType } from './type-cues.ts';
import { Tally, words, type TypeEvidence, type TypingContext, type Word } from './typing-context.ts';

export { typingContext } from './typing-context.ts';
export type { TypeEvidence, TypingContext } from './typing-context.ts';

export interface EntityTyping {
  type: EntityType;
  /** Strongest first; coordination evidence only when the entry had none of its own. */
  evidence: TypeEvidence[];
}

/** Weight of evidence borrowed from a coordinated entry, against 1 for evidence of the entry's own. */
export const COORDINATION_WEIGHT = 0.5;

/** Characters on each side of a mention searched for cue words. */
const CUE_WINDOW = 80;

// Conjunctions that coordinate two names: `Rusija in Severna Koreja`, `Putin og Kim`.
const CONJUNCTIONS: Record<ReturnType<typeof languageFamily>, readonly string[]> = {
  'south-slavic': ['i', 'in', 'ili'],
  macedonian: ['i', 'ili'],
  romanian: ['si', 'sau'],
  danish: ['og', 'eller'],
  other: ['and', 'or'],
};

// Only quotation marks and blanks between a cue and the name: `agencija „RIA Novosti“`.
const TIGHT_GAP = /^[\s"'„“”«»‚‘’]*$/u;
// A comma may stand between a role and the name: `un parlamentar sud-coreean, Lee Seong-kweun`.
const LOOSE_GAP = /^[\s"'„“”«»‚‘’,]*$/u;

/** Evidence from the words right around one mention. */
function contextCues(tally: Tally, context: TypingContext, text: string, start: number, end: number, form: string, lang: LangCode): void {
  const table = cueTable(lang);
  // Cues stand next to the name: a window of text on each side is enough, and keeps this linear.
  const from = Math.max(0, start - CUE_WINDOW);
  const before = words(text.slice(from, start), context.lower).map((w) => ({ ...w, start: w.start + from, end: w.end + from }));
  const w1 = before[before.length - 1];
  const w2 = before[before.length - 2];
  const gap1 = w1 ? text.slice(w1.end, start) : '';
  // The word right before may be capitalised by position (`U Pekingu`, `Predsjednik Putin`).
  const tight = w1 !== undefined && TIGHT_GAP.test(gap1);
  const loose = w1 !== undefined && LOOSE_GAP.test(gap1);
  const show = (w: Word): string => `"${w.text.toLowerCase()}"`;

  if (tight && table.prepositions.includes(w1.lower)) tally.add('place', `preposition ${show(w1)}`, lang);
  if (tight && table.personMarkers.includes(w1.lower)) tally.add('person', `marker ${show(w1)}`, lang);
  if (tight && matchesCue(w1.lower, table.organisations)) tally.add('organisation', `organisation word ${show(w1)}`, lang);
  if (tight && matchesCue(w1.lower, table.places)) tally.add('place', `place word ${show(w1)}`, lang);
  // Roles and reporting verbs may have one adjective between them and the name (`navaja britanski BBC`).
  const near = loose ? [w1, ...(w2 && !w1.capitalised && !w2.capitalised && LOOSE_GAP.test(text.slice(w2.end, w1.start)) ? [w2] : [])] : [];
  const role = near.find((w) => matchesCue(w.lower, table.roles));
  if (role) tally.add('person', `role ${show(role)}`, lang);
  const report = near.find((w) => table.reports.includes(w.lower));
  if (report) tally.add('organisation', `reporting verb ${show(report)}`, lang);

  const next = words(text.slice(end, end + CUE_WINDOW), context.lower)[0];
  if (next && !next.capitalised && LOOSE_GAP.test(text.slice(end, end + next.start)) && matchesCue(next.lower, table.places)) {
    tally.add('place', `place word ${show(next)}`, lang);
  }
  // Danish compounds: `Kursk-regionen`, `Ukraine-krigen` (the mention is the name, `Kursk`; the
  // compound's tail follows it after the hyphen).
  const tail = /-(\p{Ll}[\p{L}\p{M}]*)$/u.exec(form) ?? /^-(\p{Ll}[\p{L}\p{M}]*)/u.exec(text.slice(end));
  if (tail && matchesCue(latinLower(tail[1]!), table.places)) tally.add('place', `compound "-${tail[1]}"`, lang);
}

function decide(evidence: TypeEvidence[], weight = 1): EntityType {
  const score = new Map<EvidentType, number>();
  for (const e of evidence) score.set(e.type, (score.get(e.type) ?? 0) + e.count * weight);
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return 'other';
  return ranked[0]![0];
}

/** Pairs of entries named side by side with a conjunction between them, as [index, index, language]. */
function coordinations(entries: readonly GlossaryEntry[], context: TypingContext): Array<[number, number, LangCode]> {
  const bySentence = new Map<string, Array<{ entry: number; start: number; end: number; lang: LangCode }>>();
  entries.forEach((e, entry) => {
    for (const m of e.mentions) {
      const id = `${m.doc}\u0000${m.sent}`;
      (bySentence.get(id) ?? bySentence.set(id, []).get(id)!).push({ entry, start: m.start, end: m.end, lang: m.lang });
    }
  });
  const pairs: Array<[number, number, LangCode]> = [];
  for (const [id, mentions] of bySentence) {
    const [doc, sent] = id.split('\u0000');
    const sentence = context.sentence(doc!, Number(sent));
    if (!sentence || mentions.length < 2) continue;
    mentions.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < mentions.length; i++) {
      const [a, b] = [mentions[i]!, mentions[i + 1]!];
      if (a.entry === b.entry) continue;
      const between = latinLower(sentence.text.slice(a.end - sentence.start, b.start - sentence.start)).trim();
      if (CONJUNCTIONS[languageFamily(a.lang)].includes(between)) pairs.push([a.entry, b.entry, a.lang]);
    }
  }
  return pairs;
}

/** The type of every entry with the evidence for it, in the order of `entries`. */
export function typeEntries(entries: readonly GlossaryEntry[], context: TypingContext): EntityTyping[] {
  const typings = entries.map((entry): EntityTyping => {
    const tally = new Tally();
    for (const m of entry.mentions) {
      const s = context.sentence(m.doc, m.sent);
      if (s) contextCues(tally, context, s.text, m.start - s.start, m.end - s.start, m.form, m.lang);
    }
    formCues(tally, entry);
    tableCues(tally, entry);
    countryCues(tally, entry);
    derivationCues(tally, entry, context);
    const evidence = tally.list();
    return { type: decide(evidence), evidence };
  });
  // An entry with no evidence of its own takes the type of the entries it is coordinated with.
  const borrowed = entries.map(() => new Tally());
  for (const [a, b, lang] of coordinations(entries, context)) {
    for (const [self, other] of [[a, b], [b, a]] as const) {
      const type = typings[other]!.type;
      if (typings[self]!.evidence.length === 0 && typings[other]!.evidence.length > 0 && type !== 'other') {
        borrowed[self]!.add(type, `coordinated with "${entries[other]!.canonical}"`, lang);
      }
    }
  }
  return typings.map((t, i) => {
    if (t.evidence.length > 0) return t;
    const evidence = borrowed[i]!.list();
    return { type: decide(evidence, COORDINATION_WEIGHT), evidence };
  });
}

/** Evidence as one line for a note: `place: preposition "u" ×3 (bs), adjective "ruski" ×2 (bs); person: ...`. */
export function describeEvidence(typing: EntityTyping): string {
  if (typing.evidence.length === 0) return `${typing.type}: no evidence in the text`;
  const byType = new Map<EvidentType, string[]>();
  for (const e of typing.evidence) {
    const line = `${e.cue}${e.count > 1 ? ` ×${e.count}` : ''} (${e.lang})`;
    (byType.get(e.type) ?? byType.set(e.type, []).get(e.type)!).push(line);
  }
  const parts = [...byType].map(([type, lines]) => `${type}: ${lines.join(', ')}`);
  // A tie decides `other` without any evidence for it: say so first.
  return byType.has(typing.type) ? parts.join('; ') : [`${typing.type} (evidence tied)`, ...parts].join('; ');
}
