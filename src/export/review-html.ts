// review.html: one self-contained page for reviewing a run's links in a browser, from file:// with no
// server and no network. The run is embedded as JSON; the page script renders it a page of rows at a
// time and exports the reviewer's decisions as a CSV that `polyalign run --review` reads.

import { createHash } from 'node:crypto';
import type { RunResult } from '../types.ts';
import { reviewData } from './review-page/data.ts';
import { REVIEW_SCRIPT } from './review-page/script.ts';
import { REVIEW_STYLE } from './review-page/style.ts';

/**
 * JSON that can sit inside <script type="application/json">: `<` is written `\u003c`, so no sentence
 * can close the element (`</script>`) or open a comment; JSON.parse reads it back unchanged.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export function reviewHtml(result: RunResult): string {
  const data = reviewData(result);
  // The policy names the page's own script and style by hash and allows nothing else: no request
  // can leave the page, whatever a sentence holds.
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(REVIEW_SCRIPT)}`,
    `style-src ${cspHash(REVIEW_STYLE)}`,
    "img-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const title = `polyalign review: ${data.docs.map((d) => d.lang).join(', ')}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="polyalign">
<title>${escapeHtml(title)}</title>
<style>${REVIEW_STYLE}</style>
</head>
<body>
<header class="top">
  <div class="bar"><h1>polyalign review</h1><span class="meta" id="run-info"></span></div>
  <div class="legend" aria-label="Confidence legend">Confidence, the estimated chance that a translator confirms the link as equivalent:
    ${data.bands.map((b, i) => legendItem(b.id, b.label, b.min, i === 0 ? null : data.bands[i - 1]!.min)).join('\n    ')}
    <span class="type type-equivalent">equivalent</span> both sides say the same thing (a translation memory takes it)
    <span class="type type-related">related</span> they share a fact or quote, but one says more or other things
    <span class="flag">not accepted</span> a candidate the tool did not export (below the threshold, in conflict with a group, or weak with no third document to confirm it): confirm it to keep it
  </div>
  <p class="help" id="help">Keys: <kbd>j</kbd>/<kbd>&#8595;</kbd> next link, <kbd>k</kbd>/<kbd>&#8593;</kbd> previous,
    <kbd>c</kbd> or <kbd>y</kbd> confirm, <kbd>r</kbd> or <kbd>x</kbd> reject, <kbd>u</kbd> undo a decision of this review,
    <kbd>n</kbd>/<kbd>p</kbd> next/previous page. The buttons do the same with the mouse.</p>
  <p class="note">Your decisions are kept in this browser for this run, so a reload does not lose them.
    They reach polyalign only when you export them: <b>Export decisions</b> saves a CSV; then run
    <code>polyalign run --review decisions-&#8230;.csv</code>.</p>
</header>
<div class="sticky">
  <div class="bar summary" role="status" aria-live="polite" aria-label="Summary">
    <span>Auto <b id="count-auto">0</b></span>
    <span>Confirmed <b id="count-confirmed">0</b></span>
    <span>Rejected <b id="count-rejected">0</b></span>
    <span>Not accepted <b id="count-below">0</b></span>
    <span>Changed in this review <b id="count-changed">0</b></span>
  </div>
  <div class="bar controls">
    <label>Show <select id="f-show"><option value="links">Links</option><option value="quotes">Quotes</option></select></label>
    <label>Document pair <select id="f-pair"><option value="">All pairs</option></select></label>
    <label>Status <select id="f-status">
      <option value="">All</option>
      <option value="auto">Auto (accepted, not reviewed)</option>
      <option value="below">Not accepted (candidates)</option>
      <option value="confirmed">Confirmed</option>
      <option value="rejected">Rejected</option>
      <option value="changed">Changed in this review</option>
    </select></label>
    <label title="Candidates the tool did not accept; hidden at first when there are more than 1,000"><input type="checkbox" id="f-below"> <span>Show candidates (<span id="below-count">0</span>)</span></label>
    <label>Kind <select id="f-type">
      <option value="">All</option>
      <option value="equivalent">Equivalent</option>
      <option value="related">Related</option>
    </select></label>
    <label>Order <select id="f-sort">
      <option value="group">Group order</option>
      <option value="low">Lowest confidence first</option>
    </select></label>
    <span class="pager"><button type="button" id="prev" aria-label="Previous page">&#9664; Previous</button>
      <span id="page-info" aria-live="polite"></span>
      <button type="button" id="next" aria-label="Next page">Next &#9654;</button></span>
    <button type="button" id="export" class="primary">Export decisions (0)</button>
    <button type="button" id="export-quotes" class="primary" hidden>Export quote decisions (0)</button>
  </div>
  <p class="message" id="message" role="status" aria-live="polite"></p>
  <div class="cols" id="colheads" aria-label="Documents"></div>
</div>
<main id="board" aria-label="Groups and links"></main>
<script type="application/json" id="review-data">${embedJson(data)}</script>
<script>${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}

function legendItem(id: string, label: string, min: number | null, below: number | null): string {
  const dots = { high: '&#9679;&#9679;&#9679;', medium: '&#9679;&#9679;&#9675;', low: '&#9679;&#9675;&#9675;' }[id] ?? '';
  const range = min === null ? `&lt; ${below}` : below === null ? `&#8805; ${min}` : `${min}&#8211;${below}`;
  return `<span class="badge band-${id}"><span class="dots">${dots}</span>${label}</span> ${range}`;
}
