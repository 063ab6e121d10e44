// Exonyms: well-known places that the languages of the news spell with no shared spelling
// (`Phenian` / `Pjongjang` / `Pyongyang`, `Kitajska` / `Kina` / `China`, `Beč` / `Dunaj` /
// `Wien` / `Vienna`). Each concept lists the base forms that each language's dictionaries and
// atlases give; a language is left out where the form was not certain. Inflected forms are not
// listed: a form is matched by its grouping key, so `Phenianul`, `Kitajskem`, `Pekingu`,
// `Moskvom`, `Japoniei` and `Ruslands` meet their base forms through the same inflection
// stripping as every other name (normalise.ts). The one exception is a name that declines inside
// (Romanian `Republicii Populare Democrate Coreene`, genitive of the DPRK's name), where
// stripping each word does not reach the base form.
//
// Guards against false joins:
//  - a form is matched within its language family only (Danish `Rom`, Rome, never meets Croatian
//    `Romi`, the Roma);
//  - every word of the mention must be capitalised as in the table (no lower-case common word);
//  - a multi-word mention must match a whole table form (`Kina Grannis`, a person, is not China);
//  - names that are as often a person's or another place's (Jordan, Georgia in English and
//    Romanian, Washington) are left out.
// Scope: countries and capitals common in international news (the Security Council, the G20,
// Europe, the two Koreas, the Middle East, the neighbours of Russia and China) whose spellings
// differ beyond what transliteration and the phonetic skeleton already bring together.

import { PolyalignError } from '../errors.ts';
import type { LangCode } from '../types.ts';
import { languageFamily, normaliseWord } from './normalise.ts';
import { EVENTS, REGIONS } from './well-known.ts';

/** The languages the table covers; Serbian forms are in Latin script and meet Cyrillic through transliteration. */
export type ExonymLang = 'en' | 'da' | 'ro' | 'sl' | 'hr' | 'bs' | 'sr' | 'mk';

export interface Exonym {
  /** English, kebab-case: the second key is `X:` + id. */
  id: string;
  /** What the concept is: a place (countries, capitals, regions; the default) or an event (`other`). See well-known.ts. */
  type?: 'place' | 'other';
  forms: Partial<Record<ExonymLang, readonly string[]>>;
}

// Croatian, Bosnian and Serbian share most forms: `hbs` fills all three.
const hbs = (...forms: string[]): Partial<Record<ExonymLang, readonly string[]>> => ({ hr: forms, bs: forms, sr: forms });

