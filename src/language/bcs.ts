// Bosnian, Croatian and Serbian share one grammar, and franc's trigrams cannot tell them
// apart (it calls the Bosnian seed `srp`, with bos and hrv a hair behind). One rule settles
// them, from the features that editors and translators themselves use to tell them apart:
//
//   0. Latin, but Slovene function words (`in`, `ki`, `tudi`, `kot`, `ker`, `zelo`) outnumber
//      their Bosnian/Croatian/Serbian counterparts (`i`, `koji`, `kao`, `jer`, `ako`, `vrlo`):
//      Slovene (`sl`). franc now and then puts a Slovene article in this group.
//   1. Cyrillic: Serbian (`sr-Cyrl`), unless Macedonian letters (ѓ ќ ѕ) outnumber the
//      Serbian-only ones (ђ ћ), or franc said `mkd` and neither kind of letter decides.
//   2. Latin, ekavian (`predsednik`, `vreme`, `reč`, `gde`) outnumbering ijekavian
//      (`predsjednik`, `vrijeme`, `riječ`, `gdje`): Serbian (`sr-Latn`).
//   3. Latin, otherwise: Croatian vocabulary (`tijekom`, `tisuća`, `tjedan`, `tko`, month
//      names `siječanj`..., `sveučilište`, `obitelj`, `Europa`) against the vocabulary that
//      Bosnian shares with Serbian (`tokom`, `hiljada`, `sedmica`, `ko`, `septembar`,
//      `historija`, `Evropa`, `porodica`): the larger count wins, `hr` or `bs`.
//   4. No evidence either way: franc's answer.
//
// Ijekavian Serbian (Republika Srpska, Montenegro) comes out `bs` by this rule: it has
// the Bosnian vocabulary and the ijekavian reflex. That is a known limit, said in the note.

import type { LangCode, Script } from '../types.ts';

/** Ekavian forms whose ijekavian counterparts are listed in IJEKAVIAN (whole words). */
const EKAVIAN = new RegExp('^(?:' + [
  'predsedn\\p{L}*', 'vreme', 're[čc]i?', 'rečju', 'rečima', 'gde', 'pre', 'posle', 'uvek', 'dve', 'mest[aou]?', 'mestima',
  'mesec\\p{L}*', 'deo', 'del[ua]', 'delov\\p{L}*', 'dec[aeio]', 'decom', 'dete', 'deteta', 'sever\\p{L}*', 'verovatno',
  'sledeć\\p{L}*', 'poslednj\\p{L}*', 'bezbedn\\p{L}*', 'pobed\\p{L}*', 'promen\\p{L}*', 'umesto', 'želeo', 'želela',
  'hteo', 'htela', 'voleo', 'volela', 'živeo', 'živela', 'razumeo', 'nedelj\\p{L}*', 'letnj\\p{L}*', 'cen[aeiu]', 'cenama',
  'svetsk\\p{L}*', 'lep[aeiou]?', 'lepog', 'vest', 'vesti', 'izvest\\p{L}*', 'izvešt\\p{L}*', 'mer[aeiu]', 'merama',
  'primer\\p{L}*', 'smer\\p{L}*', 'namer\\p{L}*', 'ponedeljak', 'zamen\\p{L}*', 'odeljen\\p{L}*', 'rek[aeu]', 'rekom',
  'tel[aou]', 'vek', 'vek[au]', 'vekova', 'čovek\\p{L}*', 'devojk\\p{L}*', 'mleko', 'sneg\\p{L}*', 'uspe[hšl]\\p{L}*',
  'napred', 'zvezd\\p{L}*', 'bel[aeiou]', 'belog', 'cel[aeiou]', 'celog', 'celokupn\\p{L}*', 'oseća\\p{L}*', 'seća\\p{L}*',
  'svedo\\p{L}*', 'pesm\\p{L}*', 'pevač\\p{L}*', 'spreč\\p{L}*', 'verova\\p{L}*', 'veruj\\p{L}*', 'menja\\p{L}*',
].join('|') + ')$', 'u');

