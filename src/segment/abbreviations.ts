// Abbreviations after which a full stop does not end a sentence, per language, lower case.
// Only those that stand before what follows them (titles, `npr.`, `br. 5`, `d.o.o. Sarajevo`).
// Those that usually close a sentence (`itd.`, `osv.`, `m.fl.`, `etc.`, `и др.`) are left out
// on purpose: before a capital letter they end the sentence far more often than not, and
// before a lower-case word no full stop breaks anyway.

import type { LangCode } from '../types.ts';

const COMMON = 'mr. mrs. ms. dr. prof. st. sv. jr. vs. e.g. i.e. no. nr. ca. approx. gen. col. lt. sgt. capt. gov. sen. rep. inc. ltd. co. corp. mt. ft. dept.';

const BY_LANGUAGE: Record<string, string> = {
  bcs: 'npr. tj. t.j. sv. g. gđa. gđe. gđi. gđu. gđom. gđ. gđica. gosp. gdin. dr. mr. d.o.o. d.d. ul. br. tzv. odn. str. v.d. ' +
    'prof. doc. mil. mlrd. god. st. min. tel. čl. prim. akad. dipl. ing. inž. mag. pok. pribl. engl. njem. franc. tal. lat. grč. ' +
    'т.е. т.ј. тј. др. бр. г. гђа. гђе. гђи. гђу. гђ. ул. проф. стр. св. тзв. нпр. мил. млрд. год. чл. енгл. нем. лат.',
  mk: 'т.е. т.н. д-р. др. мр. бр. г. гн. гѓа. ул. проф. стр. св. мил. млрд. год. пр. чл. ген. нпр. анг. англ. герм. фр. лат.',
  sl: 'npr. tj. t.i. t.j. dr. mag. prof. g. ga. ge. go. gdč. št. sv. ul. oz. mio. mrd. d.o.o. d.d. str. pribl. min. mr. kap. angl. nem. lat.',
  ro: 'dl. dna. d-l. d-na. dr. prof. nr. str. art. alin. lit. pct. gen. col. lt. mil. mld. sf. ex. aprox. cca. vol. pag. engl. lat.',
  da: 'f.eks. fx. bl.a. ca. kl. nr. dvs. pga. evt. jf. hr. fr. inkl. ekskl. mio. mia. stk. s. vedr. ifm. iflg. mht. tlf. pct. dr. prof. skt. st. ang. el. resp. eng. lat.',
};

/** Which list a language code uses: Serbian in either script, Bosnian and Croatian share one. */
const LIST_OF: Record<string, string> = { bs: 'bcs', hr: 'bcs', sr: 'bcs', sh: 'bcs', cnr: 'bcs', mk: 'mk', sl: 'sl', ro: 'ro', da: 'da' };

function toSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(' ')));
}

const ALL = toSet(COMMON, ...Object.values(BY_LANGUAGE));
const CACHE = new Map<string, ReadonlySet<string>>();

/** The abbreviations for a language (its primary subtag decides); every list for `und` or an unknown code. */
export function abbreviationsFor(lang: LangCode, extra: readonly string[] = []): ReadonlySet<string> {
  const list = LIST_OF[lang.split('-')[0]!.toLowerCase()];
  const key = `${list ?? '*'}|${extra.join(' ')}`;
  let set = CACHE.get(key);
  if (!set) {
    const base = list ? toSet(COMMON, BY_LANGUAGE[list]!) : ALL;
    set = extra.length > 0 ? new Set([...base, ...extra.map((a) => (a.endsWith('.') ? a : `${a}.`).toLowerCase())]) : base;
    CACHE.set(key, set);
  }
  return set;
}