export const EXONYMS: readonly Exonym[] = [
  // Permanent members of the Security Council, and the rest of the G20.
  { id: 'china', forms: { en: ['China'], da: ['Kina'], ro: ['China'], sl: ['Kitajska'], ...hbs('Kina'), mk: ['Кина'] } },
  { id: 'russia', forms: { en: ['Russia'], da: ['Rusland'], ro: ['Rusia'], sl: ['Rusija'], ...hbs('Rusija'), mk: ['Русија'] } },
  {
    id: 'united-states',
    forms: { en: ['United States'], ro: ['Statele Unite'], ...hbs('Sjedinjene Američke Države', 'Sjedinjene Države'), mk: ['Соединетите Американски Држави'] },
  },
  { id: 'united-kingdom', forms: { en: ['United Kingdom'], ro: ['Regatul Unit'], ...hbs('Ujedinjeno Kraljevstvo'), mk: ['Обединетото Кралство'] } },
  {
    id: 'great-britain',
    forms: { en: ['Great Britain', 'Britain'], da: ['Storbritannien'], ro: ['Marea Britanie'], sl: ['Velika Britanija'], ...hbs('Velika Britanija'), mk: ['Велика Британија'] },
  },
  { id: 'france', forms: { en: ['France'], da: ['Frankrig'], ro: ['Franța'], sl: ['Francija'], ...hbs('Francuska'), mk: ['Франција'] } },
  { id: 'germany', forms: { en: ['Germany'], da: ['Tyskland'], ro: ['Germania'], sl: ['Nemčija'], hr: ['Njemačka'], bs: ['Njemačka'], sr: ['Nemačka'], mk: ['Германија'] } },
  { id: 'japan', forms: { en: ['Japan'], da: ['Japan'], ro: ['Japonia'], sl: ['Japonska'], ...hbs('Japan'), mk: ['Јапонија'] } },
  { id: 'india', forms: { en: ['India'], da: ['Indien'], ro: ['India'], sl: ['Indija'], ...hbs('Indija'), mk: ['Индија'] } },
  { id: 'brazil', forms: { en: ['Brazil'], da: ['Brasilien'], ro: ['Brazilia'], sl: ['Brazilija'], ...hbs('Brazil'), mk: ['Бразил'] } },
  { id: 'italy', forms: { en: ['Italy'], da: ['Italien'], ro: ['Italia'], sl: ['Italija'], ...hbs('Italija'), mk: ['Италија'] } },
  { id: 'canada', forms: { en: ['Canada'], da: ['Canada'], ro: ['Canada'], sl: ['Kanada'], ...hbs('Kanada'), mk: ['Канада'] } },
  { id: 'australia', forms: { en: ['Australia'], da: ['Australien'], ro: ['Australia'], sl: ['Avstralija'], ...hbs('Australija'), mk: ['Австралија'] } },
  { id: 'mexico', forms: { en: ['Mexico'], da: ['Mexico'], ro: ['Mexic'], sl: ['Mehika'], ...hbs('Meksiko'), mk: ['Мексико'] } },
  { id: 'indonesia', forms: { en: ['Indonesia'], da: ['Indonesien'], ro: ['Indonezia'], sl: ['Indonezija'], ...hbs('Indonezija'), mk: ['Индонезија'] } },
  {
    id: 'saudi-arabia',
    forms: { en: ['Saudi Arabia'], da: ['Saudi-Arabien'], ro: ['Arabia Saudită'], sl: ['Savdska Arabija'], ...hbs('Saudijska Arabija'), mk: ['Саудиска Арабија'] },
  },
  { id: 'south-africa', forms: { en: ['South Africa'], da: ['Sydafrika'], ro: ['Africa de Sud'], ...hbs('Južnoafrička Republika') } },
  { id: 'turkey', forms: { en: ['Turkey'], da: ['Tyrkiet'], ro: ['Turcia'], sl: ['Turčija'], ...hbs('Turska'), mk: ['Турција'] } },
  // The two Koreas (compass keys join the compass names already; the table adds the DPRK's own name).
  {
    id: 'north-korea',
    forms: {
      en: ['North Korea'],
      da: ['Nordkorea'],
      ro: ['Coreea de Nord', 'Republica Populară Democrată Coreeană', 'Republicii Populare Democrate Coreene'],
      sl: ['Severna Koreja'],
      hr: ['Sjeverna Koreja'],
      bs: ['Sjeverna Koreja'],
      sr: ['Severna Koreja'],
      mk: ['Северна Кореја'],
    },
  },
  {
    id: 'south-korea',
    forms: { en: ['South Korea'], da: ['Sydkorea'], ro: ['Coreea de Sud'], sl: ['Južna Koreja'], ...hbs('Južna Koreja'), mk: ['Јужна Кореја'] },
  },
  // Europe.
  { id: 'spain', forms: { en: ['Spain'], da: ['Spanien'], ro: ['Spania'], sl: ['Španija'], hr: ['Španjolska'], bs: ['Španija'], sr: ['Španija'], mk: ['Шпанија'] } },
  { id: 'portugal', forms: { en: ['Portugal'], da: ['Portugal'], ro: ['Portugalia'], sl: ['Portugalska'], ...hbs('Portugal'), mk: ['Португалија'] } },
  {
    id: 'netherlands',
    forms: { en: ['Netherlands'], da: ['Holland', 'Nederlandene'], ro: ['Țările de Jos', 'Olanda'], sl: ['Nizozemska'], hr: ['Nizozemska'], bs: ['Holandija', 'Nizozemska'], sr: ['Holandija'], mk: ['Холандија'] },
  },
  { id: 'belgium', forms: { en: ['Belgium'], da: ['Belgien'], ro: ['Belgia'], sl: ['Belgija'], ...hbs('Belgija'), mk: ['Белгија'] } },
  {
    id: 'switzerland',
    forms: { en: ['Switzerland'], da: ['Schweiz'], ro: ['Elveția'], sl: ['Švica'], hr: ['Švicarska'], bs: ['Švicarska'], sr: ['Švajcarska'], mk: ['Швајцарија'] },
  },
  { id: 'austria', forms: { en: ['Austria'], da: ['Østrig'], ro: ['Austria'], sl: ['Avstrija'], ...hbs('Austrija'), mk: ['Австрија'] } },
  { id: 'poland', forms: { en: ['Poland'], da: ['Polen'], ro: ['Polonia'], sl: ['Poljska'], ...hbs('Poljska'), mk: ['Полска'] } },
  {
    id: 'czechia',
    forms: { en: ['Czech Republic', 'Czechia'], da: ['Tjekkiet'], ro: ['Cehia', 'Republica Cehă'], sl: ['Češka'], ...hbs('Češka', 'Češka Republika'), mk: ['Чешка'] },
  },
  { id: 'slovakia', forms: { en: ['Slovakia'], da: ['Slovakiet'], ro: ['Slovacia'], sl: ['Slovaška'], ...hbs('Slovačka'), mk: ['Словачка'] } },
  { id: 'hungary', forms: { en: ['Hungary'], da: ['Ungarn'], ro: ['Ungaria'], sl: ['Madžarska'], ...hbs('Mađarska'), mk: ['Унгарија'] } },
  { id: 'romania', forms: { en: ['Romania'], da: ['Rumænien'], ro: ['România'], sl: ['Romunija'], hr: ['Rumunjska'], bs: ['Rumunija'], sr: ['Rumunija'], mk: ['Романија'] } },
  { id: 'bulgaria', forms: { en: ['Bulgaria'], da: ['Bulgarien'], ro: ['Bulgaria'], sl: ['Bolgarija'], ...hbs('Bugarska'), mk: ['Бугарија'] } },
  { id: 'greece', forms: { en: ['Greece'], da: ['Grækenland'], ro: ['Grecia'], sl: ['Grčija'], ...hbs('Grčka'), mk: ['Грција'] } },
  { id: 'serbia', forms: { en: ['Serbia'], da: ['Serbien'], ro: ['Serbia'], sl: ['Srbija'], ...hbs('Srbija'), mk: ['Србија'] } },
  { id: 'croatia', forms: { en: ['Croatia'], da: ['Kroatien'], ro: ['Croația'], sl: ['Hrvaška'], ...hbs('Hrvatska'), mk: ['Хрватска'] } },
  { id: 'slovenia', forms: { en: ['Slovenia'], da: ['Slovenien'], ro: ['Slovenia'], sl: ['Slovenija'], ...hbs('Slovenija'), mk: ['Словенија'] } },
  { id: 'montenegro', forms: { en: ['Montenegro'], da: ['Montenegro'], ro: ['Muntenegru'], ...hbs('Crna Gora'), mk: ['Црна Гора'] } },
  {
    id: 'north-macedonia',
    forms: { en: ['North Macedonia'], da: ['Nordmakedonien'], ro: ['Macedonia de Nord'], sl: ['Severna Makedonija'], hr: ['Sjeverna Makedonija'], bs: ['Sjeverna Makedonija'], sr: ['Severna Makedonija'], mk: ['Северна Македонија'] },
  },
  { id: 'albania', forms: { en: ['Albania'], da: ['Albanien'], ro: ['Albania'], sl: ['Albanija'], ...hbs('Albanija'), mk: ['Албанија'] } },
  { id: 'ukraine', forms: { en: ['Ukraine'], da: ['Ukraine'], ro: ['Ucraina'], sl: ['Ukrajina'], ...hbs('Ukrajina'), mk: ['Украина'] } },
  { id: 'belarus', forms: { en: ['Belarus'], da: ['Hviderusland'], ro: ['Belarus'], sl: ['Belorusija'], hr: ['Bjelorusija'], bs: ['Bjelorusija'], sr: ['Belorusija'], mk: ['Белорусија'] } },
  // Romanian `Moldova` alone is also the Romanian region: only the republic's full name is listed.
  { id: 'moldova', forms: { en: ['Moldova'], da: ['Moldova'], ro: ['Republica Moldova'], sl: ['Moldavija'], ...hbs('Moldavija'), mk: ['Молдавија'] } },
  { id: 'lithuania', forms: { en: ['Lithuania'], da: ['Litauen'], ro: ['Lituania'], sl: ['Litva'], ...hbs('Litva'), mk: ['Литванија'] } },
  { id: 'latvia', forms: { en: ['Latvia'], da: ['Letland'], ro: ['Letonia'], sl: ['Latvija'], ...hbs('Latvija'), mk: ['Латвија'] } },
  { id: 'estonia', forms: { en: ['Estonia'], da: ['Estland'], ro: ['Estonia'], sl: ['Estonija'], ...hbs('Estonija'), mk: ['Естонија'] } },
  { id: 'finland', forms: { en: ['Finland'], da: ['Finland'], ro: ['Finlanda'], sl: ['Finska'], ...hbs('Finska'), mk: ['Финска'] } },
  { id: 'sweden', forms: { en: ['Sweden'], da: ['Sverige'], ro: ['Suedia'], sl: ['Švedska'], ...hbs('Švedska'), mk: ['Шведска'] } },
  { id: 'norway', forms: { en: ['Norway'], da: ['Norge'], ro: ['Norvegia'], sl: ['Norveška'], ...hbs('Norveška'), mk: ['Норвешка'] } },
  { id: 'denmark', forms: { en: ['Denmark'], da: ['Danmark'], ro: ['Danemarca'], sl: ['Danska'], ...hbs('Danska'), mk: ['Данска'] } },
  { id: 'iceland', forms: { en: ['Iceland'], da: ['Island'], ro: ['Islanda'], sl: ['Islandija'], ...hbs('Island'), mk: ['Исланд'] } },
  { id: 'ireland', forms: { en: ['Ireland'], da: ['Irland'], ro: ['Irlanda'], sl: ['Irska'], ...hbs('Irska'), mk: ['Ирска'] } },
  { id: 'cyprus', forms: { en: ['Cyprus'], da: ['Cypern'], ro: ['Cipru'], sl: ['Ciper'], hr: ['Cipar'], sr: ['Kipar'], mk: ['Кипар'] } },
  // Neighbours of Russia and China, and the Caucasus. (Georgia: the English and Romanian name is also a US state.)
  { id: 'georgia', forms: { da: ['Georgien'], sl: ['Gruzija'], ...hbs('Gruzija'), mk: ['Грузија'] } },
  { id: 'armenia', forms: { en: ['Armenia'], da: ['Armenien'], ro: ['Armenia'], sl: ['Armenija'], ...hbs('Armenija'), mk: ['Ерменија'] } },
  { id: 'azerbaijan', forms: { en: ['Azerbaijan'], da: ['Aserbajdsjan'], ro: ['Azerbaidjan'], sl: ['Azerbajdžan'], ...hbs('Azerbejdžan'), mk: ['Азербејџан'] } },
  { id: 'kazakhstan', forms: { en: ['Kazakhstan'], da: ['Kasakhstan'], ro: ['Kazahstan'], sl: ['Kazahstan'], ...hbs('Kazahstan'), mk: ['Казахстан'] } },
  { id: 'mongolia', forms: { en: ['Mongolia'], da: ['Mongoliet'], ro: ['Mongolia'], sl: ['Mongolija'], ...hbs('Mongolija'), mk: ['Монголија'] } },
  { id: 'afghanistan', forms: { en: ['Afghanistan'], da: ['Afghanistan'], ro: ['Afganistan'], sl: ['Afganistan'], ...hbs('Afganistan'), mk: ['Авганистан'] } },
  { id: 'vietnam', forms: { en: ['Vietnam'], da: ['Vietnam'], ro: ['Vietnam'], sl: ['Vietnam'], ...hbs('Vijetnam'), mk: ['Виетнам'] } },
  { id: 'taiwan', forms: { en: ['Taiwan'], da: ['Taiwan'], ro: ['Taiwan'], sl: ['Tajvan'], ...hbs('Tajvan'), mk: ['Тајван'] } },
  { id: 'philippines', forms: { en: ['Philippines'], da: ['Filippinerne'], ro: ['Filipine'], sl: ['Filipini'], ...hbs('Filipini'), mk: ['Филипини'] } },
  { id: 'thailand', forms: { en: ['Thailand'], da: ['Thailand'], ro: ['Thailanda'], sl: ['Tajska'], ...hbs('Tajland'), mk: ['Тајланд'] } },
  // The Middle East and North Africa.
  { id: 'israel', forms: { en: ['Israel'], da: ['Israel'], ro: ['Israel'], sl: ['Izrael'], ...hbs('Izrael'), mk: ['Израел'] } },
  { id: 'palestine', forms: { en: ['Palestine'], da: ['Palæstina'], ro: ['Palestina'], sl: ['Palestina'], ...hbs('Palestina'), mk: ['Палестина'] } },
  { id: 'syria', forms: { en: ['Syria'], da: ['Syrien'], ro: ['Siria'], sl: ['Sirija'], ...hbs('Sirija'), mk: ['Сирија'] } },
  { id: 'lebanon', forms: { en: ['Lebanon'], da: ['Libanon'], ro: ['Liban'], sl: ['Libanon'], ...hbs('Liban'), mk: ['Либан'] } },
  { id: 'egypt', forms: { en: ['Egypt'], da: ['Egypten'], ro: ['Egipt'], sl: ['Egipt'], ...hbs('Egipat'), mk: ['Египет'] } },
  {
    id: 'united-arab-emirates',
    forms: { en: ['United Arab Emirates'], da: ['De Forenede Arabiske Emirater'], ro: ['Emiratele Arabe Unite'], ...hbs('Ujedinjeni Arapski Emirati'), mk: ['Обединетите Арапски Емирати'] },
  },
  { id: 'ethiopia', forms: { en: ['Ethiopia'], da: ['Etiopien'], ro: ['Etiopia'], sl: ['Etiopija'], ...hbs('Etiopija'), mk: ['Етиопија'] } },
  // Capitals and other cities in the news.
  { id: 'pyongyang', forms: { en: ['Pyongyang'], da: ['Pyongyang'], ro: ['Phenian'], sl: ['Pjongjang'], ...hbs('Pjongjang'), mk: ['Пјонгјанг'] } },
  { id: 'beijing', forms: { en: ['Beijing'], da: ['Beijing', 'Peking'], ro: ['Beijing'], sl: ['Peking'], ...hbs('Peking'), mk: ['Пекинг'] } },
  { id: 'moscow', forms: { en: ['Moscow'], da: ['Moskva'], ro: ['Moscova'], sl: ['Moskva'], ...hbs('Moskva'), mk: ['Москва'] } },
  { id: 'seoul', forms: { en: ['Seoul'], da: ['Seoul'], ro: ['Seul'], sl: ['Seul'], ...hbs('Seul'), mk: ['Сеул'] } },
  { id: 'tokyo', forms: { en: ['Tokyo'], da: ['Tokyo'], ro: ['Tokyo'], sl: ['Tokio'], ...hbs('Tokio'), mk: ['Токио'] } },
  { id: 'kyiv', forms: { en: ['Kyiv', 'Kiev'], da: ['Kyiv', 'Kiev'], ro: ['Kiev'], sl: ['Kijev'], ...hbs('Kijev'), mk: ['Киев'] } },
  { id: 'london', forms: { en: ['London'], da: ['London'], ro: ['Londra'], sl: ['London'], ...hbs('London'), mk: ['Лондон'] } },
  { id: 'paris', forms: { en: ['Paris'], da: ['Paris'], ro: ['Paris'], sl: ['Pariz'], ...hbs('Pariz'), mk: ['Париз'] } },
  { id: 'rome', forms: { en: ['Rome'], da: ['Rom'], ro: ['Roma'], sl: ['Rim'], ...hbs('Rim'), mk: ['Рим'] } },
  { id: 'vienna', forms: { en: ['Vienna'], da: ['Wien'], ro: ['Viena'], sl: ['Dunaj'], ...hbs('Beč'), mk: ['Виена'] } },
  { id: 'warsaw', forms: { en: ['Warsaw'], da: ['Warszawa'], ro: ['Varșovia'], sl: ['Varšava'], ...hbs('Varšava'), mk: ['Варшава'] } },
  { id: 'prague', forms: { en: ['Prague'], da: ['Prag'], ro: ['Praga'], sl: ['Praga'], ...hbs('Prag'), mk: ['Прага'] } },
  { id: 'bucharest', forms: { en: ['Bucharest'], da: ['Bukarest'], ro: ['București'], sl: ['Bukarešta'], ...hbs('Bukurešt'), mk: ['Букурешт'] } },
  { id: 'athens', forms: { en: ['Athens'], da: ['Athen'], ro: ['Atena'], sl: ['Atene'], ...hbs('Atena'), mk: ['Атина'] } },
  { id: 'belgrade', forms: { en: ['Belgrade'], da: ['Beograd'], ro: ['Belgrad'], sl: ['Beograd'], ...hbs('Beograd'), mk: ['Белград'] } },
  { id: 'brussels', forms: { en: ['Brussels'], da: ['Bruxelles'], ro: ['Bruxelles'], sl: ['Bruselj'], hr: ['Bruxelles'], bs: ['Brisel'], sr: ['Brisel'], mk: ['Брисел'] } },
  { id: 'the-hague', forms: { en: ['The Hague'], da: ['Haag'], ro: ['Haga'], sl: ['Haag'], ...hbs('Haag'), mk: ['Хаг'] } },
  { id: 'copenhagen', forms: { en: ['Copenhagen'], da: ['København'], ro: ['Copenhaga'], ...hbs('Kopenhagen'), mk: ['Копенхаген'] } },
  { id: 'lisbon', forms: { en: ['Lisbon'], da: ['Lissabon'], ro: ['Lisabona'], sl: ['Lizbona'], ...hbs('Lisabon'), mk: ['Лисабон'] } },
  { id: 'geneva', forms: { en: ['Geneva'], da: ['Genève'], ro: ['Geneva'], sl: ['Ženeva'], ...hbs('Ženeva'), mk: ['Женева'] } },
  { id: 'tehran', forms: { en: ['Tehran'], da: ['Teheran'], ro: ['Teheran'], sl: ['Teheran'], ...hbs('Teheran'), mk: ['Техеран'] } },
  { id: 'jerusalem', forms: { en: ['Jerusalem'], da: ['Jerusalem'], ro: ['Ierusalim'], sl: ['Jeruzalem'], ...hbs('Jeruzalem'), mk: ['Ерусалим'] } },
  { id: 'damascus', forms: { en: ['Damascus'], da: ['Damaskus'], ro: ['Damasc'], sl: ['Damask'], ...hbs('Damask'), mk: ['Дамаск'] } },
  { id: 'baghdad', forms: { en: ['Baghdad'], da: ['Bagdad'], ro: ['Bagdad'], sl: ['Bagdad'], ...hbs('Bagdad'), mk: ['Багдад'] } },
  { id: 'beirut', forms: { en: ['Beirut'], da: ['Beirut'], ro: ['Beirut'], sl: ['Bejrut'], ...hbs('Bejrut'), mk: ['Бејрут'] } },
  { id: 'crimea', forms: { en: ['Crimea'], da: ['Krim'], ro: ['Crimeea'], sl: ['Krim'], ...hbs('Krim'), mk: ['Крим'] } },
];

