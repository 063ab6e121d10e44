// Numbers spelled out in words, in the languages polyalign is tuned for (Bosnian, Croatian and Serbian
// in both scripts, Slovene, Macedonian, Romanian, Danish) and English, for the figure rules of link
// evidence (evidence.ts): a translation often spells a figure that the other side writes in digits
// (`sto posto` and `100 posto`, `devetnaestog vijeka` and `19. stoljeća`, `dvadesetogodišnjeg` and
// `20-godišnjeg`, `Osamnaest država` and `18 stater`, `petindvajset` and `25`). The words are read only
// to answer a figure of the other side; they are no figures of their own, so an ordinal in words is no
// date and `četvrti` (fourth) never meets `четврток` (Thursday), which is a weekday and no number.
// Left out, for what else they mean: `prvi`/`drugi` (first, second; `drugi` is also "other"), Danish
// `en`, `et`, `to`, `ni`, `ti` (one, two, nine, ten; articles and Slavic "that", "nor", "you"), Romanian
// `un`, `o` (articles) and `nouă` (nine; also "new" and "us"), Slovene `en`, and `što`/`што` (what), whose
// key is that of `sto` (100). Words are compared on
// their script-neutral key (lexical-features.ts `neutral`), as the rest of the figure rules compare them.
// Pure.

import { neutral } from '../embed/lexical-features.ts';

/** A language family's number words: each entry's forms as written, and its value. */
type Forms = Array<[value: number, forms: string]>;

/** South Slavic (bs, hr, sr; sl and mk where they differ): the units, as counted and as a compound's first part. */
const SLAVIC_UNITS: Forms = [
  [1, 'jedan jedna jedno jednog jednoga jednom jednu jednoj jednim eden edna edno ena eno enega enem enemu enim'],
  [2, 'dva dvije dve dvoje dvojica dvojice dvama dvoma dvo dveh dvema'],
  [3, 'tri troje trojica trojice tro treh trem'],
  [4, 'četiri četvoro četvorica četvorice četvero četvoro štiri štirje štirih'],
  [5, 'pet petoro petorica petorice peto petih'],
  [6, 'šest šestoro šestorica šesto šestih'],
  [7, 'sedam sedmoro sedmorica sedmo sedem sedmih sedum'],
  [8, 'osam osmoro osmorica osmo osem osmih osum'],
  [9, 'devet devetoro devetorica deveto devetih'],
];
const SLAVIC_TEENS_AND_TENS: Forms = [
  [10, 'deset desetoro deseto desetih'],
  [11, 'jedanaest enajst edinaeset'],
  [12, 'dvanaest dvanajst dvanaeset'],
  [13, 'trinaest trinajst trinaeset'],
  [14, 'četrnaest štirinajst četirinaeset'],
  [15, 'petnaest petnajst petnaeset'],
  [16, 'šesnaest šestnajst šesnaeset'],
  [17, 'sedamnaest sedemnajst sedumnaeset'],
  [18, 'osamnaest osemnajst osumnaeset'],
  [19, 'devetnaest devetnajst devetnaeset'],
  [20, 'dvadeset dvajset dvaeset'],
  [30, 'trideset trieset'],
  [40, 'četrdeset štirideset četirieset'],
  [50, 'pedeset petdeset'],
  [60, 'šezdeset šestdeset šeeset'],
  [70, 'sedamdeset sedemdeset sedumdeset'],
  [80, 'osamdeset osemdeset osumdeset'],
  [90, 'devedeset devetdeset'],
];
const SLAVIC_HUNDREDS: Forms = [
  [100, 'sto stotinu stotina stotine'],
  [200, 'dvjesto dvesto dvjesta dvesta dvjestotine dvesti dvesta dveste'],
  [300, 'tristo trista tristotine'],
  [400, 'četiristo četiristotine štiristo četiristotini'],
  [500, 'petsto petstotina'],
  [600, 'šeststo'],
  [700, 'sedamsto sedemsto sedumsto'],
  [800, 'osamsto osemsto osumsto'],
  [900, 'devetsto'],
];
/** Ordinal stems (third to twentieth, the tens, hundredth), inflected with ORDINAL_ENDINGS: `devetnaestog`, `tretji`, `четврти`. */
const SLAVIC_ORDINALS: Forms = [
  [3, 'treć tret treti tretj'],
  [4, 'četvrt četrt'],
  [5, 'pet pett'],
  [6, 'šest'],
  [7, 'sedm'],
  [8, 'osm'],
  [9, 'devet devett'],
  [10, 'deset desett'],
  [11, 'jedanaest enajst edinaesett'],
  [12, 'dvanaest dvanajst dvanaesett'],
  [13, 'trinaest trinajst trinaesett'],
  [14, 'četrnaest štirinajst četirinaesett'],
  [15, 'petnaest petnajst petnaesett'],
  [16, 'šesnaest šestnajst šesnaesett'],
  [17, 'sedamnaest sedemnajst sedumnaesett'],
  [18, 'osamnaest osemnajst osumnaesett'],
  [19, 'devetnaest devetnajst devetnaesett'],
  [20, 'dvadeset dvajset dvaesett'],
  [30, 'trideset triesett'],
  [40, 'četrdeset štirideset četiriesett'],
  [50, 'pedeset petdeset pedesett'],
  [60, 'šezdeset šestdeset šeesett'],
  [70, 'sedamdeset sedemdeset sedumdesett'],
  [80, 'osamdeset osemdeset osumdesett'],
  [90, 'devedeset devetdeset devedesett'],
  [100, 'stot'],
];
const ORDINAL_ENDINGS = ['i', 'a', 'o', 'e', 'u', 'og', 'oga', 'om', 'omu', 'oj', 'ih', 'im', 'ima', 'ega', 'emu', 'em', 'ot', 'iot', 'ata', 'oto', 'ite'];
/** The second part of a compound adjective of years, people or parts: `dvadesetogodišnji`, `petletni`, `двегодишен`, `dvočlani`. */
const SLAVIC_COMPOUND_TAILS = /^(godisnj|godisn|godisen|godin|leten|letn|letni|clan|spratn|katn|dnevn|mesecn|mjesecn|minutn|satn|urn|procentn|postotn)/;

