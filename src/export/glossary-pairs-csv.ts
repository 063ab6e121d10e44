// glossary.<a>_<b>.csv (`--format glossary-pairs`): a bilingual glossary per pair of languages, for the
// CAT tools and term bases that import CSV glossaries (memoQ, Phrase, Trados's glossary converter,
// OmegaT after a save as tab-separated text). One row per name the two languages share: the source
// term, the target term (each language's preferred, base form), the type, and a note with the
// canonical name and the other forms seen, so the CSV stands without glossary.csv beside it.
// The term columns are headed by locale (bs-BA, da-DK), which Phrase maps to languages on import and
// memoQ offers as the column's language.

import type { RunResult } from '../types.ts';
import { toCsv, type Cell } from './csv.ts';
import { glossaryPairs, variantsOf } from './glossary-view.ts';
import { VARIANT_SEPARATOR } from './glossary-csv.ts';
import type { OutputFile } from './files.ts';
import { localeOf } from './locales.ts';

export const PAIR_GLOSSARY_CSV_NAME = /^glossary\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*_[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\.csv$/;

export function pairGlossaryCsvFiles(result: RunResult): OutputFile[] {
  return glossaryPairs(result).map(({ a, b, entries }) => {
    const header = [localeOf(result.locales, a), localeOf(result.locales, b), 'type', 'note'];
    const rows: Cell[][] = entries.map((e) => {
      const [va, vb] = [variantsOf(e, a), variantsOf(e, b)];
      const others = [
        va.length > 1 ? `${a}: ${va.slice(1).map((v) => v.form).join(VARIANT_SEPARATOR)}` : '',
        vb.length > 1 ? `${b}: ${vb.slice(1).map((v) => v.form).join(VARIANT_SEPARATOR)}` : '',
      ].filter(Boolean);
      const note = [`canonical: ${e.canonical}`, ...(others.length > 0 ? [`other forms: ${others.join('; ')}`] : []), `${e.id}`].join('; ');
      return [va[0]!.form, vb[0]!.form, e.type, note];
    });
    return { name: `glossary.${a}_${b}.csv`, content: toCsv(header, rows, result.csv) };
  });
}
