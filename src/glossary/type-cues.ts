// The words around a name that say what it names, per language family, in the script-neutral
// spelling of latinLower (Cyrillic transliterated, diacritics folded, lower case). Each table
// is short on purpose: a word belongs only when, standing next to a capitalised name in news
// text, it almost always means that kind of thing.

import type { EntityType } from '../types.ts';
import { languageFamily, latinLower } from './normalise.ts';
import type { LangCode } from '../types.ts';

type Family = ReturnType<typeof languageFamily>;

/** Kinds of event a name's own words can show; two event names pair only when of one kind. */
export type EventKind = 'war' | 'day' | 'meeting' | 'games';

export interface CueTable {
  /** Titles and roles right before a name (two words at most, no other name between): `predsjednik`, `președintele`. Prefixes. */
  roles: readonly string[];
  /** Words that mark the next word as a person's name: Romanian dative `lui` (`lui Kim`). Exact. */
  personMarkers: readonly string[];
  /** Nouns right before an organisation's name: `agencija`, `nyhedsbureau`, `весник`. Prefixes. */
  organisations: readonly string[];
  /** Words inside a multi-word name that make it an organisation's (besides `organisations`). Only the fallback table has any. */
  nameWords?: readonly string[];
  /** Verbs of reporting right before a source's name: `scrie Reuters`, `piše AFP`. Exact. */
  reports: readonly string[];
  /** Locative and directional prepositions right before a place: `u Pekingu`, `în Phenian`, `во Пекинг`, `i Beijing`. Exact. */
  prepositions: readonly string[];
  /** Nouns for kinds of place next to a name, before or after it: `regiunea Kursk`, `Kursku oblast`, `Kursk-regionen`. Prefixes. */
  places: readonly string[];
  /** Nouns inside a name that make it an event, not the place it happened: `Dan pobjede`, `Втората светска војна`, `Victory Day`. Prefixes. */
  events: Readonly<Record<EventKind, readonly string[]>>;
  /** What may stand between a place's stem and the adjective ending: `kin-e-ski`, `amerik-an-ski`, `rus-si-ske`. */
  links: readonly string[];
  /** Endings of adjectives derived from place names (`ruski` of Rusija, `nordkoreanske` of Nordkorea), as a pattern on the whole word. */
  demonym: RegExp;
}

// Bosnian, Croatian, Serbian and Slovene share most of these; Slovene spellings are listed beside.
const SOUTH_SLAVIC: CueTable = {
  roles: [
    'predsjedni', 'predsedni', 'premijer', 'premier', 'ministar', 'ministr', 'minister', 'lider', 'vodja', 'voditelj',
    'kralj', 'kancelar', 'kancler', 'general', 'gospod', 'parlamentar', 'zastupni', 'poslanik', 'poslanec', 'ambasador',
    'veleposlani', 'sekretar', 'direktor', 'glasnogovorni', 'portparol', 'gradonacelni', 'zupan', 'senator', 'guverner',
    'patrijarh', 'papa', 'princ', 'drug',
  ],
  personMarkers: [],
  organisations: ['agencij', 'novin', 'dnevni', 'casopis', 'casnik', 'televizij', 'kompanij', 'podjetj', 'stranka', 'stranke', 'partij', 'organizacij', 'banka', 'portal'],
  reports: ['pise', 'javlja', 'navodi', 'navaja', 'poroca', 'povzema', 'prenosi', 'objavio', 'objavila', 'objavil'],
  prepositions: ['u', 'v', 'iz', 'kroz'],
  places: ['grad', 'oblast', 'regij', 'region', 'provincij', 'pokrajin', 'drzav', 'prestolnic'],
  events: { war: ['rat', 'vojn'], day: ['dan'], meeting: ['samit', 'konferencij'], games: ['olimpijad', 'prvenstv', 'festival'] },
  links: ['e', 'an', 'ov', 'ev', 'in'],
  demonym: /(?:sk|ck)(?:i|a|o|e|u|og|om|oj|ih|im|ima|ega|emu|em)$/,
};

const MACEDONIAN: CueTable = {
  roles: [
    'pretsedatel', 'premier', 'minister', 'lider', 'drugar', 'kral', 'kancelar', 'general', 'gospodin', 'pratenik',
    'ambasador', 'sekretar', 'direktor', 'portparol', 'gradonacalnik', 'senator', 'patrijarh',
  ],
  personMarkers: [],
  organisations: ['agencij', 'vesnik', 'televizij', 'kompanij', 'partij', 'organizacij', 'banka', 'portal'],
  reports: ['soopsti', 'pishuva', 'javuva', 'prenesuva'],
  prepositions: ['vo', 'niz'],
  places: ['grad', 'oblast', 'region', 'provincij', 'drzav'],
  events: { war: ['vojn'], day: ['den'], meeting: ['samit', 'konferencij'], games: ['olimpijad', 'festival'] },
  links: ['e', 'an', 'ov', 'ev', 'in'],
  demonym: /(?:sk|ck)(?:i|a|o|e|iot|ata|oto|ite|ot)$/,
};

