// franc answers in ISO 639-3; polyalign speaks BCP 47. A table, not a chain of ifs.
// Serbian and Bosnian/Croatian/Serbian ties are settled in bcs.ts, not here.

/** ISO 639-3 → BCP 47 primary subtag, for the languages a European news corpus meets. */
export const ISO639_3_TO_BCP47: Readonly<Record<string, string>> = {
  bos: 'bs', hrv: 'hr', srp: 'sr', slv: 'sl', mkd: 'mk', bul: 'bg', ron: 'ro', dan: 'da',
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', swe: 'sv',
  nob: 'nb', nno: 'nn', fin: 'fi', ekk: 'et', lvs: 'lv', lit: 'lt', pol: 'pl', ces: 'cs',
  slk: 'sk', hun: 'hu', ell: 'el', tur: 'tr', als: 'sq', rus: 'ru', ukr: 'uk', bel: 'be',
  cat: 'ca', glg: 'gl', isl: 'is', gle: 'ga', cym: 'cy', mlt: 'mt', eus: 'eu', kat: 'ka',
  hye: 'hy', ara: 'ar', heb: 'he', fas: 'fa', zho: 'zh', cmn: 'zh', jpn: 'ja', kor: 'ko',
};

/** The BCP 47 code of an ISO 639-3 code; `und` when the table does not know it. */
export function toBcp47(iso: string): string {
  return ISO639_3_TO_BCP47[iso] ?? 'und';
}
