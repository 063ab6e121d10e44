// The words that report speech in our languages: speech verbs (said, added, stated, asked, praised,
// according to) and the complementisers that open reported speech (bs/hr/sr and sl `da`, ro `că`, mk
// `дека`, da `at`, en `that`). Forms are matched whole, case-folded; Cyrillic Serbian and Macedonian
// are listed as written. Pure tables and two finders.

import type { LangCode } from '../types.ts';

const BCS = [
  'rekao', 'rekla', 'rekli', 'reče', 'kaže', 'kazao', 'kazala', 'izjavio', 'izjavila', 'izjavili', 'dodao', 'dodala', 'dodajući', 'dodavši',
  'naveo', 'navela', 'napomenuo', 'napomenula', 'istakao', 'istakla', 'istaknuo', 'poručio', 'poručila', 'naglasio', 'naglasila', 'ocijenio', 'ocijenila',
  'ocenio', 'saopćio', 'saopštio', 'saopštila', 'objasnio', 'objasnila', 'tvrdi', 'tvrdio', 'odgovorio', 'pitao', 'zamolio', 'zamolila', 'pohvalio',
  'pohvalivši', 'zahvalio', 'nazvao', 'nazvala', 'rekavši', 'izjavivši', 'navodi', 'piše', 'potvrdio', 'potvrdila',
  'рекао', 'рекла', 'изјавио', 'изјавила', 'додао', 'навео', 'истакао', 'нагласио', 'саопштио',
];
const SL = [
  'dejal', 'dejala', 'dejali', 'rekel', 'rekla', 'izjavil', 'izjavila', 'dodal', 'dodala', 'pojasnil', 'pojasnila', 'poudaril', 'poudarila', 'povedal',
  'povedala', 'pohvalil', 'pohvalila', 'izpostavil', 'izpostavila', 'napovedal', 'predlagal', 'zaželel', 'navaja', 'poroča', 'zatrdil', 'zatrdila',
  'sporočil', 'ocenil', 'ocenila', 'zahvalil', 'prosil', 'pravi', 'trdi', 'opozoril', 'opozorila', 'potrdil', 'dodajal', 'odgovoril', 'odgovorila', 'vprašal',
];
const RO = [
  'spus', 'spune', 'declarat', 'declară', 'adăugat', 'adaugă', 'afirmat', 'afirmă', 'subliniat', 'precizat', 'explicat', 'transmis', 'răspuns',
  'mulțumit', 'lăudat', 'rugat', 'potrivit', 'scrie', 'anunțat', 'confirmat', 'susținut', 'arătat', 'menționat', 'dorit',
];
const MK = [
  'изјави', 'изјавил', 'рече', 'нарече', 'рекол', 'рекла', 'додаде', 'соопшти', 'нагласи', 'истакна', 'кажа', 'наведе', 'објави', 'пофали', 'според', 'побара',
  'потврди', 'порача', 'изјавија', 'рекоа', 'вели', 'тврди', 'одговори', 'праша',
];
const DA = [
  'sagde', 'siger', 'sagt', 'tilføjede', 'tilføjer', 'udtalte', 'udtaler', 'bemærkede', 'understregede', 'fortalte', 'skrev', 'forklarede', 'roste',
  'ifølge', 'bad', 'takkede', 'erklærede', 'meddelte', 'lovede', 'citeret', 'påpegede', 'svarede', 'spurgte',
];
const EN = ['said', 'says', 'added', 'stated', 'told', 'noted', 'stressed', 'praised', 'asked', 'thanked', 'according', 'wrote', 'announced', 'declared'];

const VERBS: Record<string, ReadonlySet<string>> = {
  bs: new Set(BCS), hr: new Set(BCS), sr: new Set(BCS), sl: new Set(SL), ro: new Set(RO), mk: new Set(MK), da: new Set(DA), en: new Set(EN),
};
const ALL_VERBS = new Set(Object.values(VERBS).flatMap((s) => [...s]));

const COMPLEMENTISERS: Record<string, ReadonlySet<string>> = {
  bs: new Set(['da']), hr: new Set(['da']), sr: new Set(['da', 'дa', 'да']), sl: new Set(['da']), ro: new Set(['că']), mk: new Set(['дека']),
  da: new Set(['at']), en: new Set(['that']),
};

function base(lang: LangCode): string {
  return lang.split('-')[0]!.toLowerCase();
}

/** Whether `word` reports speech in `lang` (any language's list when `lang` has none). */
export function isSpeechVerb(word: string, lang: LangCode): boolean {
  const w = word.toLowerCase();
  return (VERBS[base(lang)] ?? ALL_VERBS).has(w);
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of `text[start, end)` with their offsets. */
export function wordsOf(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  for (const m of text.slice(start, end).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) words.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  return words;
}

/**
 * Reported speech in a sentence: a speech verb, then within five words its complementiser (`je izjavio
 * da`, `sagde onsdag, at`, `i-a spus lui Putin că`); the clause runs from the complementiser to the end
 * of the sentence. Returns the verb and the clause's range, or undefined.
 */
export function reportedClause(text: string, start: number, end: number, lang: LangCode): { verb: Word; clause: { start: number; end: number } } | undefined {
  const complementisers = COMPLEMENTISERS[base(lang)];
  if (!complementisers) return undefined;
  const words = wordsOf(text, start, end);
  for (let i = 0; i < words.length; i++) {
    if (!isSpeechVerb(words[i]!.text, lang)) continue;
    for (let k = i + 1; k <= i + 5 && k < words.length; k++) {
      if (!complementisers.has(words[k]!.text.toLowerCase())) continue;
      // the clause ends where another speech verb starts a clause of its own (`…, а Путин ги нарече …`)
      let clauseEnd = end;
      const next = words.slice(k + 1).find((w) => isSpeechVerb(w.text, lang));
      if (next) {
        const comma = text.lastIndexOf(',', next.start);
        if (comma > words[k]!.end) clauseEnd = comma;
      }
      while (clauseEnd > words[k]!.end && /[\s.!?…]/u.test(text[clauseEnd - 1]!)) clauseEnd--;
      let clauseStart = words[k]!.end;
      while (clauseStart < clauseEnd && /\s/u.test(text[clauseStart]!)) clauseStart++;
      if (wordsOf(text, clauseStart, clauseEnd).length < 4) return undefined;
      return { verb: words[i]!, clause: { start: clauseStart, end: clauseEnd } };
    }
  }
  return undefined;
}
