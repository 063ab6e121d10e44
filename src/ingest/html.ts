// An article saved from the web: its main text, extracted with Mozilla's Readability (the
// extractor behind Firefox's reader view) over a linkedom DOM (pure JavaScript; jsdom needs a
// newer Node). Navigation, scripts, styles, share buttons, cookie banners and related-article
// boxes are dropped; the headline and each paragraph, heading, list item or quotation of the
// article become one line, so the rest of the pipeline reads the page as it reads a text file.
// Readability weighs the page's blocks, and a consent banner of a few sentences beside a short
// article can weigh as much as a paragraph of it; so the page is narrowed first: to its one
// <article> (or <main>) when it has one, and without the elements that are consent banners, share
// bars or newsletter boxes by their class, id or role, or by their words (a short block on cookies
// that asks to accept them). What was dropped is counted for run.json.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PolyalignError } from '../errors.ts';
import type { DocumentExtraction } from '../types.ts';

export const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];
/** Elements a page holds besides its article, counted before extraction (run.json `extraction.dropped`). */
const BOILERPLATE = ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'button'];
const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'FIGCAPTION', 'TD', 'TH']);

/** Class, id, role or label of an element that is no part of an article. */
const NOT_ARTICLE = /cookie|consent|gdpr|\bcmp\b|onetrust|didomi|usercentrics|share|social|newsletter|subscribe|paywall|related|recommend|comments?\b|promo|advert|\bads?\b|banner/i;
/** A consent notice by its words: cookies, and a verb asking to accept or allow them (bs/hr/sr, sl, ro, mk, da, en). */
const COOKIES = /\b(?:cookies?|cookie-uri|kolačić\w*|kolacic\w*|piškot\w*|колачи\w*|колачињ\w*)/iu;
const CONSENT = /\b(?:accept\w*|acceptér\w*|godkend\w*|tillad\w*|prihvat\w*|dozvol\w*|sprejm\w*|dovol\w*|accepta\w*|прифат\w*|дозвол\w*|allow\w*|agree\w*)/iu;
const CONSENT_MAX_CHARS = 400;

interface Element extends Node {
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

/** Banners, bars and boxes are short; an element longer than this, or holding a headline, may wrap the article (`<div class="content has-social">`). */
const BOX_MAX_CHARS = 1500;

/** Whether an element is a banner, bar or box around an article rather than part of it. */
function notArticle(el: Element): boolean {
  const tag = el.tagName?.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') return false;
  const text = collapse(el.textContent ?? '');
  if (text.length > BOX_MAX_CHARS || el.querySelectorAll('article, main, h1').length > 0) return false;
  const names = [el.getAttribute('class'), el.getAttribute('id'), el.getAttribute('role'), el.getAttribute('aria-label')].filter(Boolean).join(' ');
  if (names && NOT_ARTICLE.test(names)) return true;
  return text.length > 0 && text.length <= CONSENT_MAX_CHARS && COOKIES.test(text) && CONSENT.test(text);
}

/** The page narrowed to what may be its article: see the header. Returns how many elements were dropped. */
function narrow(document: { body: Element | null; querySelectorAll(selector: string): ArrayLike<Element> }): number {
  let removed = 0;
  for (const el of Array.from(document.querySelectorAll('div, section, p, ul, ol, span, aside, dialog, form'))) {
    if (el.tagName && notArticle(el)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** The page's one <article> (else its one <main>) as a page of its own, with the page's title; undefined when there is none or several. */
function articleOnly(document: { querySelectorAll(selector: string): ArrayLike<Element> }, title: string): string | undefined {
  for (const tag of ['article', 'main']) {
    const found = document.querySelectorAll(tag);
    if (found.length === 1) return `<!doctype html><html><head><title>${escapeText(title)}</title></head><body>${(found[0] as unknown as { outerHTML: string }).outerHTML}</body></html>`;
  }
  return undefined;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

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
  const { document: page } = parseHTML(html);
  const dropped: Record<string, number> = {};
  for (const tag of BOILERPLATE) {
    const n = page.querySelectorAll(tag).length;
    if (n > 0) dropped[tag] = n;
  }
  const pageText = collapse(page.body?.textContent ?? '');
  const only = articleOnly(page as never, collapse(page.title ?? ''));
  const document = only ? parseHTML(only).document : page;
  const banners = narrow(document as never);
  if (banners > 0) dropped.banner = banners;
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
  if (title && !lines.slice(0, 3).some((line) => sameHeadline(line, title))) lines.unshift(title);
  const text = `${lines.join('\n')}\n`;
  return { text, extraction: { extractor: 'readability', title, pageChars: pageText.length, keptChars: lines.join(' ').length, dropped } };
}

/** A page title is the headline when it is the headline with the site's name after it: `Putin takker Kim | Nyheder`. */
function sameHeadline(line: string, title: string): boolean {
  if (line === title) return true;
  const bare = title.replace(/\s+[|–—•·-]\s+[^|–—•·]{1,60}$/u, '').trim();
  return bare.length > 0 && (line === bare || line.startsWith(bare));
}
