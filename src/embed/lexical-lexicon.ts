// A small closed-class lexicon: the words for days, months, small numbers, thousands,
// millions and percent in Bosnian, Croatian, Serbian, Slovene, Macedonian (transliterated),
// Romanian and Danish, mapped to one concept each. News sentences are full of them
// (`u utorak` / `marți` / `tirsdag`), and they are what Romanian and Danish share with the
// Slavic languages besides names. Forms are matched on the script-neutral key of a word
// (transliterated, folded, lower case). Words that mean something else too often in
// another of the languages are left out: Danish `to` (2; Slavic "that"), Romanian `mai`
// (May; "more"), Danish `en`/`et` and Romanian `un` (1; articles).

/**
 * Concepts that are numbers map to the same value as digits do, so `dva` meets `2`. The figure rules
 * (align/number-words.ts) read more number words than the embedder's features do, these among them.
 */
export const NUMBERS: ReadonlyArray<[string, RegExp]> = [
  ['2', /^(dva|dvije|dve|dvoje|dvojica|doi|doua)$/],
  ['3', /^(tri|troje|trojica|trei|tre)$/],
  ['4', /^(cetiri|stiri|patru|fire)$/],
  ['5', /^(pet|cinci|fem)$/],
  ['6', /^(sest|sase)$/],
  ['7', /^(sedam|sedem|sedum|sapte|syv)$/],
  ['8', /^(osam|osem|osum|opt|otte)$/],
  ['10', /^(deset|zece)$/],
];

const CONCEPTS: Array<[string, RegExp]> = [
  ['thousand', /^(hiljad|tisuc|tisoc|iljad|tusind)|^(mii|mie)$/],
  ['million', /^(milijun|milion|milijon|million|milioane)/],
  ['billion', /^(milijard|miliard|milliard)/],
  ['percent', /^(posto|procen|odstot)/],
  ['half', /^(pola|polovin|polovic|jumatate|halv)/],
  ['monday', /^(ponedjelj|ponedelj|ponedelnik|mandag)|^luni$/],
  ['tuesday', /^(utor(ak|ka|ku|kom)|tor(ek|ka|ku|kom)|vtornik|marti|tirsdag)$/],
  ['wednesday', /^(srijed|sred)(a|e|u|o|om)$|^(miercuri|onsdag)$/],
  ['thursday', /^(cetvrt(ak|ka|ku|kom|ok)|cetrt(ek|ka|ku|kom)|joi|torsdag)$/],
  ['friday', /^(pet(ak|ka|ku|kom|ek|ok)|vineri|fredag)$/],
  ['saturday', /^((su|so|sa)bot(a|e|u|o|om)|sambata|lordag)$/],
  ['sunday', /^(nedjelj|nedelj|nedel)(a|e|u|o|om|ja|je|ju|jo)?$|^(duminic|sondag)/],
  ['january', /^(januar|ianuarie|sijecanj|sijecnj)/],
  ['february', /^(februar|veljac)/],
  ['march', /^(mart|marta|martu|marec|marca|marcu|marts|martie|ozujak|ozujka|ozujku)$/],
  ['april', /^(april|aprila|aprilu|aprilie|aprili|travanj|travnja|travnju)$/],
  ['may', /^(maj|maja|maju|svibanj|svibnja|svibnju)$/],
  ['june', /^(jun|juna|junu|juni|junij|junija|iunie|lipanj|lipnja|lipnju)$/],
  ['july', /^(jul|jula|julu|juli|julij|julija|iulie|srpanj|srpnja|srpnju)$/],
  ['august', /^(avgust|august|kolovoz)(a|u)?$/],
  ['september', /^(septemb|septemvri|rujan|rujna|rujnu)/],
  ['october', /^(oktob|octombr|oktomvri|listopad)/],
  ['november', /^(novemb|noiembr|noemvri|studeni|studenog)/],
  ['december', /^(decemb|dekemb|dekemvri|prosin)/],
];

/** Acronyms of places and bodies that each language abbreviates differently; matched in capitals only. */
const ACRONYMS: Record<string, string> = {
  sad: 'usa', zda: 'usa', sua: 'usa', usa: 'usa',
  eu: 'eu', ue: 'eu',
  un: 'un', oun: 'un', onu: 'un', on: 'un', fn: 'un',
};

/** One pattern that any word of either list matches: most words match none, and one test says so. */
const anyOf = (list: ReadonlyArray<[string, RegExp]>) => new RegExp(list.map(([, p]) => `(?:${p.source})`).join('|'));
const ANY_NUMBER = anyOf(NUMBERS);
const ANY_CONCEPT = anyOf(CONCEPTS);

/** The number a word spells, if it is one of the lexicon's number words. */
export function numberWord(word: string): string | undefined {
  if (!ANY_NUMBER.test(word)) return undefined;
  for (const [value, pattern] of NUMBERS) if (pattern.test(word)) return value;
  return undefined;
}

/** The concept a word names (a day, a month, a magnitude), if any. */
export function concept(word: string): string | undefined {
  if (!ANY_CONCEPT.test(word)) return undefined;
  for (const [name, pattern] of CONCEPTS) if (pattern.test(word)) return name;
  return undefined;
}

/** The body an all-capitals acronym stands for (`SAD`, `ZDA`, `SUA` → `usa`), if known. */
export function acronym(word: string): string | undefined {
  return ACRONYMS[word];
}
