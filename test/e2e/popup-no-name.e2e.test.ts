/**
 * The toolbar popup where the content script has nothing to say, in Chromium (Firefox refuses to
 * open extension pages over WebDriver BiDi). On a page with no name the sentinel does not listen,
 * so the popup reads the page itself: the site and its switch, the page's date, no mention; the
 * switch pauses the site there as anywhere. Where the browser keeps a page to itself
 * (chrome://version, an extension's page), the popup says Backstory cannot read it.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserExecutable, useExtension } from './harness';

const NO_MENTIONS = 'This page does not mention TikTok, Oracle or ByteDance.';
const PAUSED = 'Paused on this site: no highlights and no cards here until you turn it back on.';

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')(
  'chromium: the popup on a page with no name',
  () => {
    const suite = useExtension('chromium');
    let page: Page;
    beforeAll(async () => {
      page = await suite.browser.newPage(`${suite.origin}/dated-no-name.html`);
    });

    /** The popup of the active tab, once it shows the page (its switch) rather than "Reading the page…". */
    async function openPopup(): Promise<Page> {
      await page.bringToFront();
      const popup = await suite.browser.openPopup();
      await popup.waitForSelector('input[role="switch"]');
      return popup;
    }

    /** What the popup says about the page, as a reader sees it. */
    const readPopup = (popup: Page) =>
      popup.evaluate(() => ({
        switch: document.querySelector('.switch')?.textContent ?? null,
        on: document.querySelector<HTMLInputElement>('input[role="switch"]')?.checked ?? null,
        date: document.querySelector('.page-date')?.textContent ?? null,
        notices: [...document.querySelectorAll('.notice')].map((p) => p.textContent),
        summary: document.querySelector('.page-summary, .counts, .mentions') !== null,
      }));

    /** The sites paused in the stored settings. */
    const pausedSites = async (): Promise<unknown> => {
      const worker = await suite.browser.serviceWorker();
      return worker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: any }).chrome;
        const { settings } = await chrome.storage.sync.get('settings');
        return settings?.pausedSites ?? [];
      });
    };

    it("names the site with its switch on, gives the page's date, and says it mentions none of the companies", async () => {
      const popup = await openPopup();
      expect(await readPopup(popup)).toEqual({
        switch: 'Backstory on 127.0.0.1',
        on: true,
        date: "Published 5 Mar 2024 (from the page's metadata)",
        notices: [NO_MENTIONS],
        summary: false,
      });
      // The page's date marks the timeline too.
      expect(await popup.$eval('.page-mark', (li) => li.textContent)).toBe(
        'This page was written on 5 Mar 2024: the events above came after it.',
      );
      await popup.close();
    });

    it('pauses the site from its switch and resumes it, the setting stored each time', async () => {
      let popup = await openPopup();
      await popup.click('input[role="switch"]');
      await popup.waitForFunction((text) => document.querySelector('.notice')?.textContent === text, {}, PAUSED);
      expect(await readPopup(popup)).toMatchObject({ on: false, notices: [PAUSED], summary: false });
      expect(await pausedSites()).toEqual(['127.0.0.1']);
      await popup.close();

      // A popup opened afresh reads the pause from the settings, and its switch turns it back on.
      popup = await openPopup();
      expect(await readPopup(popup)).toEqual({
        switch: 'Backstory on 127.0.0.1',
        on: false,
        date: "Published 5 Mar 2024 (from the page's metadata)",
        notices: [PAUSED],
        summary: false,
      });
      await popup.click('input[role="switch"]');
      await popup.waitForFunction((text) => document.querySelector('.notice')?.textContent === text, {}, NO_MENTIONS);
      expect(await readPopup(popup)).toMatchObject({ on: true, notices: [NO_MENTIONS] });
      expect(await pausedSites()).toEqual([]);
      await popup.close();
    });

    it.each([
      ['a browser page', 'chrome://version'],
      ["an extension's page", 'options.html'],
    ])('says Backstory cannot read %s, with no switch', async (_, path) => {
      const url = path.includes('://') ? path : `chrome-extension://${suite.browser.extensionId}/${path}`;
      const tab = await suite.browser.newPage(url);
      await tab.bringToFront();
      const popup = await suite.browser.openPopup();
      await popup.waitForFunction(() => document.querySelector('.notice')?.textContent !== 'Reading the page…', {
        timeout: 15_000,
      });
      expect(await readPopup(popup)).toEqual({
        switch: null,
        on: null,
        date: null,
        notices: [
          "Backstory cannot read this page: browsers keep their own pages, extension stores and the PDF viewer closed to extensions. The deal's story is below.",
        ],
        summary: false,
      });
      // The deal's story is still there.
      expect(await popup.$$eval('.event', (events) => events.length)).toBeGreaterThan(50);
      await popup.close();
      await tab.close();
    });
  },
);