const ROMANIAN: Forms = [
  [1, 'unu una'],
  [2, 'doi două'],
  [3, 'trei'],
  [4, 'patru'],
  [5, 'cinci'],
  [6, 'șase şase'],
  [7, 'șapte şapte'],
  [8, 'opt'],
  [10, 'zece'],
  [11, 'unsprezece'],
  [12, 'doisprezece douăsprezece'],
  [13, 'treisprezece'],
  [14, 'paisprezece patrusprezece'],
  [15, 'cincisprezece'],
  [16, 'șaisprezece şaisprezece'],
  [17, 'șaptesprezece şaptesprezece'],
  [18, 'optsprezece'],
  [19, 'nouăsprezece'],
  [20, 'douăzeci'],
  [30, 'treizeci'],
  [40, 'patruzeci'],
  [50, 'cincizeci'],
  [60, 'șaizeci şaizeci'],
  [70, 'șaptezeci şaptezeci'],
  [80, 'optzeci'],
  [90, 'nouăzeci'],
  [100, 'sută suta'],
  // ordinals: al treilea, a treia …
  [3, 'treilea treia'],
  [4, 'patrulea patra'],
  [5, 'cincilea cincea'],
  [6, 'șaselea șasea'],
  [7, 'șaptelea șaptea'],
  [8, 'optulea opta'],
  [9, 'nouălea'],
  [10, 'zecelea zecea'],
];
/** Danish units that stand alone as numbers (one, two, nine and ten do not: DANISH_COMPOUND_UNITS). */
const DANISH_UNITS: Forms = [
  [3, 'tre'],
  [4, 'fire'],
  [5, 'fem'],
  [6, 'seks'],
  [7, 'syv'],
  [8, 'otte'],
];
const DANISH: Forms = [
  ...DANISH_UNITS,
  [11, 'elleve'],
  [12, 'tolv'],
  [13, 'tretten'],
  [14, 'fjorten'],
  [15, 'femten'],
  [16, 'seksten'],
  [17, 'sytten'],
  [18, 'atten'],
  [19, 'nitten'],
  [20, 'tyve'],
  [30, 'tredive'],
  [40, 'fyrre fyrretyve'],
  [50, 'halvtreds halvtredsindstyve'],
  [60, 'tres tresindstyve'],
  [70, 'halvfjerds halvfjerdsindstyve'],
  [80, 'firs firsindstyve'],
  [90, 'halvfems halvfemsindstyve'],
  [100, 'hundrede hundred'],
  [3, 'tredje'],
  [4, 'fjerde'],
  [5, 'femte'],
  [6, 'sjette'],
  [7, 'syvende'],
  [8, 'ottende'],
  [9, 'niende'],
  [10, 'tiende'],
  [11, 'ellevte'],
  [12, 'tolvte'],
  [20, 'tyvende'],
];
/** Danish units that begin a compound (`enogtyve`, `toogfyrre`): alone they mean something else. */
const DANISH_COMPOUND_UNITS: Forms = [[1, 'en'], [2, 'to'], ...DANISH_UNITS, [9, 'ni']];
const ENGLISH: Forms = [
  [2, 'two'],
  [3, 'three third'],
  [4, 'four fourth'],
  [5, 'five fifth'],
  [6, 'six sixth'],
  [7, 'seven seventh'],
  [8, 'eight eighth'],
  [9, 'nine ninth'],
  [10, 'ten tenth'],
  [11, 'eleven eleventh'],
  [12, 'twelve twelfth'],
  [13, 'thirteen thirteenth'],
  [14, 'fourteen fourteenth'],
  [15, 'fifteen fifteenth'],
  [16, 'sixteen sixteenth'],
  [17, 'seventeen seventeenth'],
  [18, 'eighteen eighteenth'],
  [19, 'nineteen nineteenth'],
  [20, 'twenty twentieth'],
  [30, 'thirty thirtieth'],
  [40, 'forty fortieth'],
  [50, 'fifty fiftieth'],
  [60, 'sixty sixtieth'],
  [70, 'seventy seventieth'],
  [80, 'eighty eightieth'],
  [90, 'ninety ninetieth'],
  [100, 'hundred hundredth'],
];

