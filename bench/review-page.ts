// How review.html copes with a big run: the size of the file, the time to render it in Node, and in
// chromium (from file://) the time until the first page of rows is shown, the rows and links in the
// DOM, and the time of a filter change, a sort change and a page turn. Two shapes: 5,000 groups of
// three documents, or (--articles N) one event of N articles whose groups span 12 documents each, with
// --candidates links below the threshold inside the groups (a 200-article event had 76,000).
//
//   node --import tsx bench/review-page.ts [--groups 5000] [--runs 3]
//   node --import tsx bench/review-page.ts --articles 200 --candidates 76000
//
// Needs chromium at /usr/bin/chromium (or POLYALIGN_CHROMIUM). Times are medians of --runs fresh pages.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reviewHtml } from '../src/export/review-html.ts';
import { generatedRun, manyArticlesRun } from '../test/export/review-html-run.ts';
import { launchChromium } from '../test/helpers/browser.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface ReviewPageBench {
  groups: number;
  links: number;
  bytes: number;
  renderNodeMs: number;
  firstPageMs: number;
  filterMs: number;
  sortMs: number;
  pageTurnMs: number;
  domRows: number;
  domLinks: number;
}

export async function runReviewPageBench(groups = 5000, runs = 3, articles?: { articles: number; candidates: number }): Promise<ReviewPageBench> {
  const result = articles ? manyArticlesRun(articles.articles, { candidates: articles.candidates }) : generatedRun(groups);
  const t0 = performance.now();
  const html = reviewHtml(result);
  const renderNodeMs = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'polyalign-bench-review-'));
  const file = join(dir, 'review.html');
  writeFileSync(file, html);
  const browser = await launchChromium();
  const samples: Array<Omit<ReviewPageBench, 'groups' | 'links' | 'bytes' | 'renderNodeMs'>> = [];
  try {
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
      const firstPageMs = Date.now() - start;
      // counted before the filters below change what is shown
      const domRows = await page.locator('article.row').count();
      const domLinks = await page.locator('li.link').count();
      // Time inside the page, from the change event to the end of the synchronous re-render.
      // (Strings, not functions: the project compiles without the DOM's types.)
      const timeChange = (id: string, value: string): Promise<number> =>
        page.evaluate(`(() => {
          const select = document.getElementById(${JSON.stringify(id)});
          const t = performance.now();
          select.value = ${JSON.stringify(value)};
          select.dispatchEvent(new Event('change'));
          return performance.now() - t;
        })()`);
      const filterMs = await timeChange('f-pair', '0-1');
      await timeChange('f-pair', '');
      const sortMs = await timeChange('f-sort', 'low');
      const pageTurnMs: number = await page.evaluate(`(() => {
        const t = performance.now();
        document.getElementById('next').click();
        return performance.now() - t;
      })()`);
      samples.push({ firstPageMs, filterMs, sortMs, pageTurnMs, domRows, domLinks });
      await context.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const pick = (k: keyof (typeof samples)[number]) => Math.round(median(samples.map((s) => s[k])) * 10) / 10;
  return {
    groups: result.groups.length,
    links: result.pairs.reduce((n, p) => n + p.links.length + p.below.length, 0),
    bytes: Buffer.byteLength(html),
    renderNodeMs: Math.round(renderNodeMs),
    firstPageMs: pick('firstPageMs'),
    filterMs: pick('filterMs'),
    sortMs: pick('sortMs'),
    pageTurnMs: pick('pageTurnMs'),
    domRows: pick('domRows'),
    domLinks: pick('domLinks'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const many = process.argv.includes('--articles') ? { articles: arg('--articles', 200), candidates: arg('--candidates', 76_000) } : undefined;
  const figures = await runReviewPageBench(arg('--groups', 5000), arg('--runs', 3), many);
  console.table(figures);
}