const ROMANIAN: CueTable = {
  roles: [
    'presedint', 'lider', 'premier', 'ministr', 'domn', 'doamn', 'parlamentar', 'deputat', 'senator', 'rege', 'regin',
    'cancelar', 'general', 'secretar', 'primar', 'ambasador', 'purtator', 'patriarh', 'pap',
  ],
  personMarkers: ['lui'],
  organisations: ['agenti', 'ziar', 'cotidian', 'televiziun', 'postul', 'compani', 'partid', 'organizati', 'banc', 'publicati'],
  reports: ['scrie', 'relateaza', 'informeaza', 'transmite', 'anunta'],
  prepositions: ['in', 'la', 'din', 'spre', 'prin'],
  places: ['oras', 'regiun', 'provinci', 'capital', 'tar', 'stat'],
  events: { war: ['razboi'], day: ['zi'], meeting: ['summit', 'conferint'], games: ['olimpiad', 'festival'] },
  links: ['e', 'i'],
  demonym: /(?:esc|easc|esti|este|ean|eana|eni|ene|ez|eza|ezi|eze|ian|iana|ieni|iene)$/,
};

const DANISH: CueTable = {
  roles: [
    'praesident', 'premierminister', 'statsminister', 'minister', 'leder', 'formand', 'konge', 'dronning', 'kansler',
    'general', 'ambassador', 'borgmester', 'senator', 'generalsekretaer', 'talsmand', 'hr', 'fru', 'pave', 'prins',
  ],
  personMarkers: [],
  organisations: ['nyhedsbureau', 'bureau', 'avis', 'dagblad', 'selskab', 'firma', 'parti', 'organisation', 'agentur', 'tv-station', 'kanal'],
  reports: ['skriver', 'melder', 'rapporterer', 'oplyser'],
  prepositions: ['i', 'til'],
  places: ['region', 'by', 'provins', 'hovedstad', 'oblast', 'krig'],
  events: { war: ['krig', 'war'], day: ['dag', 'day'], meeting: ['topmode', 'konference'], games: ['festival', 'ol'] },
  links: ['i', 's', 'si', 'an', 'es', 'e', 'n', 'ne'],
  demonym: /(?:sk|ske|isk|iske)$/,
};

// English and anything else: a fallback so that unknown languages still get the obvious cues.
const OTHER: CueTable = {
  roles: ['president', 'prime', 'minister', 'leader', 'king', 'queen', 'chancellor', 'general', 'senator', 'mayor', 'ambassador', 'secretary', 'spokes', 'mr', 'mrs', 'ms', 'dr'],
  personMarkers: [],
  organisations: ['agency', 'newspaper', 'company', 'party', 'broadcaster', 'organisation', 'organization', 'bank'],
  // Words that make an English-language name an organisation's, in any language's text:
  // `Suffolk University Political Research Center`, `National Science Foundation`.
  nameWords: ['university', 'universitet', 'institute', 'institut', 'center', 'centre', 'council', 'committee', 'ministry', 'department', 'association', 'foundation', 'corporation', 'agency', 'party', 'union', 'bank', 'company', 'inc', 'ltd'],
  reports: ['reports', 'reported', 'writes'],
  prepositions: ['in'],
  places: ['city', 'region', 'province', 'capital', 'state'],
  events: { war: ['war'], day: ['day'], meeting: ['summit', 'conference'], games: ['games', 'festival', 'olympics'] },
  links: ['i', 'e', 'an'],
  demonym: /(?:an|ian|ese|ish|ic)$/,
};

const TABLES: Record<Family, CueTable> = {
  'south-slavic': SOUTH_SLAVIC,
  macedonian: MACEDONIAN,
  romanian: ROMANIAN,
  danish: DANISH,
  other: OTHER,
};

/** The cue table of a language, by its family (`sr-Cyrl` → South Slavic). */
export function cueTable(lang: LangCode): CueTable {
  return TABLES[languageFamily(lang)];
}

/** Inflected forms of a cue: the word starts with the cue and adds at most this many letters (`predsjednika`). */
export const CUE_MAX_ENDING = 4;

/** The word is the cue or an inflected form of it. */
export function matchesCue(word: string, cues: readonly string[]): string | undefined {
  return cues.find((c) => word.startsWith(c) && word.length - c.length <= CUE_MAX_ENDING);
}

/** Types that evidence can show: `other` only through an event word; otherwise it is what is left when nothing shows a type. */
export type EvidentType = EntityType;

/**
 * The word of a multi-word name that makes it an event (`Dana` of `Dana pobjede`,
 * `Day` of `Victory Day`, `војна` of `Втората светска војна`) and the kind of event, or undefined.
 */
export function eventWord(form: string, lang: LangCode): { word: string; kind: EventKind } | undefined {
  const words = form.split(/\s+/u);
  if (words.length < 2) return undefined;
  const kinds = Object.entries(cueTable(lang).events) as Array<[EventKind, readonly string[]]>;
  for (const w of words) {
    const lower = latinLower(w);
    for (const [kind, cues] of kinds) if (matchesCue(lower, cues) !== undefined) return { word: w, kind };
  }
  return undefined;
}

/** Organisation words that may stand inside a name of this language: its own, and the English ones names keep in any language. */
export function organisationNameWords(lang: LangCode): readonly string[] {
  return [...cueTable(lang).organisations, ...(OTHER.nameWords ?? [])];
}