/** `što`, `што` (what): the key of `sto` (100) but no number. */
const WHAT = /^(što|што)$/u;

/** Words that join a number's parts: `dvadeset i pet`, `douăzeci și cinci`, `twenty-five` (read as two words). */
const JOINERS = new Set(['i', 'in', 'si', 'og', 'and'].map((w) => neutral(w)));

type Table = Map<string, number>;
const keyed = (table: Table, value: number, written: string) => {
  const key = neutral(written.toLowerCase());
  if (!table.has(key)) table.set(key, value);
};

interface Tables {
  /** Every whole word of a number (single words and one-word compounds) on its key. */
  words: Table;
  /** The units and the tens, for sums across words (`dvadeset pet`) and hundreds (`dvije stotine`). */
  units: Table;
  tens: Table;
}
let built: Tables | undefined;
const tables = (): Tables => (built ??= build());

function build(): Tables {
  const words: Table = new Map();
  const units: Table = new Map();
  const tens: Table = new Map();
  const each = (forms: Forms, f: (value: number, written: string) => void) => forms.forEach(([v, list]) => list.split(' ').forEach((w) => f(v, w)));
  each(SLAVIC_UNITS, (v, w) => (keyed(words, v, w), keyed(units, v, w)));
  each(SLAVIC_TEENS_AND_TENS, (v, w) => (keyed(words, v, w), v % 10 === 0 && v >= 20 && keyed(tens, v, w)));
  each(SLAVIC_HUNDREDS, (v, w) => keyed(words, v, w));
  each(SLAVIC_ORDINALS, (v, stem) => ORDINAL_ENDINGS.forEach((e) => keyed(words, v, stem + e)));
  // Slovene counts the units first, in one word: enaindvajset, petinštirideset
  each(SLAVIC_UNITS, (u, unit) => {
    for (const [t, list] of SLAVIC_TEENS_AND_TENS) if (t >= 20) for (const ten of list.split(' ')) keyed(words, t + u, `${unit}in${ten}`);
  });
  // a compound's first part joined to the tens: dvadesetpet, četrdesetdvo (before -godišnji)
  for (const [t, list] of SLAVIC_TEENS_AND_TENS) {
    if (t < 20) continue;
    for (const ten of list.split(' ')) each(SLAVIC_UNITS, (u, unit) => keyed(words, t + u, ten + unit));
  }
  each(ROMANIAN, (v, w) => keyed(words, v, w));
  // Romanian ordinals of the teens and tens: al doisprezecelea, a douăsprezecea, al douăzecilea
  each(ROMANIAN.filter(([v]) => v > 10 && v < 100), (v, w) => (keyed(words, v, `${w}lea`), keyed(words, v, `${w.replace(/[ei]$/u, 'e')}a`)));
  each(ROMANIAN.filter(([v]) => v < 10), (v, w) => keyed(units, v, w));
  each(ROMANIAN.filter(([v]) => v >= 20 && v < 100 && v % 10 === 0), (v, w) => keyed(tens, v, w));
  each(DANISH, (v, w) => keyed(words, v, w));
  // Danish counts the units first, in one word: enogtyve, toogfyrre, femoghalvtreds
  each(DANISH_COMPOUND_UNITS, (u, unit) => {
    for (const [t, list] of DANISH) if (t >= 20 && t < 100 && t % 10 === 0) for (const ten of list.split(' ')) keyed(words, t + u, `${unit}og${ten}`);
  });
  each(ENGLISH, (v, w) => keyed(words, v, w));
  each(ENGLISH.filter(([v]) => v < 10), (v, w) => keyed(units, v, w));
  each(ENGLISH.filter(([v]) => v >= 20 && v < 100), (v, w) => keyed(tens, v, w));
  return { words, units, tens };
}

