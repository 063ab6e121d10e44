// `polyalign segment <file>`: the sentences of one file, to check segmentation by eye.

import { loadDocuments } from '../ingest/index.ts';
import { applyOverride, detectLanguage } from '../language/index.ts';
import { segment } from '../segment/index.ts';

export async function segmentCommand(file: string, options: { lang?: string; json: boolean }): Promise<string> {
  const [doc] = await loadDocuments([file]);
  if (!doc) return '';
  const detected = detectLanguage(doc);
  const lang = options.lang ? applyOverride(detected, options.lang) : detected;
  const sentences = segment(doc, lang);
  if (options.json) {
    return sentences.map((s) => JSON.stringify({ doc: doc.id, lang: lang.code, sent: s.index, start: s.start, end: s.end, text: s.text })).join('\n') + '\n';
  }
  const lines = [`# ${doc.id}  ${lang.code}${lang.note ? ` (${lang.note})` : ''}  ${sentences.length} sentences`];
  for (const r of doc.removed) lines.push(`# set aside (${r.kind}) ${r.start}-${r.end}: ${r.text.replace(/\s+/g, ' ')}`);
  for (const s of sentences) lines.push(`${s.index}\t${s.start}-${s.end}\t${s.text.replace(/\s*\n\s*/g, ' ⏎ ')}`);
  return lines.join('\n') + '\n';
}
