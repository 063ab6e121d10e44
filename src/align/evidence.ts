// What a link's two sides show beyond their similarity, for telling `equivalent` (the same content)
// from `related` (a shared fact or quote, one side saying more or other things):
//   coverage     each side read in windows of a few words, every window's cosine to the other side's
//                span; the weakest window is what the other side does not say (a clause added, a
//                clause cut). A plain cosine cannot tell: a sentence shares most of its vector with
//                the same sentence less a clause.
//   relative     the same windows, each against the other document's other sentences nearby: a window
//                closer to another sentence than to the linked one says what that sentence says (an
//                added clause taken from elsewhere in the story); the lowest difference of the two sides.
//   length       |ln(characters of one side / the other)|, and Gale & Church's |δ| (length.ts): the
//                same difference in standard deviations of a translation's, the languages' ratio taken
//                out (a lost clause of a short sentence stands out more than of a long one);
//   numbers      figures and weekdays on one side with no equal on the other (2.000 is 2,000 is 2 000,
//                15.00 is 15:00, 10:6 is 10-6; 2.000 is not 6.000; srijedu is onsdag, not četvrtak), nor
//                the same quantity in other words (a decade's two digits, a converted unit, a number or
//                day in words: unmatchedNumbers, number-words.ts), per side: a figure missing on one
//                side only may be said there in a way not read (a fraction in words, "pola miliona") and
//                a weekday left out, so only figures unmatched on both sides disagree;
//   headline     one side is a headline or sub-heading (a line without sentence punctuation) and the
//                other is not, or a span glues a headline to the sentence after it.
// Pure: texts and vectors in, numbers out. The window vectors come from the run's embedder (assess.ts).

import { neutral } from '../embed/lexical-features.ts';
import { concept } from '../embed/lexical-lexicon.ts';
import type { Link, LinkEvidence, Span } from '../types.ts';
import { lengthDeviation } from './length.ts';
import { spelledNumbers } from './number-words.ts';
import { cosine } from './similarity.ts';

/** Words per coverage window, and the step between windows. */
export const WINDOW_WORDS = 6;
export const WINDOW_STEP = 3;

/**
 * The windows of a text: runs of WINDOW_WORDS words, every WINDOW_STEP words, the last one flush with the
 * end; a text of WINDOW_WORDS words or fewer, runs of half its words. None for a text of under 3 words.
 */
export function windowsOf(text: string): string[] {
  const words = text.split(/\s+/u).filter((w) => w.length > 0);
  // a short sentence is read in windows of half its words (at least 2), so that it has windows at all
  const [size, step] = words.length > WINDOW_WORDS ? [WINDOW_WORDS, WINDOW_STEP] : [Math.max(2, Math.floor(words.length / 2)), Math.max(1, Math.floor(words.length / 4))];
  if (words.length <= size) return [];
  const out: string[] = [];
  for (let i = 0; i + size <= words.length; i += step) out.push(words.slice(i, i + size).join(' '));
  if ((words.length - size) % step !== 0) out.push(words.slice(-size).join(' '));
  return out;
}

/** Nearby sentences of the other document a window is also compared with (`relative`), on each side of the span. */
export const RELATIVE_REACH = 25;

/** A figure: its whole number (thousands groups joined by `.`, `,` or a space) and a fraction or minutes after `.`, `,` or `:`. */
const NUMBER = /(\p{N}+(?:[.,\u00a0\u202f ]\p{N}{3})*)(?:[.,:](\p{N}+))?/gu;

/**
 * The days of the week as our languages write them (bs/hr/sr in both scripts, sl, ro, mk, da, en), in
 * the cases news uses: a date told by its weekday ("u srijedu", "onsdag"). Whole words only, so the
 * ordinal `četvrti` (fourth) is no `četvrtak` and `четврти` no `четврток` (Thursday). Left out: the
 * forms that also mean something else (Romanian `luni`, Monday and months; South Slavic
 * `nedjelja`/`nedelja`/`недела`, Sunday and week).
 */
