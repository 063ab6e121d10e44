// Cyrillic to Latin, so that names and cognates in Macedonian and Serbian meet their
// Latin-script spellings (Ким Џонг Ун → Kim Džong Un). Serbian and Macedonian use the
// official national romanisations; Russian/Ukrainian/Bulgarian letters they lack get
// their common scholarly values so that no Cyrillic survives.

const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j',
  к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
  // Serbian
  ђ: 'đ', ћ: 'ć',
  // Macedonian
  ѓ: 'ǵ', ќ: 'ḱ', ѕ: 'dz',
  // Other Cyrillic alphabets, so that no Cyrillic letter survives
  й: 'j', ы: 'y', э: 'e', ю: 'ju', я: 'ja', ё: 'jo', щ: 'šč', ъ: '', ь: '',
  є: 'je', і: 'i', ї: 'ji', ґ: 'g', ў: 'ŭ',
};

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [lower, latin] of Object.entries(COMMON)) {
    table.set(lower, latin);
    const upper = lower.toUpperCase();
    if (upper !== lower) table.set(upper, latin.charAt(0).toUpperCase() + latin.slice(1));
  }
  return table;
}

const TABLE = buildTable();
const CYRILLIC = /[\u0400-\u04ff]/;
/** TABLE by UTF-16 unit, for the Cyrillic block. */
const BY_UNIT: Array<string | undefined> = Array.from({ length: 0x100 }, (_, k) => TABLE.get(String.fromCharCode(0x400 + k)));

/** Replace every Cyrillic letter with its Latin romanisation; other characters pass through. */
export function transliterate(text: string): string {
  if (!CYRILLIC.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const latin = c >= 0x400 && c < 0x500 ? BY_UNIT[c - 0x400] : undefined;
    out += latin ?? text[i]!;
  }
  return out;
}
