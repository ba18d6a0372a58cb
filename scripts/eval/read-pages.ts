/**
 * Opens each page in headless Chromium with the built extension, one tab at a time (the machine
 * is shared), waits until Backstory has finished reading it, and hands over what the page holds.
 */
import type { Page } from 'puppeteer-core';
import { highlightName, SCAN_MEASURE } from '../../src/shared/public-names';
import { launchWithExtension } from '../../test/support/extension-browser';
import { watchSentinel } from '../bench/sentinel-done';
import { readPage, type PageReading } from './read-page';
import { PROBE_PATH, servePages, type PageRef } from './serve-pages';

/** How long a page may take to be scanned (a whole book on a busy machine). */
const SCAN_TIMEOUT_MS = 180_000;
/** A scan is over when no further pass has been recorded for this long. */
const QUIET_MS = 400;

/**
 * Calls `onPage` with each page's reading, in order. Checks first, on a probe page, that the
 * page's scripts are off and Backstory still runs, so a broken setup fails instead of scoring.
 */
export async function readPages(
  distDir: string,
  pages: readonly PageRef[],
  onPage: (page: PageRef, reading: PageReading) => void | Promise<void>,
): Promise<void> {
  const server = await servePages(pages);
  try {
    const browser = await launchWithExtension('chromium', distDir);
    try {
      // A blank tab, then the page with a long timeout: on a busy machine a page of megabytes can
      // take longer to load than the harness's navigation timeout.
      const open = async (path: string) => {
        const tab = await browser.newPage('about:blank');
        // A page where the sentinel finds no candidate records no scan: its own world says when it is done.
        const sentinel = await watchSentinel(tab, SCAN_MEASURE);
        try {
          await tab.goto(`${server.origin}/${path.split('/').map(encodeURIComponent).join('/')}`, {
            waitUntil: 'load',
            timeout: NAVIGATION_TIMEOUT_MS,
          });
          await sentinel.done(SCAN_TIMEOUT_MS);
        } finally {
          await sentinel.detach();
        }
        await scanned(tab);
        return tab;
      };
      await withTab(await open(PROBE_PATH), checkProbe);
      for (const page of pages) {
        await withTab(await open(page.key), async (tab) => onPage(page, await readPage(tab)));
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

async function withTab<T>(tab: Page, use: (tab: Page) => Promise<T>): Promise<T> {
  try {
    return await use(tab);
  } finally {
    await tab.close();
  }
}

/** How long a page may take to load. */
const NAVIGATION_TIMEOUT_MS = 300_000;

/** After the first scan pass (if the engine ran at all), waits until no other pass follows. */
async function scanned(tab: Page): Promise<void> {
  const passes = () => tab.evaluate((name) => performance.getEntriesByName(name).length, SCAN_MEASURE);
  for (let before = await passes(); before > 0;) {
    await new Promise((done) => setTimeout(done, QUIET_MS));
    const after = await passes();
    if (after === before) return;
    before = after;
  }
}

/** Fails unless the probe page's script and event handler did not run and its name is highlighted. */
async function checkProbe(tab: Page): Promise<void> {
  const probe = await tab.evaluate(
    (tiktok) => ({
      ran: Object.keys(document.getElementById('probe')?.dataset ?? {}),
      highlighted: CSS.highlights.get(tiktok)?.size ?? 0,
    }),
    highlightName('tiktok'),
  );
  if (probe.ran.length > 0)
    throw new Error(`The page's scripts ran (${probe.ran.join(', ')}): the policy is not applied`);
  if (probe.highlighted !== 1)
    throw new Error(`Backstory highlighted ${probe.highlighted} names on the probe page, not 1`);
}
