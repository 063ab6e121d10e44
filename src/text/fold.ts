// Diacritic folding: `Putinom` and `Pútinom`, `Phenianul` and `Phenianul`, `Đ` and `Dj`
// compare equal after it. Letters that Unicode does not decompose get explicit values.

const EXTRA: Record<string, string> = {
  đ: 'dj', Đ: 'Dj', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss',
  ł: 'l', Ł: 'L', ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H',
};

const EXTRA_LETTERS = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g');
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Strip combining marks after NFD decomposition and map the few letters that do not decompose. */
export function foldDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFD').replace(MARKS, '').replace(EXTRA_LETTERS, (ch) => EXTRA[ch]!).normalize('NFC');
}
