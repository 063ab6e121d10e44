import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignmentRecords } from '../../src/export/alignment-records.ts';
import { ALIGNMENTS_HEADER, alignmentsCsv } from '../../src/export/alignments-csv.ts';
import { toCsv, type Cell } from '../../src/export/csv.ts';
import { embedJson, reviewHtml } from '../../src/export/review-html.ts';
import { reviewData } from '../../src/export/review-page/data.ts';
import { formatSpan, indexRun } from '../../src/export/run-index.ts';
import type { RunResult, Status } from '../../src/types.ts';
import { DOCS, runResult } from '../fixtures/export/run-result.ts';
import { downloadText, haveChromium, launchChromium, openFile } from '../helpers/browser.ts';
import { readCsvObjects } from './read-csv.ts';
import { generatedRun, manyArticlesRun } from './review-html-run.ts';
import { fixtureRun } from '../helpers/quote-gold.ts';
import { tmpDir } from '../helpers/tmp.ts';

/**
 * The alignments.csv row of a link, built like src/export/alignments-csv.ts from the record builder,
 * with the status a reviewer gave it: what an exported decision must read, byte for byte.
 */
function expectedRow(result: RunResult, match: { src: string; srcSent: string; tgt: string; tgtSent: string }, status: Status): Cell[] {
  const all = { ...result, pairs: result.pairs.map((p) => ({ ...p, links: [...p.links, ...p.below, ...p.rejected], below: [], rejected: [] })) };
  const r = alignmentRecords(all, indexRun(result)).find(
    (x) => x.src.doc === match.src && formatSpan(x.src) === match.srcSent && x.tgt.doc === match.tgt && formatSpan(x.tgt) === match.tgtSent,
  );
  if (!r) throw new Error(`no link ${JSON.stringify(match)} in the run`);
  return [r.group_id ?? '', r.score, r.margin, r.confidence ?? '', r.kind ?? '', r.method, status, r.src.doc, r.src.lang, formatSpan(r.src), r.src.text, r.tgt.doc, r.tgt.lang, formatSpan(r.tgt), r.tgt.text];
}

function dataOf(html: string): ReturnType<typeof reviewData> {
  const m = /<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]!);
}

describe('reviewHtml, the file', () => {
  it('is one self-contained file: two inline scripts and a style, no external reference, a CSP that names them', () => {
    const html = reviewHtml(runResult());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="review-data">', '<script>']);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
  });

  it('embeds every link a reviewer may decide on, with the texts and ranges alignments.csv writes', () => {
    const result = runResult();
    const data = dataOf(reviewHtml(result));
    expect(data.docs).toEqual([
      { id: DOCS.bs, lang: 'bs' },
      { id: DOCS.mk, lang: 'mk' },
      { id: DOCS.da, lang: 'da' },
      { id: DOCS.da2, lang: 'da' },
    ]);
    const accepted = data.links.filter((l) => l.kind === 'accepted');
    const rows = readCsvObjects(alignmentsCsv(result));
    expect(accepted).toHaveLength(rows.length);
    accepted.forEach((l, i) => {
      const row = rows[i]!;
      expect([l.gid, String(l.score), String(l.margin), l.method, l.status]).toEqual([row.group_id, row.score, row.margin, row.method, row.status]);
      expect([data.docs[l.src[0]]!.id, l.src[1], data.docs[l.tgt[0]]!.id, l.tgt[1]]).toEqual([row.src_doc, row.src_sent, row.tgt_doc, row.tgt_sent]);
      // alignments.csv escapes formula-looking cells with a leading '; the page holds the raw text.
      expect(row.src_text).toBe(/^[=+\-@]/.test(data.texts[l.src[2]]!) ? `'${data.texts[l.src[2]]}` : data.texts[l.src[2]]);
      expect(row.tgt_text).toBe(/^[=+\-@]/.test(data.texts[l.tgt[2]]!) ? `'${data.texts[l.tgt[2]]}` : data.texts[l.tgt[2]]);
    });
    const below = data.links.filter((l) => l.kind === 'below');
    expect(below.map((l) => [l.src[1], l.tgt[1], l.status, data.texts[l.src[2]]])).toEqual([['3', '2', 'auto', '=SUM(A1) nije formula, nego tekst.']]);
    // The 1:2 link keeps its range and the joined text of both sentences.
    const merged = data.links.find((l) => l.tgt[1] === '2-3' && data.docs[l.src[0]]!.id === DOCS.bs)!;
    expect(data.texts[merged.tgt[2]]).toBe('Det var koldt i Pyongyang. Termometret viste\nminus fem grader.');
    expect(data.groups.map((g) => [g.id, g.links.length])).toEqual([
      ['g0001', 6],
      ['g0002', 3],
      ['g0003', 3],
    ]);
  });

  it('lists rejected links as their own kind, once, even where a builder also lists them', () => {
    const result = runResult();
    const pair = result.pairs.find((p) => p.src === DOCS.bs && p.tgt === DOCS.mk)!;
    const [gone] = pair.links.splice(0, 1);
    pair.rejected.push({ ...gone!, status: 'rejected' });
    const data = reviewData(result);
    const rejected = data.links.filter((l) => l.kind === 'rejected');
    expect(rejected.map((l) => [l.src[1], l.tgt[1], l.status])).toEqual([['2', '2', 'rejected']]);
  });

  it('cannot be broken out of by a sentence: < is escaped in the JSON block, which parses back unchanged', () => {
    const result = runResult();
    const evil = '</script><script>document.title="owned"</script><!-- <b>';
    result.documents[0]!.sentences[0]!.text = evil;
    const html = reviewHtml(result);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(dataOf(html).texts).toContain(evil);
    expect(embedJson({ a: '<\u2028>' })).toBe('{"a":"\\u003c\u2028>"}');
  });

  it('is deterministic and names a run key that changes with the run', () => {
    expect(reviewHtml(runResult())).toBe(reviewHtml(runResult()));
    const other = runResult();
    other.pairs[0]!.links[0]!.margin = 1.9;
    expect(reviewData(other).run).not.toBe(reviewData(runResult()).run);
  });
});

