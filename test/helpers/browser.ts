// Debian's chromium driven by playwright-core, for the tests of review.html. Where chromium is
// missing the browser tests skip, except in CI (CI set), where .ci/run installs it and a missing
// browser is a failure.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { haveTool } from './tools.ts';

export const CHROMIUM = process.env.POLYALIGN_CHROMIUM ?? '/usr/bin/chromium';

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** True when the browser tests should run; throws in CI when chromium is missing. */
export function haveChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (inCi()) throw new Error(`chromium is missing at ${CHROMIUM}; .ci/run installs it (apt-get install chromium)`);
  return haveTool(`chromium (${CHROMIUM})`, () => false, 'apt-get install chromium (or set POLYALIGN_CHROMIUM)', 'the review page tests');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container has no user namespace for chromium's sandbox.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

export interface OpenedPage {
  page: Page;
  /** Every URL the page asked for, to prove it reaches nothing beyond its own file. */
  requests: string[];
  /** Errors thrown in the page or printed to its console as errors. */
  errors: string[];
}

/** Open a file from disk in a fresh context that accepts downloads, and wait for the page script. */
export async function openFile(browser: Browser, path: string, viewport = { width: 1400, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, requests, errors };
}

/** The text of a download (the page writes UTF-8). */
export async function downloadText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