const IJEKAVIAN = new RegExp('^(?:' + [
  'predsjedn\\p{L}*', 'vrijeme', 'riječ\\p{L}*', 'gdje', 'prije', 'poslije', 'uvijek', 'dvije', 'mjest\\p{L}*',
  'mjesec\\p{L}*', 'dio', 'dijel\\p{L}*', 'djec\\p{L}*', 'dijete', 'djeteta', 'sjever\\p{L}*', 'vjerovatno', 'vjerojatno',
  'sljedeć\\p{L}*', 'posljednj\\p{L}*', 'bezbjedn\\p{L}*', 'pobjed\\p{L}*', 'promjen\\p{L}*', 'umjesto', 'želio', 'željela',
  'htio', 'htjela', 'volio', 'voljela', 'živio', 'živjela', 'razumio', 'nedjelj\\p{L}*', 'ljetn\\p{L}*', 'cijen\\p{L}*',
  'svjetsk\\p{L}*', 'lijep\\p{L}*', 'vijest\\p{L}*', 'izvijest\\p{L}*', 'izvješt\\p{L}*', 'izvješć\\p{L}*', 'mjer\\p{L}*',
  'primjer\\p{L}*', 'smjer\\p{L}*', 'namjer\\p{L}*', 'ponedjeljak', 'zamjen\\p{L}*', 'odjeljen\\p{L}*', 'rijek\\p{L}*',
  'tijel\\p{L}*', 'vijek\\p{L}*', 'čovjek\\p{L}*', 'djevojk\\p{L}*', 'mlijek\\p{L}*', 'snijeg\\p{L}*', 'uspje\\p{L}*',
  'naprijed', 'zvijezd\\p{L}*', 'bijel\\p{L}*', 'cijel\\p{L}*', 'osjeća\\p{L}*', 'sjeća\\p{L}*', 'svjedo\\p{L}*',
  'pjesm\\p{L}*', 'pjevač\\p{L}*', 'spriječ\\p{L}*', 'vjerova\\p{L}*', 'vjeruj\\p{L}*', 'mijenja\\p{L}*',
].join('|') + ')$', 'u');

/** Croatian standard vocabulary with a different Bosnian/Serbian word. */
const CROATIAN = new RegExp('^(?:' + [
  'tijekom', 'tjedan', 'tjedn\\p{L}*', 'tjedan\\p{L}*', 'tisuć\\p{L}*', 'vjerojatn\\p{L}*', 'milijun\\p{L}*', 'tvrtk\\p{L}*',
  'sveučilišt\\p{L}*', 'obitelj\\p{L}*', 'europ\\p{L}*', 'trenutačn\\p{L}*', 'tko', 'nitko', 'netko', 'itko', 'glasnogovorn\\p{L}*',
  'dužnosni\\p{L}*', 'sustav\\p{L}*', 'izvješć\\p{L}*', 'unatoč', 'zrakoplov\\p{L}*', 'kolodvor\\p{L}*', 'glazb\\p{L}*',
  'povijest\\p{L}*', 'znanost\\p{L}*', 'znanstven\\p{L}*', 'kazališt\\p{L}*', 'nogomet\\p{L}*', 'momčad\\p{L}*', 'točn\\p{L}*',
  'točk\\p{L}*', 'kemij\\p{L}*', 'kirurg\\p{L}*', 'ozljed\\p{L}*', 'priopćen\\p{L}*', 'tajnik\\p{L}*', 'veleposlan\\p{L}*',
  'ravnatelj\\p{L}*', 'sudac', 'suca', 'sucu', 'zapovjedn\\p{L}*', 'odvjetni\\p{L}*', 'kruh\\p{L}*', 'vlak\\p{L}*',
  'tvornic\\p{L}*', 'promet\\p{L}*', 'njezin\\p{L}*', 'desetljeć\\p{L}*', 'glasovanj\\p{L}*', 'osobito',
  'siječ\\p{L}*', 'veljač\\p{L}*', 'ožuj\\p{L}*', 'travanj', 'travnj\\p{L}*', 'svibanj', 'svibnj\\p{L}*', 'lipanj', 'lipnj\\p{L}*',
  'srpanj', 'srpnj\\p{L}*', 'kolovoz\\p{L}*', 'rujan', 'rujn\\p{L}*', 'listopad\\p{L}*', 'studeni', 'studenog\\p{L}*', 'prosin\\p{L}*',
].join('|') + ')$', 'u');

/** Vocabulary that Bosnian shares with Serbian where Croatian has another word. */
const BOSNIAN_SERBIAN = new RegExp('^(?:' + [
  'tokom', 'hiljad\\p{L}*', 'sedmic\\p{L}*', 'vjerovatn\\p{L}*', 'šta', 'ko', 'niko', 'neko', 'iko', 'milion\\p{L}*',
  'kompanij\\p{L}*', 'portparol\\p{L}*', 'zvaničn\\p{L}*', 'evrop\\p{L}*', 'sekretar\\p{L}*', 'oblast\\p{L}*', 'historij\\p{L}*',
  'istorij\\p{L}*', 'nauk[aeiu]', 'naučn\\p{L}*', 'univerzitet\\p{L}*', 'porodic\\p{L}*', 'fabrik\\p{L}*', 'opštin\\p{L}*',
  'hemij\\p{L}*', 'hirurg\\p{L}*', 'tačn\\p{L}*', 'tačk\\p{L}*', 'fudbal\\p{L}*', 'voz', 'vozom', 'hljeb\\p{L}*', 'ostrv\\p{L}*',
  'sudij\\p{L}*', 'komandant\\p{L}*', 'advokat\\p{L}*', 'aerodrom\\p{L}*', 'ambasad\\p{L}*', 'bezbjedn\\p{L}*',
  'saobraćaj\\p{L}*', 'pozorišt\\p{L}*', 'odsto', 'takođe', 'decenij\\p{L}*', 'glasanj\\p{L}*', 'zemljotres\\p{L}*', 'izvještaj\\p{L}*',
  'januar[au]?', 'februar[au]?', 'mart[au]?', 'jun[iau]?', 'jul[iau]?', 'avgust[au]?', 'septemb[ae]r[au]?', 'oktob[ae]r[au]?',
  'novemb[ae]r[au]?', 'decemb[ae]r[au]?',
].join('|') + ')$', 'u');

