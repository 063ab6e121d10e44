// From clusters of mentions to glossary entries: the canonical form, the variants per
// language, the example sentence and the ids.

import { dominantScript } from '../text/script.ts';
import { transliterate } from '../text/transliterate.ts';
import type { GlossaryEntry, LangCode, Mention, Segmented } from '../types.ts';
import type { Candidate } from './candidates.ts';
import { typeEntries, typingContext } from './entity-type.ts';
import { dropCompoundTail, inflectionLoss, languageFamily, latinLower, NOMINATIVE_LOSS, normaliseName } from './normalise.ts';
import { baseForm } from './base-forms.ts';
import { isNear } from './similarity.ts';
import { exonymLang, exonymOf, type Exonym } from './exonyms.ts';

export interface FormStats {
  form: string;
  lang: LangCode;
  count: number;
  words: number;
  /**
   * The form a headword would take: the form itself, or the name inside a Danish compound
   * (`Ukraine-krigen` → `Ukraine`, `Kursk-regionen` → `Kursk`).
   */
  head: string;
  /** How far the head is from looking nominative (see inflectionLoss); 0 is a bare stem. */
  loss: number;
  /** Every word of the head looks nominative: no case ending stripped (`Rusija`, `Putin`; not `Rusije`, `Putinom`). */
  ownBase: boolean;
  skeleton: string;
  /** Languages the form is written in (after pooling across languages). */
  langs: number;
  /** A language that does not decline names (Danish, English): its forms are citation forms. */
  undeclined: boolean;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The head of a form: Danish compounds lose their lower-case head noun (`Ukraine-krigen` →
 * `Ukraine`; the glossary's candidates no longer contain them, see compounds.ts), and a Danish
 * genitive its `-s` when the entry also has the word without it (`Ruslands` → `Rusland`, `Kims` →
 * `Kim`; but `Røde Kors` stays, `Kors` is not a genitive). Other languages: the base form of
 * base-forms.ts (`Втората светска војна` → `Втора светска војна`, `Dana pobjede` → `Dan pobjede`).
 */
function headOf(form: string, lang: LangCode, words: ReadonlySet<string>): string {
  if (languageFamily(lang) !== 'danish') return baseForm(form, lang);
  return form
    .split(/\s+/u)
    .map((w) => {
      const head = dropCompoundTail(w);
      const bare = head.slice(0, -1);
      return head.endsWith('s') && words.has(latinLower(bare)) && inflectionLoss(head, lang) >= 1 ? bare : head;
    })
    .join(' ');
}

/** Counts per language and form. */
function formStats(members: Candidate[]): FormStats[] {
  const byForm = new Map<string, FormStats>();
  const words = new Set(members.flatMap((c) => c.form.split(/\s+/u).map((w) => latinLower(dropCompoundTail(w)))));
  for (const c of members) {
    const id = `${c.lang}\u0000${c.form}`;
    const s = byForm.get(id);
    if (s) s.count++;
    else {
      const head = headOf(c.form, c.lang, words);
      const losses = head.split(/\s+/u).map((w) => (/^\p{Lu}/u.test(w) ? inflectionLoss(w, c.lang) : 0));
      byForm.set(id, {
        form: c.form,
        lang: c.lang,
        count: 1,
        words: c.parts.length,
        head,
        loss: losses.reduce((n, l) => n + l, 0),
        ownBase: losses.every((l) => l <= NOMINATIVE_LOSS),
        skeleton: c.skeleton,
        langs: 1,
        undeclined: UNDECLINED.has(languageFamily(c.lang)),
      });
    }
  }
  return [...byForm.values()];
}

const UNDECLINED = new Set(['danish', 'other']);

function pooled(stats: FormStats[]): FormStats[] {
  const forms = new Map<string, FormStats>();
  for (const s of stats) {
    const f = forms.get(s.head);
    // One spelling in several languages is as nominative as its most nominative reading:
    // `Buckinghamshire` is bare in Danish even where Bosnian could read a case ending into it.
    if (f) {
      forms.set(s.head, {
        ...f,
        count: f.count + s.count,
        langs: f.langs + 1,
        loss: Math.min(f.loss, s.loss),
        ownBase: f.ownBase || s.ownBase,
        undeclined: f.undeclined || s.undeclined,
      });
    }
    else forms.set(s.head, { ...s });
  }
  return [...forms.values()].sort((a, b) => compareText(a.head, b.head));
}

const byPreference = (a: FormStats, b: FormStats): number =>
  a.loss - b.loss ||
  b.count - a.count ||
  b.langs - a.langs ||
  Number(b.undeclined) - Number(a.undeclined) ||
  a.head.length - b.head.length ||
  compareText(a.head, b.head);

/** Multi-word forms when there are any: the full name is the headword, not the surname. */
function fullest(stats: FormStats[]): FormStats[] {
  const full = stats.filter((s) => s.words >= 2);
  return full.length > 0 ? full : stats;
}

/**
 * The canonical form: a full form (multi-word when there is one) in Latin script. Forms are
 * pooled by spelling (near skeletons: `Moskvom`, `Moskvo`, `Moskva`), the most frequent pool
 * wins, and within it the form that looks most nominative (least stripped by inflection),
 * then the most frequent, the one written in more languages, the one of a language that does
 * not decline names, the shorter, the first in code-point order. Danish compounds count by
 * their name (`Ukraine-krigen` → `Ukraine`). When that form is inflected (`Japonske`,
 * `Južne Koreje`) and the entry has a form that is its own base, that one is taken: another
 * Latin form, else the transliteration of a Cyrillic one (`Јапонија` → `Japonija`). An entity
 * seen only in Cyrillic gets its transliteration (`Родонг Синмун` → `Rodong Sinmun`).
 */
export function chooseCanonical(stats: FormStats[]): FormStats & { canonical: string } {
  const all = pooled(stats);
  const latin = all.filter((s) => dominantScript(s.form) === 'Latn');
  const cyrillic = all.filter((s) => dominantScript(s.form) !== 'Latn');
  const pool = latin.length > 0 ? latin : all;
  const candidates = fullest(pool);

  const spellings: FormStats[][] = [];
  for (const s of candidates) {
    const home = spellings.find((group) => group.some((g) => isNear(g.skeleton, s.skeleton)));
    if (home) home.push(s);
    else spellings.push([s]);
  }
  const total = (group: FormStats[]): number => group.reduce((n, s) => n + s.count, 0);
  const bestOf = (group: FormStats[]): FormStats => [...group].sort(byPreference)[0]!;
  const winner = spellings.sort((a, b) => total(b) - total(a) || byPreference(bestOf(a), bestOf(b)))[0]!;
  const best = bestOf(winner);
  const inScript = (s: FormStats): FormStats & { canonical: string } => ({
    ...s,
    canonical: dominantScript(s.form) === 'Latn' ? s.head : transliterate(s.head),
  });
  if (best.ownBase || latin.length === 0) return inScript(best);
  const fallback = [fullest(latin), fullest(cyrillic)]
    .map((group) => group.filter((s) => s.ownBase).sort(byPreference)[0])
    .find((s) => s !== undefined);
  return inScript(fallback ?? best);
}

/** The concept of the exonym table most of the entry's mentions stand for, if any. */
function conceptOf(stats: readonly FormStats[]): Exonym | undefined {
  const votes = new Map<string, { concept: Exonym; count: number }>();
  for (const s of stats) {
    const concept = exonymOf(s.form, s.lang);
    if (!concept) continue;
    const v = votes.get(concept.id) ?? { concept, count: 0 };
    v.count += s.count;
    votes.set(concept.id, v);
  }
  return [...votes.values()].sort((a, b) => b.count - a.count || compareText(a.concept.id, b.concept.id))[0]?.concept;
}

/**
 * A form's base by the rules: when the form is another Latin form of the entry plus a case ending
 * (`Kim Jong-una` is `Kim Jong-un` + `a`, `Kurske` is `Kursk` + `e`: the inflection stripping of
 * normalise.ts reaches exactly that form), the form cut to it, in this language's own spelling.
 */
function ruleBase(s: FormStats, latinHeads: ReadonlyMap<string, string>): string | undefined {
  const key = normaliseName(s.head, s.lang);
  const stem = latinHeads.get(key);
  if (stem === undefined || latinLower(s.head) === key) return undefined;
  const cut = s.head.slice(0, stem.length);
  return latinLower(cut) === key ? cut : undefined;
}

/**
 * Each language's preferred term: the base form the exonym table gives for the language (`Rusija`,
 * `Rusland`, `Москва`); else the fullest base form of the text, where a base form is one the text
 * uses as such (`Vladimir Putin`; a Danish form by its head: `Kursk` for `Kursk-regionen`) or one the
 * rules cut from an inflected form (`Kim Jong-un` from `Kim Jong-una`); else the most frequent form.
 * A form that is its own base only by looking nominative (`Kim Jong-una`, whose `-a` reads as a
 * feminine ending) is not one when another form of the entry is its stem.
 */
function preferredOf(stats: readonly FormStats[], concept: Exonym | undefined): NonNullable<GlossaryEntry['preferred']> {
  const preferred: NonNullable<GlossaryEntry['preferred']> = {};
  const latinHeads = new Map<string, string>();
  for (const s of stats) if (dominantScript(s.head) === 'Latn') latinHeads.set(latinLower(s.head), s.head);
  const langs = [...new Set(stats.map((s) => s.lang))].sort(compareText);
  for (const lang of langs) {
    const own = stats.filter((s) => s.lang === lang);
    const tableLang = exonymLang(lang);
    const table = concept && tableLang ? concept.forms[tableLang]?.[0] : undefined;
    if (table !== undefined) {
      preferred[lang] = { form: table, source: 'table' };
      continue;
    }
    const bases: Array<{ form: string; words: number; count: number; source: 'text' | 'rule' }> = [];
    for (const s of own) {
      const cut = ruleBase(s, latinHeads);
      if (cut !== undefined) bases.push({ form: cut, words: s.words, count: s.count, source: 'rule' });
      else if (s.ownBase) bases.push({ form: s.head, words: s.words, count: s.count, source: s.head === s.form || languageFamily(s.lang) === 'danish' ? 'text' : 'rule' });
    }
    bases.sort((a, b) => b.words - a.words || b.count - a.count || compareText(a.form, b.form));
    if (bases.length > 0) {
      preferred[lang] = { form: bases[0]!.form, source: bases[0]!.source };
      continue;
    }
    const frequent = [...own].sort((a, b) => b.count - a.count || compareText(a.form, b.form))[0]!;
    preferred[lang] = { form: frequent.form, source: 'frequency' };
  }
  return preferred;
}

function variantsOf(stats: FormStats[]): GlossaryEntry['variants'] {
  const byLang = new Map<LangCode, Array<{ form: string; count: number }>>();
  for (const s of stats) {
    let list = byLang.get(s.lang);
    if (!list) byLang.set(s.lang, (list = []));
    list.push({ form: s.form, count: s.count });
  }
  const variants: GlossaryEntry['variants'] = {};
  for (const lang of [...byLang.keys()].sort(compareText)) {
    variants[lang] = byLang.get(lang)!.sort((a, b) => b.count - a.count || compareText(a.form, b.form));
  }
  return variants;
}

function toMention(c: Candidate): Mention {
  return { doc: c.doc, lang: c.lang, sent: c.sent, start: c.start, end: c.end, form: c.form };
}

/** A lone word capitalised only by its place in the sentence is too weak an entry. */
function isLoneInitial(members: Candidate[]): boolean {
  return members.length === 1 && members[0]!.initial && members[0]!.parts.length === 1 && members[0]!.kind !== 'acronym';
}

/** Entries for the clusters, numbered `e0001`... by documents, then mentions, then canonical form. */
export function buildEntries(docs: readonly Segmented[], candidates: readonly Candidate[], clusters: number[][]): GlossaryEntry[] {
  const sentenceText = new Map<string, string>();
  for (const d of docs) for (const s of d.sentences) sentenceText.set(`${d.doc.id}\u0000${s.index}`, s.text);

  const entries: GlossaryEntry[] = [];
  for (const indices of clusters) {
    const members = indices
      .map((i) => candidates[i]!)
      .sort((a, b) => compareText(a.doc, b.doc) || a.start - b.start || a.end - b.end);
    if (members.length === 0 || isLoneInitial(members)) continue;
    const stats = formStats(members);
    const concept = conceptOf(stats);
    // The English name of a well-known place is the pivot every language's translator reads; else the
    // most widespread Latin base form (chooseCanonical), never a form of one language's case system.
    const english = concept?.forms.en?.[0];
    const canonical = english ?? chooseCanonical(stats).canonical;
    const first = members[0]!;
    entries.push({
      id: '',
      type: 'other',
      canonical,
      ...(english !== undefined ? { canonicalLang: 'en' as const } : {}),
      variants: variantsOf(stats),
      preferred: preferredOf(stats, concept),
      mentions: members.map(toMention),
      docs: [...new Set(members.map((m) => m.doc))].sort(compareText),
      example: { doc: first.doc, sent: first.sent, text: sentenceText.get(`${first.doc}\u0000${first.sent}`) ?? '' },
    });
  }
  const typings = typeEntries(entries, typingContext(docs));
  entries.forEach((e, i) => (e.type = typings[i]!.type));
  entries.sort(
    (a, b) =>
      b.docs.length - a.docs.length ||
      b.mentions.length - a.mentions.length ||
      compareText(a.canonical, b.canonical) ||
      compareText(a.mentions[0]!.doc, b.mentions[0]!.doc) ||
      a.mentions[0]!.start - b.mentions[0]!.start,
  );
  entries.forEach((e, i) => (e.id = `e${String(i + 1).padStart(4, '0')}`));
  return entries;
}
