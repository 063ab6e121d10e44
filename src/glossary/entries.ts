// From clusters of mentions to glossary entries: the canonical form, the variants per
// language, the example sentence and the ids.

import { dominantScript } from '../text/script.ts';
import { transliterate } from '../text/transliterate.ts';
import type { EntityType, GlossaryEntry, LangCode, Mention, Segmented } from '../types.ts';
import type { Candidate } from './candidates.ts';
import { inflectionLoss } from './normalise.ts';
import { isNear } from './similarity.ts';

export interface FormStats {
  form: string;
  lang: LangCode;
  count: number;
  type: EntityType;
  words: number;
  /** How far the form is from looking nominative (see inflectionLoss); 0 is a bare stem. */
  loss: number;
  skeleton: string;
  /** Languages the form is written in (after pooling across languages). */
  langs: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts per language and form. */
function formStats(members: Candidate[]): FormStats[] {
  const byForm = new Map<string, FormStats>();
  for (const c of members) {
    const id = `${c.lang}\u0000${c.form}`;
    const s = byForm.get(id);
    if (s) s.count++;
    else {
      byForm.set(id, {
        form: c.form,
        lang: c.lang,
        count: 1,
        type: c.type,
        words: c.parts.length,
        loss: c.form
          .split(/\s+/u)
          .reduce((n, w) => n + (/^\p{Lu}/u.test(w) ? inflectionLoss(w, c.lang) : 0), 0),
        skeleton: c.skeleton,
        langs: 1,
      });
    }
  }
  return [...byForm.values()];
}

/**
 * The canonical form: a full form (multi-word when there is one) in Latin script. Forms are
 * pooled by spelling (near skeletons: `Moskvom`, `Moskvo`, `Moskva`), the most frequent pool
 * wins, and within it the form that looks most nominative (least stripped by inflection),
 * then the most frequent, the one written in more languages, the shorter, the first in
 * code-point order. An entity seen only in Cyrillic gets its transliteration
 * (`Родонг Синмун` → `Rodong Sinmun`).
 */
export function chooseCanonical(stats: FormStats[]): FormStats & { canonical: string } {
  const forms = new Map<string, FormStats>();
  for (const s of stats) {
    const f = forms.get(s.form);
    if (f) forms.set(s.form, { ...f, count: f.count + s.count, langs: f.langs + 1 });
    else forms.set(s.form, { ...s });
  }
  const all = [...forms.values()].sort((a, b) => compareText(a.form, b.form));
  const latin = all.filter((s) => dominantScript(s.form) === 'Latn');
  const pool = latin.length > 0 ? latin : all;
  const full = pool.filter((s) => s.words >= 2);
  const candidates = full.length > 0 ? full : pool;

  const spellings: FormStats[][] = [];
  for (const s of candidates) {
    const home = spellings.find((group) => group.some((g) => isNear(g.skeleton, s.skeleton)));
    if (home) home.push(s);
    else spellings.push([s]);
  }
  const byPreference = (a: FormStats, b: FormStats): number =>
    a.loss - b.loss || b.count - a.count || b.langs - a.langs || a.form.length - b.form.length || compareText(a.form, b.form);
  const total = (group: FormStats[]): number => group.reduce((n, s) => n + s.count, 0);
  const bestOf = (group: FormStats[]): FormStats => [...group].sort(byPreference)[0]!;
  const winner = spellings.sort((a, b) => total(b) - total(a) || byPreference(bestOf(a), bestOf(b)))[0]!;
  const best = bestOf(winner);
  return { ...best, canonical: latin.length > 0 ? best.form : transliterate(best.form) };
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
  return members.length === 1 && members[0]!.initial && members[0]!.parts.length === 1 && members[0]!.type !== 'acronym';
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
    const canonical = chooseCanonical(stats);
    const first = members[0]!;
    entries.push({
      id: '',
      type: canonical.type,
      canonical: canonical.canonical,
      variants: variantsOf(stats),
      mentions: members.map(toMention),
      docs: [...new Set(members.map((m) => m.doc))].sort(compareText),
      example: { doc: first.doc, sent: first.sent, text: sentenceText.get(`${first.doc}\u0000${first.sent}`) ?? '' },
    });
  }
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