describe.skipIf(!haveChromium())('review.html in chromium, from file://', () => {
  let browser: Browser;
  let dir: string;
  let big: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = tmpDir('review');
    big = write('big.html', generatedRun(5000));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, result: RunResult): string {
    const path = join(dir, name);
    writeFileSync(path, reviewHtml(result));
    return path;
  }

  async function exportCsv(page: Page): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    return { name: download.suggestedFilename(), text: await downloadText(download) };
  }

  const summary = (page: Page) =>
    Promise.all(['auto', 'confirmed', 'rejected', 'below', 'changed'].map(async (k) => Number(await page.locator(`#count-${k}`).textContent())));
  const currentLabel = async (page: Page) => (await page.locator(':focus').getAttribute('aria-label')) ?? '';

  it('confirms one link and rejects another with the keyboard, and exports them as alignments.csv rows', async () => {
    const result = runResult();
    const { page, requests, errors } = await openFile(browser, write('keys.html', result));
    expect(await summary(page)).toEqual([13, 0, 0, 1, 0]);
    // g0001 comes first; its links in alignments.csv order: bs#0-mk#0, then bs#0-da#0.
    await page.keyboard.press('j');
    expect(await currentLabel(page)).toMatch(/^Link bs #0 ↔ mk #0, high confidence \(0\.90\), margin 1\.32/);
    await page.keyboard.press('c');
    await page.keyboard.press('ArrowDown');
    expect(await currentLabel(page)).toMatch(/^Link bs #0 ↔ da #0,/);
    await page.keyboard.press('r');
    expect(await summary(page)).toEqual([11, 1, 1, 1, 2]);
    expect(await page.locator('li.link.st-confirmed button.act-confirmed').getAttribute('aria-pressed')).toBe('true');

    const { name, text } = await exportCsv(page);
    expect(name).toMatch(/^decisions-\d{8}-\d{4}\.csv$/);
    expect(text).toBe(
      toCsv(ALIGNMENTS_HEADER, [
        expectedRow(result, { src: DOCS.bs, srcSent: '0', tgt: DOCS.mk, tgtSent: '0' }, 'confirmed'),
        expectedRow(result, { src: DOCS.bs, srcSent: '0', tgt: DOCS.da, tgtSent: '0' }, 'rejected'),
      ]),
    );
    expect(text.startsWith('\uFEFFgroup_id,score,margin,confidence,kind,method,status,src_doc,')).toBe(true);
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('filters by status and by document pair, decides with the mouse, and quotes and escapes cells like alignments.csv', async () => {
    const result = runResult();
    const { page, errors } = await openFile(browser, write('mouse.html', result));
    await page.selectOption('#f-status', 'below');
    await expect(page.locator('li.link').count()).resolves.toBe(1);
    await expect(page.locator('li.link .flag').textContent()).resolves.toBe('not accepted');
    await page.getByRole('button', { name: 'Confirm link bs #3 ↔ mk #2' }).click();

    await page.selectOption('#f-status', '');
    await page.selectOption('#f-pair', '0-2');
    // Two columns (bs, da) and only bs-da links.
    await expect(page.locator('#colheads .colhead').count()).resolves.toBe(2);
    const pairs = await page.locator('li.link .pair').allTextContents();
    expect(pairs).toEqual(['bs #0 ↔ da #0', 'bs #1 ↔ da #1', 'bs #2 ↔ da #2-3']);
    await page.getByRole('button', { name: 'Reject link bs #2 ↔ da #2-3' }).click();
    expect(await summary(page)).toEqual([12, 1, 1, 0, 2]);

    await page.selectOption('#f-pair', '');
    await page.selectOption('#f-status', 'changed');
    await expect(page.locator('li.link').count()).resolves.toBe(2);

    const { text } = await exportCsv(page);
    expect(text).toBe(
      toCsv(ALIGNMENTS_HEADER, [
        expectedRow(result, { src: DOCS.bs, srcSent: '3', tgt: DOCS.mk, tgtSent: '2' }, 'confirmed'),
        expectedRow(result, { src: DOCS.bs, srcSent: '2', tgt: DOCS.da, tgtSent: '2-3' }, 'rejected'),
      ]),
    );
    // What those rows hold: a quoted line break, an escaped formula, a control character.
    expect(text).toContain(`"Det var koldt i Pyongyang. Termometret viste\nminus fem grader."`);
    expect(text).toContain(`,"'=SUM(A1) nije formula, nego tekst.",`);
    expect(text).toContain('студено\u0007 и\u0000 ладно');
    const rows = readCsvObjects(text);
    expect(rows.map((r) => [r.status, r.src_sent, r.tgt_sent])).toEqual([
      ['confirmed', '3', '2'],
      ['rejected', '2', '2-3'],
    ]);
    expect(errors).toEqual([]);
  });

  it('keeps the work across a reload, and u sets a link back to auto', async () => {
    const { page } = await openFile(browser, write('reload.html', runResult()));
    await page.keyboard.press('j');
    await page.keyboard.press('y');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await summary(page)).toEqual([11, 1, 1, 1, 2]);
    await expect(page.locator('#message').textContent()).resolves.toMatch(/Restored 2 decisions/);
    await page.keyboard.press('j');
    await page.keyboard.press('u');
    expect(await summary(page)).toEqual([12, 0, 1, 1, 1]);
    await expect(page.locator('#export').textContent()).resolves.toBe('Export decisions (1)');
    // Another run's page does not see this run's work.
    const other = runResult();
    other.pairs[0]!.links[0]!.margin = 1.9;
    const second = await openFile(browser, write('other.html', other));
    expect(await summary(second.page)).toEqual([13, 0, 0, 1, 0]);
  });

  it('does not offer undo on a link decided in an earlier review, and says why', async () => {
    const result = runResult();
    const pair = result.pairs.find((p) => p.src === DOCS.bs && p.tgt === DOCS.mk)!;
    const first = pair.links.findIndex((l) => l.src.first === 0 && l.tgt.first === 0);
    pair.links[first] = { ...pair.links[first]!, status: 'confirmed' };
    const { page, errors } = await openFile(browser, write('earlier.html', result));
    expect(await summary(page)).toEqual([12, 1, 0, 1, 0]);
    await page.keyboard.press('j');
    expect(await currentLabel(page)).toMatch(/^Link bs #0 ↔ mk #0,/);
    await page.keyboard.press('u');
    // still confirmed, nothing to export: the store would keep the decision whatever the page said
    expect(await summary(page)).toEqual([12, 1, 0, 1, 0]);
    await expect(page.locator('#message').textContent()).resolves.toMatch(/bs #0 ↔ mk #0 was decided in an earlier review; .*cannot be set back to auto/);
    const undo = page.locator('li.link.st-confirmed button.act-auto');
    await expect(undo.isDisabled()).resolves.toBe(true);
    await expect(undo.getAttribute('title')).resolves.toMatch(/decided in an earlier review/);
    await expect(undo.getAttribute('aria-label')).resolves.toMatch(/^Undo is not available: link bs #0 ↔ mk #0 was decided in an earlier review/);
    // rejecting it is still a decision the export carries; u does not turn it into auto either
    await page.keyboard.press('r');
    await page.keyboard.press('u');
    expect(await summary(page)).toEqual([12, 0, 1, 1, 1]);
    // a link the run left to the aligner still has its undo
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    await page.keyboard.press('u');
    expect(await summary(page)).toEqual([12, 0, 1, 1, 1]);
    expect(errors).toEqual([]);
  });

  it('shows a sentence that looks like markup as text', async () => {
    const result = runResult();
    result.documents[0]!.sentences[0]!.text = '<img src=x onerror="document.title=1"></script><b>bold</b>';
    const { page, requests, errors } = await openFile(browser, write('markup.html', result));
    await expect(page.locator('#board img, #board b').count()).resolves.toBe(0);
    await expect(page.locator('.cell', { hasText: '<b>bold</b>' }).count()).resolves.toBeGreaterThan(0);
    expect(await page.title()).toMatch(/^polyalign review/);
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('stays usable with 5,000 groups: one page of rows in the DOM, filters, sort and keys across pages', async () => {
    const { page, errors } = await openFile(browser, big);
    // 5,000 groups + 500 candidates outside every group, 50 rows a page.
    await expect(page.locator('#page-info').textContent()).resolves.toBe('Rows 1–50 of 5500 (page 1 of 110)');
    await expect(page.locator('article.row').count()).resolves.toBe(50);
    await expect(page.locator('li.link').count()).resolves.toBe(150);
    expect(await summary(page)).toEqual([15000, 0, 0, 500, 0]);

    // Keyboard across a page boundary: the 151st link is the first of page 2.
    for (let i = 0; i < 151; i++) await page.keyboard.press('j');
    await expect(page.locator('#page-info').textContent()).resolves.toBe('Rows 51–100 of 5500 (page 2 of 110)');
    expect(await currentLabel(page)).toMatch(/^Link bs #50 ↔ mk #50,/);
    await page.keyboard.press('c');
    await page.keyboard.press('k');
    await expect(page.locator('#page-info').textContent()).resolves.toMatch(/^Rows 1–50 /);
    expect(await currentLabel(page)).toMatch(/^Link mk #49 ↔ da #49,/);
    await page.keyboard.press('r');

    await page.selectOption('#f-pair', '1-2');
    await page.selectOption('#f-status', 'rejected');
    await expect(page.locator('li.link .pair').allTextContents()).resolves.toEqual(['mk #49 ↔ da #49']);
    await page.selectOption('#f-status', 'below');
    await expect(page.locator('#page-info').textContent()).resolves.toBe('No rows');
    await page.selectOption('#f-pair', '0-2');
    await expect(page.locator('#page-info').textContent()).resolves.toBe('Rows 1–50 of 500 (page 1 of 10)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const rows = readCsvObjects(await downloadText(download));
    expect(rows.map((r) => [r.status, r.src_lang, r.src_sent, r.tgt_lang, r.tgt_sent])).toEqual([
      ['confirmed', 'bs', '50', 'mk', '50'],
      ['rejected', 'mk', '49', 'da', '49'],
    ]);
    expect(errors).toEqual([]);
  });

  it('sorts by the weakest link of each row, lowest first, across 5,000 groups', async () => {
    // Lowest confidence first: the 500 candidates below the threshold (0.95), then the groups whose
    // weakest link is at 1.05 (3,750 of them), then those at 1.35.
    const { page } = await openFile(browser, big);
    const rowMinimums = () =>
      page.$$eval('article.row', (sections) =>
        sections.map((s) => Math.min(...[...s.querySelectorAll('.nums')].map((n) => Number(/margin ([\d.]+)/.exec(n.textContent!)![1])))),
      );
    await page.selectOption('#f-sort', 'low');
    expect(new Set(await rowMinimums())).toEqual(new Set([0.95]));
    for (let i = 0; i < 10; i++) await page.keyboard.press('n');
    await expect(page.locator('#page-info').textContent()).resolves.toMatch(/^Rows 501–550 /);
    expect(new Set(await rowMinimums())).toEqual(new Set([1.05]));
    // In group order the same page mixes rows at 1.05 and 1.35.
    await page.selectOption('#f-sort', 'group');
    for (let i = 0; i < 10; i++) await page.keyboard.press('n');
    await expect(page.locator('#page-info').textContent()).resolves.toMatch(/^Rows 501–550 /);
    expect(new Set(await rowMinimums())).toEqual(new Set([1.05, 1.35]));
  });

  it('keeps one event of 200 articles usable: a page holds at most 150 links, a big group is split over pages, candidates wait behind a box', async () => {
    // 200 documents; 50 groups of 20 documents (190 links each); 3,000 candidates inside the groups.
    const result = manyArticlesRun(200, { sentences: 5, width: 20, candidates: 3000 });
    const below = new Set(result.pairs.flatMap((p) => p.below.map((l) => `${l.src.doc}:${l.src.first}:${l.tgt.doc}:${l.tgt.first}`))).size;
    expect(below).toBeGreaterThan(1000);
    const { page, errors } = await openFile(browser, write('many.html', result));
    await expect(page.locator('li.link').count()).resolves.toBe(150);
    await expect(page.locator('li.link.kind-below').count()).resolves.toBe(0);
    await expect(page.locator('#f-below').isChecked()).resolves.toBe(false);
    await expect(page.locator('#below-count').textContent()).resolves.toBe(String(below));
    await expect(page.locator('#page-info').textContent()).resolves.toBe('Rows 1–1 of 100 (page 1 of 100)');
    await expect(page.locator('.row-head').first().textContent()).resolves.toMatch(/^g0001 · 20 documents · mean score [\d.]+ · links 1–150 of the 190 shown \(part 1 of 2\)$/);
    // no column per document: the row lists the documents its links touch, each named
    await expect(page.locator('#colheads').isHidden()).resolves.toBe(true);
    const cells = await page.locator('article.row .cell').count();
    expect(cells).toBeGreaterThan(1);
    expect(cells).toBeLessThanOrEqual(20);
    await expect(page.locator('article.row .cell .who').first().textContent()).resolves.toBe('bs · 000_bs.txt');

    await page.keyboard.press('n');
    await expect(page.locator('.row-head').first().textContent()).resolves.toMatch(/links 151–190 of the 190 shown \(part 2 of 2\)$/);
    await expect(page.locator('li.link').count()).resolves.toBe(40);
    // j walks from the last link of a part into the next page's part
    await page.keyboard.press('p');
    for (let i = 0; i < 151; i++) await page.keyboard.press('j');
    await expect(page.locator('#page-info').textContent()).resolves.toBe('Rows 2–2 of 100 (page 2 of 100)');

    await page.check('#f-below');
    const info = (await page.locator('#page-info').textContent())!;
    expect(info).toMatch(/^Rows \d+–\d+ of \d+ \(page \d+ of \d+\)$/);
    const pages = Number(/of (\d+)\)$/.exec(info)![1]);
    expect(pages * 150).toBeGreaterThanOrEqual(50 * 190 + below);
    await page.uncheck('#f-below');
    await page.selectOption('#f-status', 'below');
    const shown = await page.locator('li.link').count();
    await expect(page.locator('li.link.kind-below').count()).resolves.toBe(shown);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(150);
    expect(errors).toEqual([]);
  });

  it('shows the quotes: who said what in each document, the quotes several documents share first', async () => {
    const result = await fixtureRun();
    const { page, errors } = await openFile(browser, write('quotes.html', result));
    await expect(page.locator('#f-show option[value="quotes"]').textContent()).resolves.toBe(`Quotes (${result.quotes!.length})`);
    await page.selectOption('#f-show', 'quotes');
    await expect(page.locator('article.row.quote').count()).resolves.toBe(result.quotes!.length);
    await expect(page.locator('#f-pair').isDisabled()).resolves.toBe(true);
    const first = page.locator('article.row.quote').first();
    const shared = result.quotes!.find((g) => g.members.length > 1)!;
    await expect(first.locator('.row-head').textContent()).resolves.toBe(`${shared.id} · ${shared.speaker!.canonical} · ${shared.members.length} documents`);
    await expect(first.locator('.cell').count()).resolves.toBe(shared.members.length);
    await expect(first.locator('.cell').first().textContent()).resolves.toContain(shared.members[0]!.text);
    await page.selectOption('#f-show', 'links');
    await expect(page.locator('article.row.quote').count()).resolves.toBe(0);
    await expect(page.locator('li.link').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
