// The one order of links that every output and stage uses, so that two runs give the same bytes.

import { compareStrings } from '../text/compare.ts';
import type { Span } from '../types.ts';

interface Linked {
  src: Span;
  tgt: Span;
}

/** Within one document pair: by source position, then target position, then span ends. */
export function byPosition(p: Linked, q: Linked): number {
  return p.src.first - q.src.first || p.tgt.first - q.tgt.first || p.src.last - q.src.last || p.tgt.last - q.tgt.last;
}

/** Across document pairs: by source document, target document (code-unit order), then position. */
export function byDocsThenPosition(p: Linked, q: Linked): number {
  return compareStrings(p.src.doc, q.src.doc) || compareStrings(p.tgt.doc, q.tgt.doc) || byPosition(p, q);
}
