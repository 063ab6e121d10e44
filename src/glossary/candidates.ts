// Name candidates: runs of capitalised words inside sentences (`Vladimir Putin`, `Coreea de
// Nord`, `Ким Џонг Ун`), acronyms (`KCNA`, `КЦНА`) and capitalised titles in quotation marks
// (`„Родонг Синмун“`, `“Victory Day”`). A word capitalised only because of where it stands
// (sentence start, quotation start, a title-case headline) counts only when the same key is
// capitalised somewhere else where nothing forces a capital (capitals.ts).

import type { Mention, Segmented } from '../types.ts';
import { capitalEvidence, dropWeakWords } from './capitals.ts';
import { exonymKey } from './exonyms.ts';
import { latinLower, normaliseName, skeleton } from './normalise.ts';
import { extendOpener, extendOrdinal, isOrdinalArticle } from './openers.ts';
import { eventWord, type EventKind } from './type-cues.ts';
import { analyse, capitalisedRuns, isJoiner, keyMemo, pieceKey, titlePieces } from './runs.ts';
import type { CandidateKind, Piece } from './runs.ts';

export type { CandidateKind } from './runs.ts';

/** Lower-case words that may stand inside a name: `Coreea de Nord`, `Ludwig van Beethoven`. */
export const DEFAULT_JOINERS: readonly string[] = ['de', 'del', 'della', 'di', 'du', 'al', 'van', 'von', 'der', 'ter', 'ten', 'bin', 'ibn', 'el'];
/** A quotation of this many words at most, all capitalised, is taken as a title. */
export const DEFAULT_MAX_TITLE_WORDS = 6;
/** Share of capitalised long words above which a sentence is a title-case headline. */
export const DEFAULT_HEADLINE_RATIO = 0.7;

export interface CandidateOptions {
  joiners: readonly string[];
  maxTitleWords: number;
  headlineRatio: number;
}

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = {
  joiners: DEFAULT_JOINERS,
  maxTitleWords: DEFAULT_MAX_TITLE_WORDS,
  headlineRatio: DEFAULT_HEADLINE_RATIO,
};

/** A mention of a possible name, with the keys that clustering compares. */
export interface Candidate extends Mention {
  kind: CandidateKind;
  /** Normalised key of the whole form: `Kim Jong-una` → `kim jong-un`. */
  key: string;
  /** Phonetic-ish skeleton of the key: `kimjongun`. */
  skeleton: string;
  /** Keys of the words of the name, joiners left out: `['kim', 'jong-un']`. */
  parts: string[];
  /** Its first word stands where any word is capitalised (sentence or quotation start, headline). */
  initial: boolean;
  /** Position of the document in the input, for stable ordering. */
  docIndex: number;
  /** The kind of event a multi-word name with an event word names: `Dana pobjede` (day), `Втората светска војна` (war). */
  event?: EventKind;
}

/**
 * Split a run that glues two names (`je Putin Kima povabil`): when the run can be cut into
 * parts that each stand alone elsewhere more often than the whole run occurs, or are names of
 * the table of names (`Orientul Îndepărtat al Rusiei`), it is those parts. Multi-word names that recur (`Vladimir Putin`) have a part (`Vladimir`) that never
 * stands alone, so they stay whole.
 */
function nameTokens(piece: Piece, joiners: ReadonlySet<string>): number[] {
  return piece.tokens.filter((i) => !isJoiner(piece.context.tokens[i]!, joiners) && !isOrdinalArticle(piece.context, piece.tokens, i));
}