/** The value a word spells (its key, as `neutral` gives it), a compound adjective's number included (`dvadesetogodišnji` 20). */
export function spelledValue(key: string): number | undefined {
  const { words } = tables();
  const whole = words.get(key);
  if (whole !== undefined) return whole;
  // a compound adjective: the number, a linking vowel, the tail (dvadeset-o-godišnji, pet-letni, dve-godišen)
  for (let cut = 2; cut < key.length - 2; cut++) {
    if (!SLAVIC_COMPOUND_TAILS.test(key.slice(cut))) continue;
    const head = key.slice(0, cut);
    const value = words.get(head) ?? (/[oe]$/.test(head) ? words.get(head.slice(0, -1)) : undefined);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The numbers a text spells, as digits: every number word's own value, and the sum or product of a run
 * of them (`dvadeset i pet` 25 as well as 20 and 5; `dvije stotine` 200; `o sută` stays 100).
 */
export function spelledNumbers(text: string): string[] {
  const { units, tens } = tables();
  // `što` and `што` (what) share the key of `sto` (100)
  const keys = [...text.matchAll(/[\p{L}]+/gu)].map((m) => (WHAT.test(m[0].toLowerCase()) ? '' : neutral(m[0].toLowerCase())));
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const value = spelledValue(keys[i]!);
    if (value === undefined) continue;
    out.push(String(value));
    // tens, a joiner or none, a unit: 20 + 5
    if (tens.has(keys[i]!)) {
      const j = JOINERS.has(keys[i + 1] ?? '') ? i + 2 : i + 1;
      const unit = units.get(keys[j] ?? '');
      if (unit !== undefined) out.push(String(value + unit));
    }
    // a unit and hundreds: dvije stotine, două sute, five hundred
    const next = keys[i + 1] ?? '';
    if (units.has(keys[i]!) && /^(stotin|sut|hundred)/.test(next)) out.push(String(value * 100));
  }
  return out;
}