/** Every concept polyalign knows by name: the countries and capitals above, and the regions and events of well-known.ts. */
export const KNOWN_NAMES: readonly Exonym[] = [...EXONYMS, ...REGIONS, ...EVENTS];

/**
 * The words of a name as the table compares them: every word but punctuation, each normalised
 * (`Dalekom istoku` → `dalek istok`), and whether it is capitalised.
 */
function formWords(form: string, lang: LangCode): { keys: string[]; caps: boolean[] } {
  const words = form.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return { keys: words.map((w) => normaliseWord(w, lang)), caps: words.map((w) => /^\p{Lu}/u.test(w)) };
}

function indexKey(keys: readonly string[], lang: LangCode): string {
  return `${languageFamily(lang)}\t${keys.join(' ')}`;
}

interface IndexEntry {
  id: string;
  /** Words that the table writes with a capital, and a mention must too. */
  caps: boolean[];
}

// Table form key → concept id. Two concepts sharing a key is an error in the table itself,
// so it fails when the module loads, not on some later input.
function buildIndex(): ReadonlyMap<string, IndexEntry> {
  const built = new Map<string, IndexEntry>();
  for (const { id, forms } of KNOWN_NAMES) {
    for (const [lang, list] of Object.entries(forms)) {
      for (const form of list) {
        const { keys, caps } = formWords(form, lang);
        const key = indexKey(keys, lang);
        const other = built.get(key);
        if (other !== undefined && other.id !== id) throw new PolyalignError('internal', `Exonym table: ${form} (${lang}) is both ${other.id} and ${id}`);
        built.set(key, { id, caps: other ? caps.map((c, i) => c && other.caps[i]!) : caps });
      }
    }
  }
  return built;
}