const WEEKDAYS: readonly string[] = [
  'ponedjeljak ponedjeljka ponedjeljku ponedeljak ponedeljka ponedeljku понедељак понедељка понедељку понеделник понеделникот ponedeljek lunea mandag monday',
  'utorak utorka utorku уторак уторка уторку вторник вторникот torek torka marți marti marțea tirsdag tuesday',
  'srijeda srijedu srijede sreda sredu srede среда среду среде средата sredo miercuri miercurea onsdag wednesday',
  'četvrtak četvrtka četvrtku четвртак четвртка четвртку четврток четвртокот četrtek četrtka joi joia torsdag thursday',
  'petak petka petku петак петка петку петок петокот petek vineri vinerea fredag friday',
  'subota subotu subote субота суботу суботе сабота саботата sobota soboto sâmbătă sâmbăta sambata lørdag saturday',
  'duminică duminica søndag sunday',
];
const WEEKDAY = new Map(WEEKDAYS.flatMap((forms, day) => forms.split(' ').map((f) => [f, day] as const)));

/**
 * The adjectives of days (`subotnji`, `četrtkov`: Saturday's, Thursday's), on the script-neutral key of a
 * word. With the lexicon's day words (lexical-lexicon.ts `concept`, which also has the forms WEEKDAYS
 * leaves out for their second meaning: `nedjelja` Sunday and week, `luni` Monday and months), they are
 * no figures of their own, but one of them answers the other side's day.
 */
const DAY_ADJECTIVES: ReadonlyArray<[day: number, stem: RegExp]> = [
  [0, /^(ponedjeljkov|ponedeljkov)/u],
  [1, /^(utorkov|torkov)/u],
  [2, /^(srijedn|sredin)/u],
  [3, /^(cetvrtkov|cetrtkov)/u],
  [4, /^(petkov|petocn)/u],
  [5, /^(subotn|sobotn|sabotn)/u],
  [6, /^(nedjeljn|nedeljn|nedeln)/u],
];
/** The lexicon's day concepts, Monday first, as WEEKDAYS counts them. */
const DAY_CONCEPTS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The day a word names, by the lexicon or as an adjective; -1 for none. */
function dayInWords(word: string): number {
  const named = DAY_CONCEPTS.indexOf(concept(word) ?? '');
  return named >= 0 ? named : (DAY_ADJECTIVES.find(([, stem]) => stem.test(word))?.[0] ?? -1);
}

/** The key of a weekday among numbersOf's: a figure never starts with a letter. */
export const WEEKDAY_KEY = 'weekday:';

/** Digits without leading zeros (`09` is `9`, `00` is `0`). */
const digits = (s: string) => s.replace(/[^\p{N}]/gu, '').replace(/^0+(?=\p{N})/u, '');

/** A figure or weekday of a text: its key (digits, or `weekday:` and the day) and how it was written. */
export interface Figure {
  key: string;
  written: string;
}

/**
 * The figures of a text, each as its digits alone (`2.000`, `2,000` and `2 000` are all `2000`), and
 * its weekdays (`weekday:3` for srijedu, среда, onsdag), with how each was written. A figure with a
 * fraction, minutes or a score's second number is two (`10:6`, `10-6` and `2&1` alike; `09:30` and
 * `9.30`; `1,5` and `1.5`); minutes or decimals of zeros only are none (`15:00` is `15`, as `15h`; the `0` of a score `1:0` stays).
 */
export function numbersOf(text: string): Figure[] {
  const figures = [...text.matchAll(NUMBER)].flatMap(([, whole, part]) => {
    const out: Figure[] = [{ key: digits(whole!), written: whole! }];
    if (part !== undefined && !/^0{2,}$/u.test(part)) out.push({ key: digits(part), written: part });
    return out;
  });
  const days = [...text.matchAll(/\p{L}+/gu)].flatMap((m) => {
    const day = WEEKDAY.get(m[0].toLowerCase());
    return day === undefined ? [] : [{ key: `${WEEKDAY_KEY}${day}`, written: m[0] }];
  });
  return [...figures, ...days];
}

/**
 * Ratios between a figure and its conversion into the units of the other language's readers, which
 * news translations make (inches to mm and cm, miles to km, feet to m and cm, pounds to kg, gallons to
 * litres, yards to m), either way; within CONVERSION_TOLERANCE for the rounding translators do. Read
 * only where one side names such a unit (IMPERIAL) and the other a metric one (METRIC): between plain counts a ratio of 2.5 or 1.6 is a
 * disagreement (2 against 5 soldiers), not a conversion.
 */
