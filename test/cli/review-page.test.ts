// The review round trip end to end, as a reviewer does it: run on the seeds, open review.html from
// disk in chromium, confirm one link and reject another with the keyboard, export the decisions, run
// again with --review, and find both decisions applied. Skips only where chromium is missing, and fails
// then in CI (see test/helpers/browser.ts).

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, readCsvObjects } from '../export/read-csv.ts';
import { haveChromium, launchChromium, openFile } from '../helpers/browser.ts';
import { ROOT, runCli } from '../helpers/run-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const SEEDS = join(ROOT, 'seeds');

type Row = Record<string, string>;
const sameLink = (a: Row) => (b: Row) =>
  a.src_doc === b.src_doc && a.src_sent === b.src_sent && a.tgt_doc === b.tgt_doc && a.tgt_sent === b.tgt_sent;

/** The parallel.csv rows that hold both spans of the link, each in its document's column. */
function rowsHolding(out: string, link: Row): string[][] {
  const { header, rows } = readCsv(readFileSync(join(out, 'parallel.csv'), 'utf8'));
  const src = header.indexOf(link.src_lang!);
  const tgt = header.indexOf(link.tgt_lang!);
  expect(src, `parallel.csv has a ${link.src_lang} column`).toBeGreaterThan(2);
  expect(tgt, `parallel.csv has a ${link.tgt_lang} column`).toBeGreaterThan(2);
  return rows.filter((r) => r[src]!.includes(link.src_text!) && r[tgt]!.includes(link.tgt_text!));
}

describe.skipIf(!haveChromium())('review.html → export → polyalign run --review', () => {
  let browser: Browser;
  let work: string;
  beforeAll(async () => {
    browser = await launchChromium();
    work = tmpDir('review-e2e');
  });
  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('applies a link confirmed and a link rejected on the page', async () => {
    const out = join(work, 'out');
    const first = runCli(['run', SEEDS, '-o', out, '--embedder', 'lexical', '-q']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const { page, errors } = await openFile(browser, join(out, 'review.html'));
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const decisions = join(work, download.suggestedFilename());
    await download.saveAs(decisions);
    expect(errors).toEqual([]);

    const exported = readCsvObjects(readFileSync(decisions, 'utf8'));
    expect(exported.map((r) => r.status)).toEqual(['confirmed', 'rejected']);
    const confirmed = exported[0]!;
    const rejected = exported[1]!;
    // The rejected link was one the tool had put in a group, so the run has something to undo.
    expect(rowsHolding(out, rejected)).toHaveLength(1);

    const second = runCli(['run', SEEDS, '-o', out, '--embedder', 'lexical', '-q', '--review', decisions]);
    expect(second.code, second.stderr).toBe(0);

    const alignments = readCsvObjects(readFileSync(join(out, 'alignments.csv'), 'utf8'));
    expect(alignments.filter(sameLink(confirmed)).map((r) => r.status)).toEqual(['confirmed']);
    expect(alignments.filter(sameLink(rejected)).map((r) => r.status)).toEqual(['rejected']);
    expect(rowsHolding(out, rejected)).toEqual([]);
  });

  it('applies a quote rejected from its group on the page, and keeps it across a further run', async () => {
    const out = join(work, 'quotes-out');
    expect(runCli(['run', SEEDS, '-o', out, '-q']).code).toBe(0);
    const before = readCsvObjects(readFileSync(join(out, 'quotes.csv'), 'utf8'));
    // the Slovene member of Putin's first quote is another clause of his
    const group = before.find((r) => r.lang === 'sl' && before.filter((o) => o.quote_id === r.quote_id).length === 3)!;
    expect(group, 'a quote of three documents with a Slovene member').toBeDefined();

    const { page, errors } = await openFile(browser, join(out, 'review.html'));
    await page.selectOption('#f-show', 'quotes');
    await page.click(`button[data-quote="${group.quote_id}"][data-qact="rejected"][aria-label^="Reject sl"]`);
    expect(await page.textContent('#export-quotes')).toBe('Export quote decisions (1)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-quotes')]);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    expect(errors).toEqual([]);
    const exported = readCsvObjects(readFileSync(file, 'utf8'));
    expect(exported.map((r) => `${r.quote_id} ${r.lang} ${r.status}`)).toEqual(
      before.filter((r) => r.quote_id === group.quote_id).map((r) => `${r.quote_id} ${r.lang} ${r.lang === 'sl' ? 'rejected' : 'auto'}`),
    );

    const second = runCli(['run', SEEDS, '-o', out, '--review', file]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('quotes 0 pairs confirmed, 2 rejected');
    const after = readCsvObjects(readFileSync(join(out, 'quotes.csv'), 'utf8'));
    const sl = after.find((r) => r.doc === group.doc && r.text === group.text)!;
    expect(sl.status).toBe('rejected');
    expect(after.filter((r) => r.quote_id === sl.quote_id)).toHaveLength(1);
    // the other two stay one quote
    const rest = before.filter((r) => r.quote_id === group.quote_id && r.lang !== 'sl').map((r) => after.find((a) => a.doc === r.doc && a.text === r.text)!.quote_id);
    expect(new Set(rest).size).toBe(1);
    // kept across a run without --review: the store holds them
    expect(runCli(['run', SEEDS, '-o', out, '-q']).code).toBe(0);
    expect(readCsvObjects(readFileSync(join(out, 'quotes.csv'), 'utf8')).find((r) => r.doc === group.doc && r.text === group.text)!.status).toBe('rejected');
  });
});
