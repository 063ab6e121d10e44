// Text to the bytes of a single-byte legacy encoding (the inverse of TextDecoder), for fixtures:
// the seeds as an older archive would have saved them. Characters the encoding lacks are first
// replaced as a writer of that encoding would have typed them (`ѝ` as `и`, `„…“` as `"…"`).

const FALLBACK: Record<string, string> = { ѝ: 'и', Ѝ: 'И', '„': '"', '“': '"', '”': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '…': '...', '«': '"', '»': '"' };

/** The text as the encoding can hold it (what a UTF-8 copy of the same file would say). */
export function representable(text: string, encoding: string): string {
  const table = byteTable(encoding);
  return [...text].map((c) => (table.has(c) ? c : (FALLBACK[c] ?? c))).join('');
}

function byteTable(encoding: string): Map<string, number> {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const c = decoder.decode(Uint8Array.of(b));
    if (c !== '\uFFFD' && !table.has(c)) table.set(c, b);
  }
  return table;
}

export function encodeLegacy(text: string, encoding: string): Uint8Array {
  const table = byteTable(encoding);
  return Uint8Array.from([...representable(text, encoding)].map((c) => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`${encoding} has no ${c} (U+${c.codePointAt(0)!.toString(16)})`);
    return b;
  }));
}

/** UTF-16 LE without a byte-order mark. */
export function encodeUtf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}
