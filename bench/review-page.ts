// How review.html copes with a big run: the size of the file, the time to render it in Node, and in
// chromium (from file://) the time until the first page of rows is shown, and the time of a filter
// change, a sort change and a page turn.
//
//   node --import tsx bench/review-page.ts [--groups 5000] [--runs 3]
//
// Needs chromium at /usr/bin/chromium (or POLYALIGN_CHROMIUM). Times are medians of --runs fresh pages.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reviewHtml } from '../src/export/review-html.ts';
import { generatedRun } from '../test/export/review-html-run.ts';
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
}

export async function runReviewPageBench(groups = 5000, runs = 3): Promise<ReviewPageBench> {
  const result = generatedRun(groups);
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
      await page.waitForSelector('body[data-ready="true"]');
      const firstPageMs = Date.now() - start;
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
      const domRows = await page.locator('article.row').count();
      samples.push({ firstPageMs, filterMs, sortMs, pageTurnMs, domRows });
      await context.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const pick = (k: keyof (typeof samples)[number]) => Math.round(median(samples.map((s) => s[k])) * 10) / 10;
  return {
    groups,
    links: result.pairs.reduce((n, p) => n + p.links.length + p.below.length, 0),
    bytes: Buffer.byteLength(html),
    renderNodeMs: Math.round(renderNodeMs),
    firstPageMs: pick('firstPageMs'),
    filterMs: pick('filterMs'),
    sortMs: pick('sortMs'),
    pageTurnMs: pick('pageTurnMs'),
    domRows: pick('domRows'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const figures = await runReviewPageBench(arg('--groups', 5000), arg('--runs', 3));
  console.table(figures);
}
