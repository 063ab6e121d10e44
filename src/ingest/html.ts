// An article saved from the web: its main text, extracted with Mozilla's Readability (the
// extractor behind Firefox's reader view) over a linkedom DOM (pure JavaScript; jsdom needs a
// newer Node). Navigation, scripts, styles, share buttons, cookie banners and related-article
// boxes are dropped; the headline and each paragraph, heading, list item or quotation of the
// article become one line, so the rest of the pipeline reads the page as it reads a text file.
// What was dropped is counted for run.json.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PolyalignError } from '../errors.ts';
import type { DocumentExtraction } from '../types.ts';

export const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];
/** Elements a page holds besides its article, counted before extraction (run.json `extraction.dropped`). */
const BOILERPLATE = ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'button'];
const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'FIGCAPTION', 'TD', 'TH']);

/** Characters of visible text in the page and in what was kept; boilerplate elements by tag (none kept). */
export type Extraction = DocumentExtraction;

interface Node {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of every block that holds no other block, in document order. */
function blockLines(node: Node, out: string[]): boolean {
  let hasBlock = false;
  for (const child of Array.from(node.childNodes)) if (child.nodeType === 1 && blockLines(child, out)) hasBlock = true;
  if (node.tagName && BLOCKS.has(node.tagName.toUpperCase())) {
    if (!hasBlock) {
      const line = collapse(node.textContent ?? '');
      if (line) out.push(line);
    }
    return true;
  }
  return hasBlock;
}

export function isHtml(path: string, text: string): boolean {
  const lower = path.toLowerCase();
  return HTML_EXTENSIONS.some((e) => lower.endsWith(e)) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

export function extractArticle(html: string, path: string): { text: string; extraction: Extraction } {
  const { document } = parseHTML(html);
  const dropped: Record<string, number> = {};
  for (const tag of BOILERPLATE) {
    const n = document.querySelectorAll(tag).length;
    if (n > 0) dropped[tag] = n;
  }
  const pageText = collapse(document.body?.textContent ?? '');
  const article = new Readability(document as never).parse();
  if (!article?.content) throw new PolyalignError('input.empty', 'found no article text in this web page; save the article as plain text', { path });
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines: string[] = [];
  blockLines(content.body as unknown as Node, lines);
  if (lines.length === 0) {
    const all = collapse(content.body?.textContent ?? '');
    if (all) lines.push(all);
  }
  const title = collapse(article.title ?? '');
  if (title && !lines.slice(0, 3).includes(title)) lines.unshift(title);
  const text = `${lines.join('\n')}\n`;
  return { text, extraction: { extractor: 'readability', title, pageChars: pageText.length, keptChars: lines.join(' ').length, dropped } };
}