const CONVERSIONS = [25.4, 2.54, 1.609, 0.3048, 30.48, 0.4536, 3.785, 0.9144];
const CONVERSION_TOLERANCE = 0.08;
/** Imperial units as our languages write them (word starts: inča, инчи, milja, миљи, mile, feet, стапки, čevljev, picioare, fod, funti, фунти, livre, libri, pund, galon, yard). */
const IMPERIAL = /(?<!\p{L})(inch|inč|inc[ih]|инч|palac|palc|tomme|milj|миљ|милј|miles?(?!\p{L})|feet|foot|ft(?!\p{L})|стапк|čevl|picio|fod(?!\p{L})|pound|funt|фунт|livr|libr|pund|gallon|galon|галон|yard|jard)/iu;
/** Metric units, which a converted figure comes with (mm, km, kg …; kilometara, metri, litre, сантиметри …). */
const METRIC = /(?<!\p{L})(?:(?:mm|cm|m|km|kg|l|мм|см|м|км|кг)(?!\p{L})|kilo|centim|milim|metr|metar|meter|lit(?:er|ar|r)|кило|метар|метр|литр|литар|сантим|милим)/iu;
/** Degrees, so that a Fahrenheit figure may face its Celsius one. */
const DEGREES = /(°|(?<!\p{L})(stepen|степен|stopinj|grad|градус|degree|fahrenheit|farenhajt|фаренхајт))/iu;

/** How the two texts let figures differ and still agree: one names an imperial unit and the other a metric one; both name degrees. */
interface Units {
  imperial: boolean;
  degrees: boolean;
}

/**
 * Two figures that say the same in other words: a year and its two last digits (`1980-ih`, `80'erne`),
 * or, where the texts name the units (Units), a unit conversion (130 miles, 210 km; 80 °F, 27 °C).
 */
function sameQuantity(x: Figure, y: Figure, units: Units): boolean {
  if (x.key.startsWith(WEEKDAY_KEY) || y.key.startsWith(WEEKDAY_KEY)) return false;
  const year = (long: Figure, short: Figure) => /^(19|20)\d\d$/u.test(long.key) && short.written.length === 2 && Number(long.key) % 100 === Number(short.key);
  if (year(x, y) || year(y, x)) return true;
  const [a, b] = [Number(x.key), Number(y.key)];
  if (!(a > 0 && b > 0) || a === b) return false;
  const fahrenheit = (f: number, c: number) => f >= 40 && f <= 120 && Math.abs(((f - 32) * 5) / 9 - c) <= 1.5;
  if (units.degrees && (fahrenheit(a, b) || fahrenheit(b, a))) return true;
  const ratio = b / a;
  return units.imperial && CONVERSIONS.some((f) => Math.abs(ratio / f - 1) <= CONVERSION_TOLERANCE || Math.abs(ratio * f - 1) <= CONVERSION_TOLERANCE);
}

/**
 * The figures of `a` that `b` does not have, and those of `b` that `a` does not have (each as written,
 * once per occurrence it lacks). Equal figures pair first; what is left pairs where sameQuantity says
 * the two figures are one quantity written another way.
 */
export function unmatchedNumbers(a: string, b: string): [string[], string[]] {
  const [na, nb] = [numbersOf(a), numbersOf(b)];
  const taken = [na.map(() => false), nb.map(() => false)] as const;
  const pairUp = (same: (x: Figure, y: Figure) => boolean) => {
    for (let i = 0; i < na.length; i++) {
      if (taken[0][i]) continue;
      const j = nb.findIndex((y, k) => !taken[1][k] && same(na[i]!, y));
      if (j >= 0) [taken[0][i], taken[1][j]] = [true, true];
    }
  };
  pairUp((x, y) => x.key === y.key);
  const left = (side: readonly boolean[]) => side.some((t) => !t);
  const rest = (): [string[], string[]] => [na.filter((_, i) => !taken[0][i]).map((x) => x.written), nb.filter((_, j) => !taken[1][j]).map((x) => x.written)];
  if (!left(taken[0]) && !left(taken[1])) return [[], []];
  // a figure the other side spells out (`4` and `četiri`, `100` and `sto`, `19.` and `devetnaestog`:
  // number-words.ts), a day it names in a word of two meanings or an adjective (`søndag` and `u nedjelju`):
  // the words are no figures of their own
  const spelled = (text: string) => [
    ...spelledNumbers(text),
    ...[...text.matchAll(/\p{L}+/gu)].flatMap((m) => {
      const day = dayInWords(neutral(m[0]));
      return day >= 0 ? [`${WEEKDAY_KEY}${day}`] : [];
    }),
  ];
  const spell = (figures: Figure[], taken: boolean[], words: string[]) => {
    figures.forEach((x, i) => {
      const k = taken[i] ? -1 : words.indexOf(x.key);
      if (k >= 0) [taken[i], words[k]] = [true, ''];
    });
  };
  if (left(taken[0])) spell(na, taken[0], spelled(b));
  if (left(taken[1])) spell(nb, taken[1], spelled(a));
  // a conversion pairs a figure of each side: none is left to pair when one side has none left
  if (!left(taken[0]) || !left(taken[1])) return rest();
  const converted = (x: string, y: string) => IMPERIAL.test(x) && METRIC.test(y);
  const units: Units = { imperial: converted(a, b) || converted(b, a), degrees: DEGREES.test(a) && DEGREES.test(b) };
  pairUp((x, y) => sameQuantity(x, y, units));
  return rest();
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '«', '“', ')', ']', '“']);
const FINAL = new Set(['.', '!', '?', '…', ':', ';']);