const SLOVENE_FUNCTION_WORDS = /^(?:in|ki|tudi|kot|ker|zelo)$/u;
const BCS_FUNCTION_WORDS = /^(?:i|koj[aeiu]|kojeg|kojem|kojim|kojoj|kojih|kao|jer|ako|vrlo|veoma)$/u;

const MACEDONIAN_LETTERS = /[ѓќѕЃЌЅ]/gu;
const SERBIAN_CYRILLIC_LETTERS = /[ђћЂЋ]/gu;

export interface BcsDecision {
  code: LangCode;
  /** One line: franc's answer, the evidence, the outcome (`franc: srp; ijekavian 9:0; tokom, hiljade 3:0 → bs`). */
  note: string;
}

/** Settle a text that franc put in the Bosnian/Croatian/Serbian group (or `mkd`, for Cyrillic). */
export function settleBcs(text: string, script: Script, franc: string): BcsDecision {
  return script === 'Cyrl' ? settleCyrillic(text, franc) : settleLatin(text, franc);
}

function settleCyrillic(text: string, franc: string): BcsDecision {
  const mk = text.match(MACEDONIAN_LETTERS)?.length ?? 0;
  const sr = text.match(SERBIAN_CYRILLIC_LETTERS)?.length ?? 0;
  const evidence = `ѓ ќ ѕ ${mk} : ђ ћ ${sr}`;
  if (mk !== sr) return decide(franc, evidence, mk > sr ? 'mk' : 'sr-Cyrl');
  return decide(franc, `${evidence}, franc decides`, franc === 'mkd' ? 'mk' : 'sr-Cyrl');
}

function settleLatin(text: string, franc: string): BcsDecision {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const slovene = tally(words, SLOVENE_FUNCTION_WORDS);
  const bcsWords = tally(words, BCS_FUNCTION_WORDS);
  if (slovene.count > bcsWords.count) return decide(franc, `Slovene function words ${slovene.count} : ${bcsWords.count} (${slovene.examples})`, 'sl');

  const ekavian = tally(words, EKAVIAN);
  const ijekavian = tally(words, IJEKAVIAN);
  const reflex = `ekavian ${ekavian.count} : ijekavian ${ijekavian.count}`;
  if (ekavian.count > ijekavian.count) return decide(franc, `${reflex} (${ekavian.examples})`, 'sr-Latn');

  const croatian = tally(words, CROATIAN);
  const bosnian = tally(words, BOSNIAN_SERBIAN);
  const vocabulary = `hr words ${croatian.count}${croatian.examples ? ` (${croatian.examples})` : ''} : bs/sr words ${bosnian.count}${bosnian.examples ? ` (${bosnian.examples})` : ''}`;
  if (croatian.count !== bosnian.count) return decide(franc, `${reflex}; ${vocabulary}`, croatian.count > bosnian.count ? 'hr' : 'bs');
  if (ijekavian.count > 0) return decide(franc, `${reflex}; ${vocabulary}, franc decides`, franc === 'hrv' ? 'hr' : 'bs');
  return decide(franc, 'no ekavian, ijekavian or vocabulary evidence, franc decides', franc === 'hrv' ? 'hr' : franc === 'bos' ? 'bs' : 'sr-Latn');
}

function decide(franc: string, evidence: string, code: LangCode): BcsDecision {
  return { code, note: `franc: ${franc}; ${evidence} → ${code}` };
}

/** How many words match, and the first three distinct ones as examples. */
function tally(words: string[], pattern: RegExp): { count: number; examples: string } {
  let count = 0;
  const examples = new Set<string>();
  for (const word of words) {
    if (!pattern.test(word)) continue;
    count++;
    if (examples.size < 3) examples.add(word);
  }
  return { count, examples: [...examples].join(', ') };
}
