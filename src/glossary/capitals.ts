// Which capitals are names. A word capitalised only because of where it stands (sentence or
// quotation start, a title-case headline, an all-capitals line) is kept only when the rest of
// the text confirms it; runs are cut at the words that stay unconfirmed.

import { latinLower, skeleton } from './normalise.ts';
import { cueTable, matchesCue } from './type-cues.ts';
import { isGrammarCapital, isJoiner, pieceKey } from './runs.ts';
import type { SentenceContext } from './runs.ts';

/**
 * What the text says about words capitalised by position. A sentence-initial word is a name
 * when its key stands alone and capitalised elsewhere, where nothing forces a capital, and its
 * form is not more often written in lower case (`Samo` is `samo` "only", not `Sam`; `Det` of
 * `Det Hvide Hus` is not a name alone). A sentence-initial run is a name when the same run
 * stands elsewhere (`Severna Koreja od ...`).
 */
export interface CapitalEvidence {
  words: Set<string>;
  runs: Set<string>;
  lower: Map<string, number>;
  capitalised: Map<string, number>;
}

/** Gather the evidence from every sentence; `runs[k]` are the capitalised runs of `contexts[k]`. */
export function capitalEvidence(contexts: SentenceContext[], runs: number[][][]): CapitalEvidence {
  const evidence: CapitalEvidence = { words: new Set(), runs: new Set(), lower: new Map(), capitalised: new Map() };
  const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  contexts.forEach((c, k) => {
    for (const t of c.tokens) {
      // Plain lower case is enough here: both counts come from the same texts.
      if (!t.capitalised) bump(evidence.lower, t.text);
      else if (!t.initial && !c.headline) bump(evidence.capitalised, t.text.toLowerCase());
    }
    if (c.headline) return;
    for (const run of runs[k]!) {
      // The first word of `Then Putin met` proves nothing; the rest of the run does.
      const body = c.tokens[run[0]!]!.initial ? run.slice(1) : run;
      if (body.length === 1) {
        if (!isGrammarCapital(c.tokens[body[0]!]!)) evidence.words.add(c.keys[body[0]!]!);
      } else if (body.length > 1) evidence.runs.add(skeleton(pieceKey(c, body)));
    }
  });
  return evidence;
}

/** The form is written in lower case more often than capitalised where nothing forces a capital. */
function mostlyLower(c: SentenceContext, i: number, evidence: CapitalEvidence): boolean {
  const form = c.tokens[i]!.text.toLowerCase();
  return (evidence.lower.get(form) ?? 0) > (evidence.capitalised.get(form) ?? 0);
}

function isConfirmed(c: SentenceContext, i: number, evidence: CapitalEvidence): boolean {
  return evidence.words.has(c.keys[i]!) && !mostlyLower(c, i, evidence);
}

/** Cut a run where a word is capitalised only by position and nothing confirms it as a name. */
export function dropWeakWords(c: SentenceContext, run: number[], evidence: CapitalEvidence, joiners: ReadonlySet<string>): number[][] {
  const first = c.tokens[run[0]!]!;
  // A title that opens a sentence is capitalised by its place, not part of the name: `Predsjednik Donald Trump`.
  if (run.length > 1 && (first.initial || c.headline) && matchesCue(latinLower(first.text), cueTable(c.lang).roles)) {
    return dropWeakWords(c, run.slice(1), evidence, joiners);
  }
  if (run.length > 1 && (first.initial || c.headline) && !mostlyLower(c, run[0]!, evidence) && evidence.runs.has(skeleton(pieceKey(c, run)))) {
    return [run];
  }
  const weak = (i: number): boolean => {
    const t = c.tokens[i]!;
    if (!t.initial && !c.headline) return false;
    if (t.acronym && !c.allCaps) return false;
    return !isConfirmed(c, i, evidence);
  };
  const pieces: number[][] = [];
  let current: number[] = [];
  for (const i of run) {
    if (weak(i)) {
      pieces.push(current);
      current = [];
    } else current.push(i);
  }
  pieces.push(current);
  return pieces
    .flatMap((p) => {
      const out = [...p];
      while (out.length > 0 && isJoiner(c.tokens[out[0]!]!, joiners)) out.shift();
      while (out.length > 0 && isJoiner(c.tokens[out[out.length - 1]!]!, joiners)) out.pop();
      // A title written with a capital before a full name (`Američki Predsjednik Donald Trump`) is not
      // part of it; before one word it may be (`Premier League`), so that stays.
      if (out.length >= 3 && matchesCue(latinLower(c.tokens[out[0]!]!.text), cueTable(c.lang).roles)) out.shift();
      // An acronym before a full name is a name of its own (`sekretar SAD Majk Pompeo`: the USA's);
      // before one word it is part of the name (`BBC News`, `US Open`).
      if (out.length >= 3 && c.tokens[out[0]!]!.acronym && !c.allCaps && !c.tokens[out[1]!]!.acronym) return [[out[0]!], out.slice(1)];
      return [out];
    })
    .filter((p) => p.length > 0);
}