/** A sentence is a headline when it ends without sentence punctuation and a line break (or the text's end) follows it. */
export function isHeadline(sentence: { text: string; end: number }, text: string): boolean {
  const t = sentence.text.trimEnd();
  let k = t.length - 1;
  while (k >= 0 && CLOSERS.has(t[k]!)) k--;
  if (k >= 0 && FINAL.has(t[k]!)) return false;
  const after = text.slice(sentence.end, sentence.end + 200);
  return /^[ \t]*(\r?\n|$)/u.test(after);
}

/** What evidence needs of one document's text: its sentences and which of them are headlines. */
export interface EvidenceDoc {
  /** The sentences' texts, in order. */
  texts: readonly string[];
  headline: readonly boolean[];
  /** The document's language (BCP 47), for the languages' length ratio; none reads as 1. */
  lang?: string;
}

const spanText = (doc: EvidenceDoc, s: Span) => doc.texts.slice(s.first, s.last + 1).join(' ');

/** A side's coverage so far: its weakest window's cosine to the other span, and its lowest relative difference. */
export type SideCoverage = [weakest: number, relative: number];

export const NO_WINDOW: SideCoverage = [Infinity, Infinity];

/**
 * Folds the windows of one sentence of a side into its coverage: each window's cosine to the other
 * side's span vector, and that cosine less the window's best cosine to another sentence of the other
 * document within RELATIVE_REACH of the span.
 */
export function foldWindows(acc: SideCoverage, windows: readonly Float32Array[], other: Float32Array, otherVectors: readonly Float32Array[], otherSpan: Span): SideCoverage {
  let [weakest, relative] = acc;
  const [lo, hi] = [Math.max(0, otherSpan.first - RELATIVE_REACH), Math.min(otherVectors.length - 1, otherSpan.last + RELATIVE_REACH)];
  for (const w of windows) {
    const c = cosine(w, other);
    let elsewhere = -Infinity;
    for (let q = lo; q <= hi; q++) if (q < otherSpan.first || q > otherSpan.last) elsewhere = Math.max(elsewhere, cosine(w, otherVectors[q]!));
    weakest = Math.min(weakest, c);
    if (elsewhere > -Infinity) relative = Math.min(relative, c - elsewhere);
  }
  return [weakest, relative];
}

function spanHeadline(doc: EvidenceDoc, s: Span): 'all' | 'none' | 'mixed' {
  let heads = 0;
  for (let k = s.first; k <= s.last; k++) if (doc.headline[k]) heads++;
  return heads === 0 ? 'none' : heads === s.last - s.first + 1 ? 'all' : 'mixed';
}

/**
 * The evidence of one link, given each side's coverage (foldWindows over the windows of its sentences;
 * a side without windows reads as its cosine, and as 0 relative).
 */
export function linkEvidence(link: Link, src: EvidenceDoc, tgt: EvidenceDoc, coverage: [SideCoverage, SideCoverage]): LinkEvidence {
  const [a, b] = [spanText(src, link.src), spanText(tgt, link.tgt)];
  const [ha, hb] = [spanHeadline(src, link.src), spanHeadline(tgt, link.tgt)];
  const weakest = (c: SideCoverage) => (c[0] === Infinity ? link.score : Math.min(c[0], link.score));
  const relative = (c: SideCoverage) => (c[1] === Infinity ? 0 : c[1]);
  return {
    coverage: [weakest(coverage[0]), weakest(coverage[1])],
    relative: [relative(coverage[0]), relative(coverage[1])],
    lengthRatio: Math.abs(Math.log(Math.max(1, a.length) / Math.max(1, b.length))),
    lengthDeviation: lengthDeviation(a.length, b.length, src.lang, tgt.lang),
    unmatchedNumbers: unmatchedNumbers(a, b),
    headline: ha === 'mixed' || hb === 'mixed' || ha !== hb,
  };
}
