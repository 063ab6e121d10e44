// The language of a document: franc on the article text, its ISO 639-3 answer mapped to
// BCP 47, and the Bosnian/Croatian/Serbian question settled by the rule in bcs.ts.
// Uncertainty is data: a text too short to judge gets `und`, not an exception.

import { francAll } from 'franc';
import { dominantScript } from '../text/script.ts';
import type { Document, LanguageInfo } from '../types.ts';
import { settleBcs } from './bcs.ts';
import { toBcp47 } from './iso.ts';

/** franc's own minimum: shorter samples are `und`. */
export const DEFAULT_MIN_LENGTH = 10;
/** franc's scores are relative (its answer scores 1); a runner-up this far below counts as certain. */
export const CONFIDENT_GAP = 0.01;

export interface DetectOptions {
  /** ISO 639-3 codes franc may answer with; default: all it knows. */
  only?: string[];
  /** Shorter samples are `und`. Default {@link DEFAULT_MIN_LENGTH}. */
  minLength?: number;
}

/** franc answers that the bs/hr/sr rule settles, per script. */
const BCS_GROUP = new Set(['bos', 'hrv', 'srp']);

/**
 * Detect the language of a document from its body (or from `sentences` when given, e.g.
 * to judge only what segmentation kept).
 */
export function detectLanguage(doc: Document, sentences?: string[], options: DetectOptions = {}): LanguageInfo {
  const sample = sentences ? sentences.join('\n') : doc.body.map((range) => doc.text.slice(range.start, range.end)).join('\n');
  const script = dominantScript(sample);
  const ranked = francAll(sample, { minLength: options.minLength ?? DEFAULT_MIN_LENGTH, ...(options.only ? { only: options.only } : {}) });
  const franc = ranked[0]?.[0] ?? 'und';
  if (franc === 'und') return { code: 'und', script, source: 'detected', franc, confidence: 0, note: 'franc: und; too little text to judge' };

  const bcs = BCS_GROUP.has(franc) || (script === 'Cyrl' && franc === 'mkd');
  // Within the bs/hr/sr group franc's order means little; its confidence is about the group.
  const group = bcs ? new Set([...BCS_GROUP, 'mkd']) : new Set([franc]);
  const runnerUp = ranked.find(([code]) => !group.has(code))?.[1] ?? 0;
  // three decimals: enough to compare, and run.json stays readable
  const confidence = Math.round(1000 * Math.min(1, Math.max(0, (1 - runnerUp) / CONFIDENT_GAP))) / 1000;
  if (bcs) {
    const { code, note } = settleBcs(sample, script, franc);
    return { code, script, source: 'detected', franc, confidence, note };
  }
  return { code: toBcp47(franc), script, source: 'detected', franc, confidence };
}
