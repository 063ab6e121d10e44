// The quotes of each document: direct quotes by their marks (marks.ts), reported speech by its verb
// and complementiser (speech.ts), each with its speaker. Pure: documents and glossary in, quotes out.
//
// Kind: a quote of one or two words is a `term` (a name, `„Rodong Sinmun“`, or a scare quote,
// `"hrabri"`) unless the text attributes it to someone (`Kimova "bratsko dolžnost"` after `izpostavil,
// da`), then `speech`; longer ones are `speech`. A reported clause that is mostly a direct quote is
// left to that quote.
//
// Speaker, from the glossary's people and organisations named in the quote's sentence outside the
// quote, in this order:
//   1. after the quote, a speech verb and then a name: `…", rekao je Putin`, `…”, a spus Putin`;
//   2. before the quote, a name and then a speech verb: `Putin je rekao da …`, `Kim sagde, at …`, or a
//      name and a colon (`Putin: ‘Modige’ …`), the name in its base form preferred (`Kim se je Putinu
//      zahvalil, … izpostavil` is Kim's);
//   3. a speech verb and no name (`a adăugat el`, `Dodal je, da`): the speaker of the quote before, if
//      it is at most two sentences back in the same document;
//   else none: a quote is never given a speaker the text does not support.

import type { GlossaryEntry, LangCode, Quote, QuoteKind, Range, Segmented } from '../types.ts';
import { directQuotes } from './marks.ts';
import { isSpeechVerb, reportedClause, wordsOf } from './speech.ts';

interface Named extends Range {
  form: string;
  entry: GlossaryEntry;
  /** The form is the entry's base form in its language (nominative: the one a speaker is named by). */
  base: boolean;
}