const INDEX = buildIndex();

/** Every table form's key (language family, then word keys) with its concept id. */
export function exonymIndex(): ReadonlyMap<string, string> {
  return new Map([...INDEX].map(([key, entry]) => [key, entry.id]));
}

/**
 * `X:pyongyang` for `Phenian`, `Phenianul`, `Pjongjangom`, `Пјонгјанг`; `X:far-east` for `Daleki
 * istok`, `Dalekom istoku`: the concept a name stands for in the table, from the keys of all its
 * words; undefined when the name is not in the table, or a word the table capitalises is lower
 * case in the mention. `parts` (the candidate's content words) must not be empty.
 */
export function exonymKey(form: string, parts: readonly string[], lang: LangCode): string | undefined {
  if (parts.length === 0) return undefined;
  const { keys, caps } = formWords(form, lang);
  const own = INDEX.get(indexKey(keys, lang));
  // An English name of several words is the same name in any language's text (a Danish article
  // quoting “Victory Day”); one English word may be another language's word, and is not.
  const english = own === undefined && keys.length >= 2 && languageFamily(lang) !== 'other' ? INDEX.get(indexKey(formWords(form, 'en').keys, 'en')) : undefined;
  const entry = own ?? english;
  if (entry === undefined || entry.caps.some((c, i) => c && !caps[i])) return undefined;
  return `X:${entry.id}`;
}

/** The table's language for a language code: `sr-Latn` → `sr`; undefined for a language it does not cover or Serbian in Cyrillic. */
export function exonymLang(lang: LangCode): ExonymLang | undefined {
  if (lang === 'sr-Cyrl') return undefined; // the table's Serbian forms are Latin
  const base = lang.split('-')[0]!.toLowerCase();
  return (['en', 'da', 'ro', 'sl', 'hr', 'bs', 'sr', 'mk'] as const).find((l) => l === base);
}

/** The concept of the exonym table a name stands for (`Phenianul` → Pyongyang), or undefined. */
export function exonymOf(form: string, lang: LangCode): Exonym | undefined {
  const key = exonymKey(form, [form], lang);
  return key === undefined ? undefined : KNOWN_NAMES.find((e) => `X:${e.id}` === key);
}