function splitGlued(piece: Piece, counts: Map<string, number>, joiners: ReadonlySet<string>): Piece[] {
  const names = nameTokens(piece, joiners);
  if (piece.type !== 'name' || names.length < 2) return [piece];
  const c = piece.context;
  const segment = (a: number, b: number): number[] => piece.tokens.filter((i) => i >= names[a]! && i <= names[b]!);
  const formOf = (tokens: number[]): string => c.sentence.text.slice(c.tokens[tokens[0]!]!.start, c.tokens[tokens[tokens.length - 1]!]!.end);
  // A name of the table of names (`Orientul Îndepărtat` of `Orientul Îndepărtat al Rusiei`) stands alone as a name.
  const countOf = (a: number, b: number): number => {
    const tokens = segment(a, b);
    const count = counts.get(skeleton(pieceKey(c, tokens))) ?? 0;
    return exonymKey(formOf(tokens), [''], c.lang) !== undefined ? Math.max(count, Number.MAX_SAFE_INTEGER) : count;
  };
  const whole = counts.get(skeleton(pieceKey(c, segment(0, names.length - 1)))) ?? 0;
  // best[k]: fewest known segments covering names[0..k-1]; from[k]: where the last one starts.
  const best: number[] = [0];
  const from: number[] = [0];
  for (let end = 1; end <= names.length; end++) {
    best[end] = Infinity;
    for (let start = 0; start < end; start++) {
      if (start === 0 && end === names.length) continue;
      if (best[start] === Infinity || countOf(start, end - 1) <= whole) continue;
      if (best[start]! + 1 < best[end]!) {
        best[end] = best[start]! + 1;
        from[end] = start;
      }
    }
  }
  if (best[names.length] === Infinity) return [piece];
  const parts: Piece[] = [];
  for (let end = names.length; end > 0; end = from[end]!) {
    parts.unshift({ context: c, tokens: segment(from[end]!, end - 1), type: 'name' });
  }
  return parts;
}

function toCandidate(piece: Piece, joiners: ReadonlySet<string>): Candidate {
  const c = piece.context;
  const first = c.tokens[piece.tokens[0]!]!;
  const last = c.tokens[piece.tokens[piece.tokens.length - 1]!]!;
  const form = c.sentence.text.slice(first.start, last.end);
  const names = nameTokens(piece, joiners);
  const key = piece.type === 'title' ? normaliseName(form, c.lang) : pieceKey(c, piece.tokens);
  const kind: CandidateKind = piece.type === 'title' ? 'title' : names.length === 1 && first.acronym ? 'acronym' : 'name';
  return {
    doc: c.doc,
    lang: c.lang,
    sent: c.sentence.index,
    start: c.sentence.start + first.start,
    end: c.sentence.start + last.end,
    form,
    kind,
    key,
    skeleton: skeleton(key),
    // Lower-case words of a name (`Daleki istok`) have no word key of their own.
    parts: names.map((i) => c.keys[i] || latinLower(c.tokens[i]!.text)),
    // A quoted title is capitalised by its own right, wherever the quotation starts.
    initial: piece.type === 'title' ? false : first.initial || c.headline,
    docIndex: c.docIndex,
    event: eventWord(form, c.lang)?.kind,
  };
}

/** Every name candidate of the documents, in document order and then text order. */
export function extractCandidates(docs: Segmented[], options: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS): Candidate[] {
  const joiners = new Set(options.joiners);
  const keyOf = keyMemo();
  const contexts = docs.flatMap((d, docIndex) => d.sentences.map((s) => analyse(docIndex, d, s, options.headlineRatio, keyOf)));
  const titles = contexts.map((c) => titlePieces(c, joiners, options.maxTitleWords));
  const runs = contexts.map((c, k) => capitalisedRuns(c, titles[k]!.used, joiners));
  const evidence = capitalEvidence(contexts, runs);

  const pieces: Piece[] = [];
  for (const [k, c] of contexts.entries()) {
    pieces.push(...titles[k]!.pieces);
    for (const run of runs[k]!) {
      for (const tokens of dropWeakWords(c, run, evidence, joiners)) {
        pieces.push({ context: c, tokens: extendOrdinal(c, extendOpener(c, tokens)), type: 'name' });
      }
    }
  }

  const counts = new Map<string, number>();
  for (const p of pieces) {
    const k = skeleton(pieceKey(p.context, p.tokens));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const candidates = pieces.flatMap((p) => splitGlued(p, counts, joiners)).map((p) => toCandidate(p, joiners));
  return candidates.sort((a, b) => a.docIndex - b.docIndex || a.start - b.start || a.end - b.end);
}
