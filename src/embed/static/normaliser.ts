// The text normaliser of polyalign's static model, written as a Hugging Face `tokenizers`
// normaliser (the `normalizer` of tokenizer.json), so that another tool that loads the
// tokenizer.json sees the same tokens. POLYALIGN_NORMALISER is the definition; `normaliser()`
// interprets the JSON subset it uses (Sequence, Lowercase, NFD, NFC, NFKC, StripAccents,
// Replace with a string or regex pattern), so that the JSON, not a copy in code, is the truth.
//
// What it does, in order: lower case; Cyrillic to Latin with the Serbian and Macedonian tables
// (Macedonian ќ/ѓ read as their Serbian cognates ћ/ђ, so `меѓу`/`među` meet); diacritics
// stripped; the letters that do not decompose spelled out; and a few spelling differences
// flattened that separate related languages (ijekavian `vrijeme` / ekavian `vreme`, `ph`/`f`,
// `th`/`t`, `w`/`v`, `y`/`j`, `q`/`k`, `x`/`ks`), as the lexical embedder's key does.

export type NormaliserSpec =
  | { type: 'Sequence'; normalizers: NormaliserSpec[] }
  | { type: 'Lowercase' }
  | { type: 'NFD' }
  | { type: 'NFC' }
  | { type: 'NFKC' }
  | { type: 'StripAccents' }
  | { type: 'Replace'; pattern: { String: string } | { Regex: string }; content: string };

const CYRILLIC: Array<[string, string]> = [
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['д', 'd'], ['е', 'e'], ['ж', 'z'], ['з', 'z'], ['и', 'i'],
  ['ј', 'j'], ['к', 'k'], ['л', 'l'], ['љ', 'lj'], ['м', 'm'], ['н', 'n'], ['њ', 'nj'], ['о', 'o'], ['п', 'p'],
  ['р', 'r'], ['с', 's'], ['т', 't'], ['у', 'u'], ['ф', 'f'], ['х', 'h'], ['ц', 'c'], ['ч', 'c'], ['џ', 'dz'],
  ['ш', 's'], ['ђ', 'dj'], ['ћ', 'c'], ['ѓ', 'dj'], ['ќ', 'c'], ['ѕ', 'dz'], ['й', 'j'], ['ы', 'i'], ['э', 'e'],
  ['ю', 'ju'], ['я', 'ja'], ['ё', 'jo'], ['щ', 'sc'], ['ъ', ''], ['ь', ''], ['є', 'je'], ['і', 'i'], ['ї', 'ji'],
  ['ґ', 'g'], ['ў', 'u'],
];
const UNDECOMPOSED: Array<[string, string]> = [
  ['đ', 'dj'], ['ø', 'o'], ['æ', 'ae'], ['œ', 'oe'], ['ß', 'ss'], ['ł', 'l'], ['ı', 'i'], ['þ', 'th'], ['ð', 'd'],
];
const SPELLING: Array<[string, string]> = [
  ['ije', 'e'], ['ph', 'f'], ['th', 't'], ['w', 'v'], ['y', 'j'], ['q', 'k'], ['x', 'ks'],
];

const replace = ([from, to]: [string, string]): NormaliserSpec => ({ type: 'Replace', pattern: { String: from }, content: to });

export const POLYALIGN_NORMALISER: NormaliserSpec = {
  type: 'Sequence',
  normalizers: [
    { type: 'NFC' },
    { type: 'Lowercase' },
    ...CYRILLIC.map(replace),
    { type: 'NFD' },
    { type: 'StripAccents' },
    ...UNDECOMPOSED.map(replace),
    ...SPELLING.map(replace),
  ],
};

/** A function that applies `spec` to a text. Throws on a normaliser type outside the subset. */
export function normaliser(spec: NormaliserSpec): (text: string) => string {
  switch (spec.type) {
    case 'Sequence': {
      const steps = mergeStringReplacements(spec.normalizers.map((s) => s));
      return (text) => steps.reduce((t, step) => step(t), text);
    }
    case 'Lowercase':
      return (text) => text.toLowerCase();
    case 'NFD':
    case 'NFC':
    case 'NFKC':
      return (text) => text.normalize(spec.type);
    case 'StripAccents':
      return (text) => text.replace(/\p{Mn}/gu, '');
    case 'Replace': {
      if ('String' in spec.pattern) {
        const from = spec.pattern.String;
        return (text) => text.split(from).join(spec.content);
      }
      const regex = new RegExp(spec.pattern.Regex, 'gu');
      return (text) => text.replace(regex, spec.content);
    }
    default:
      throw new Error(`Expected a normaliser of type Sequence, Lowercase, NFD, NFC, NFKC, StripAccents or Replace, not ${(spec as { type: string }).type}`);
  }
}

/**
 * Runs of single-character string replacements are applied in one pass over the text (one
 * table lookup per character) instead of one pass each: the same result, since a character
 * that one replacement writes is never the pattern of a later one in the same run (checked).
 */
function mergeStringReplacements(specs: NormaliserSpec[]): Array<(text: string) => string> {
  const steps: Array<(text: string) => string> = [];
  let run = new Map<string, string>();
  const flush = () => {
    if (run.size === 0) return;
    const table = run;
    steps.push((text) => {
      let out = '';
      let last = 0;
      for (let i = 0; i < text.length; i++) {
        const to = table.get(text[i]!);
        if (to === undefined) continue;
        out += text.slice(last, i) + to;
        last = i + 1;
      }
      return last === 0 ? text : out + text.slice(last);
    });
    run = new Map();
  };
  for (const spec of specs) {
    const single = spec.type === 'Replace' && 'String' in spec.pattern && spec.pattern.String.length === 1;
    const writesPattern = single && [...run.values()].some((to) => to.includes((spec.pattern as { String: string }).String));
    if (single && !writesPattern) {
      run.set((spec.pattern as { String: string }).String, spec.content);
      continue;
    }
    flush();
    if (single) {
      run.set((spec.pattern as { String: string }).String, spec.content);
      continue;
    }
    steps.push(normaliser(spec));
  }
  flush();
  return steps;
}
