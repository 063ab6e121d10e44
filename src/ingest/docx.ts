// A Word (.docx) article: its text, read with mammoth (pure JavaScript), one paragraph a line,
// so the rest of the pipeline reads it as it reads a text file. Older `.doc`, OpenDocument and
// PDF files have no such well-kept reader without a native download, and are refused (load.ts).

import mammoth from 'mammoth';
import { PolyalignError } from '../errors.ts';

export async function docxText(bytes: Uint8Array, path: string): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth ends every paragraph with a blank line; one line per paragraph is what a text file has.
    return `${value.split(/\n+/).map((l) => l.trim()).filter(Boolean).join('\n')}\n`;
  } catch (cause) {
    throw new PolyalignError('input.format', `cannot read this Word document (${reasonOf(cause)}); save the article as plain text (.txt)`, { path, cause });
  }
}

/**
 * What went wrong inside the document, without the XML parser's decoration: its reports read
 * `error: [xmldom error]\tentity not found:&nbsp;\n@#[line:undefined,col:undefined]`.
 */
function reasonOf(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const xml = /\[xmldom (?:error|warning|fatalError)\]/i.test(message);
  const reason = message
    .replace(/@#\[line:[^\]]*\]/g, '')
    .replace(/^\s*error:\s*/i, '')
    .replace(/\[xmldom (?:error|warning|fatalError)\]/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (reason === '') return 'no reason given';
  return xml ? `its XML is broken: ${reason}` : reason;
}