/** Mentions of people and organisations per document and sentence. */
function namesBySentence(glossary: readonly GlossaryEntry[]): Map<string, Named[]> {
  const out = new Map<string, Named[]>();
  for (const entry of glossary) {
    if (entry.type !== 'person' && entry.type !== 'organisation') continue;
    for (const m of entry.mentions) {
      const preferred = entry.preferred?.[m.lang]?.form;
      const first = entry.variants[m.lang]?.[0]?.form;
      const last = (form: string | undefined) => form?.split(/\s+/u).at(-1);
      const base = m.form === preferred || m.form === first || m.form === entry.canonical || last(m.form) === last(preferred) || last(m.form) === last(first);
      const key = `${m.doc}\u0000${m.sent}`;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ start: m.start, end: m.end, form: m.form, entry, base });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

interface Found extends Range {
  kind: QuoteKind;
  sents: [number, number];
  /** Where the verb of a reported clause is (its speaker is found from there). */
  verbAt?: number;
}

function sentenceOf(d: Segmented, at: number): number {
  let lo = 0;
  let hi = d.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function outside(r: Range, quotes: readonly Range[]): boolean {
  return !quotes.some((q) => r.start >= q.start && r.end <= q.end);
}

/** One or two words, each capitalised, not at a sentence start: a name in quotation marks (`„Rodong Sinmun“`, “Victory Day”). */
function isName(text: string, r: Range): boolean {
  const words = wordsOf(text, r.start, r.end);
  return words.length <= 2 && words.every((w) => /^\p{Lu}/u.test(w.text)) && words.length > 0 && !/[.!?:]\s*$/u.test(text.slice(Math.max(0, r.start - 3), r.start - 1)) && r.start > 1;
}

/** Whether a capitalised word other than the first, and outside the names the glossary knows, stands in `text[from, to)`: someone the glossary does not hold. */
function namesSomeone(text: string, from: number, to: number, known: readonly Range[]): boolean {
  return wordsOf(text, from, to)
    .slice(1)
    .some((w) => /^\p{Lu}/u.test(w.text) && !known.some((n) => w.start >= n.start && w.end <= n.end));
}

/** Whether the text between `from` and `to` holds a speech verb. */
function verbBetween(text: string, from: number, to: number, lang: LangCode): boolean {
  return wordsOf(text, from, to).some((w) => isSpeechVerb(w.text, lang));
}

/**
 * Words before a name that make it the one spoken with or to, not the one speaking: "with" (bs/hr/sr
 * s, sa; sl s, z; mk со; ro cu; da med; en with) and Romanian's dative `lui` ("i-a spus lui Putin").
 */
const NOT_THE_SUBJECT = new Set(['s', 'sa', 'z', 'со', 'с', 'cu', 'lui', 'med', 'with']);

function objectOf(text: string, n: Range): boolean {
  const m = /(\p{L}+)[\s,]*$/u.exec(text.slice(Math.max(0, n.start - 24), n.start));
  return m !== null && NOT_THE_SUBJECT.has(m[1]!.toLowerCase());
}

/** Whether a person named before the quote, in its sentence, is followed by a speech verb before the quote (`Путин … рече дека … „…“`). */
function personBefore(text: string, f: Range, from: number, people: readonly Named[], lang: LangCode): boolean {
  return people.some((n) => n.entry.type === 'person' && n.start >= from && n.end <= f.start && verbBetween(text, n.end, f.start, lang));
}

export function detectQuotes(documents: readonly Segmented[], glossary: readonly GlossaryEntry[]): Quote[] {
  const names = namesBySentence(glossary);
  const quotes: Quote[] = [];
  for (const d of documents) {
    const text = d.doc.text;
    const lang = d.lang.code;
    const found: Found[] = [];
    for (const range of d.doc.body) {
      for (const q of directQuotes(text, range)) {
        const sents: [number, number] = [sentenceOf(d, q.start), sentenceOf(d, q.end - 1)];
        found.push({ ...q, kind: wordsOf(text, q.start, q.end).length <= 2 ? 'term' : 'speech', sents });
      }
    }
    const direct = found.slice();
    for (const s of d.sentences) {
      const r = reportedClause(text, s.start, s.end, lang);
      if (!r || !outside({ start: r.verb.start, end: r.verb.end }, direct)) continue;
      // mostly a direct quote: that quote holds it
      const inner = direct.filter((q) => q.start >= r.clause.start && q.end <= r.clause.end);
      const quoted = inner.reduce((n, q) => n + (q.end - q.start), 0);
      const free = wordsOf(text, r.clause.start, r.clause.end).filter((w) => outside(w, inner)).length;
      if (quoted > 0.6 * (r.clause.end - r.clause.start) || free < 4) continue;
      found.push({ ...r.clause, kind: 'reported', sents: [s.index, s.index], verbAt: r.verb.start });
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);

    let previous: { speaker: Quote['speaker']; sent: number } | undefined;
    const reportedSpeaker = new Map<Found, Quote['speaker']>();
    for (const f of found) {
      // a direct quote inside a reported clause has the clause's attribution
      const within = f.kind === 'reported' ? undefined : found.find((r) => r.kind === 'reported' && r.start <= f.start && r.end >= f.end);
      if (within) {
        const inherited = reportedSpeaker.get(within);
        const kind: QuoteKind = f.kind === 'term' && (isName(text, f) || !inherited) ? 'term' : 'speech';
        quotes.push({ id: '', doc: d.doc.id, lang, kind, start: f.start, end: f.end, sents: f.sents, text: text.slice(f.start, f.end), ...(inherited && kind !== 'term' ? { speaker: inherited } : {}) });
        continue;
      }
      const sentence = d.sentences[f.sents[0]]!;
      const last = d.sentences[f.sents[1]]!;
      // names in the quote's sentences, in no quote and not inside this one
      const inSentences = [f.sents[0], ...(f.sents[1] !== f.sents[0] ? [f.sents[1]] : [])].flatMap((k) => names.get(`${d.doc.id}\u0000${k}`) ?? []);
      const people = inSentences.filter((n) => outside(n, direct) && outside(n, [f]));
      let speaker: Named | undefined;
      let attributed = false;
      // the people the sentence names as spoken with or to, before the quote
      const objects = people.filter((n) => n.start >= sentence.start && n.end <= f.start && objectOf(text, n));
      const speakers = people.filter((n) => !objects.includes(n));
      // 1. after the quote: a verb, then a name; an organisation there is the source that reports the
      //    words ("…“, додаде KCNA"), not their speaker, when a person before the quote says them
      const after = people.filter((n) => n.start >= f.end && n.start <= f.end + 80);
      if (f.kind !== 'reported' && verbBetween(text, f.end, Math.min(last.end, f.end + 40), lang)) {
        attributed = true;
        speaker = after.find((n) => verbBetween(text, f.end, n.start, lang));
        if (speaker && speaker.entry.type !== 'person' && personBefore(text, f, sentence.start, speakers, lang)) speaker = undefined;
      }
      // 2. before it: a name, then a verb (or a colon) before the quote
      if (!speaker) {
        const until = f.verbAt ?? f.start;
        // "într-o discuție cu Vladimir Putin, liderul … a spus", "i-a spus lui Putin că": not the speaker
        const before = speakers.filter((n) => n.end <= until && n.start >= sentence.start);
        const spoken = before.filter(
          (n) => verbBetween(text, n.end, f.kind === 'reported' ? until + 1 + 40 : f.start, lang) || /^\s*:?\s*\S?$/u.test(text.slice(n.end, f.start - 1)),
        );
        if (spoken.length > 0 || f.kind === 'reported') attributed = true;
        // the subject is named in its base form; an inflected name (`Putinu`, dative) is not the one speaking
        const close = previous?.speaker && f.sents[0] - previous.sent <= 2 ? previous.speaker : undefined;
        speaker = spoken.find((n) => n.base) ?? (close ? undefined : spoken[0]);
      }
      if (!speaker && !attributed) attributed = verbBetween(text, sentence.start, f.start, lang) || (f.kind !== 'reported' && verbBetween(text, f.end, last.end, lang));
      let resolved: Quote['speaker'] = speaker ? { form: speaker.form, entry: speaker.entry.id, canonical: speaker.entry.canonical } : undefined;
      // 3. a verb without a name (a pronoun, a description): the speaker of the quote before, close by;
      //    never past a name the glossary does not hold (`Ministar Marko Horvat rekao je` names someone),
      //    and never the one this sentence names as spoken with or to
      if (!resolved && attributed && previous?.speaker && f.sents[0] - previous.sent <= 2 && !objects.some((o) => o.entry.id === previous!.speaker!.entry) && !namesSomeone(text, sentence.start, f.kind === 'reported' ? (f.verbAt ?? f.start) : f.start, inSentences)) resolved = previous.speaker;
      const kind: QuoteKind = f.kind === 'term' && resolved && attributed && !isName(text, f) ? 'speech' : f.kind;
      const quote: Quote = {
        id: '',
        doc: d.doc.id,
        lang,
        kind,
        start: f.start,
        end: f.end,
        sents: f.sents,
        text: text.slice(f.start, f.end),
        ...(resolved && kind !== 'term' ? { speaker: resolved } : {}),
      };
      quotes.push(quote);
      if (f.kind === 'reported') reportedSpeaker.set(f, quote.speaker);
      if (quote.speaker) previous = { speaker: quote.speaker, sent: f.sents[1] };
    }
  }
  quotes.forEach((q, i) => (q.id = `q${String(i + 1).padStart(4, '0')}`));
  return quotes;
}
