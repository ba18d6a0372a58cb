/**
 * The German UI, in both browsers started in German (Chromium `--lang=de`; Firefox with Debian's
 * German language pack, firefox-esr-l10n-de, and `intl.locale.requested=de`): every surface in
 * German, dates in the German form, and axe-core with no violation, light and dark.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
  describeInBrowsers,
  firefoxLanguagePack,
  missingLanguagePackMessage,
  useExtension,
  type BrowserName,
} from './harness';
import { openScanned } from './page-probes';

describeInBrowsers('in German', (name: BrowserName) => {
  // Firefox runs in German only with its language pack: outside CI a missing one skips these suites
  // and says how to install it; on CI (.ci/run installs it) the launch fails saying so.
  const noPack = name === 'firefox' && !firefoxLanguagePack('de') && process.env.CI !== 'true';
  for (const scheme of ['light', 'dark'] as const) {
    describe.skipIf(noPack)(noPack ? `${scheme} (skipped: ${missingLanguagePackMessage('de')})` : scheme, () => {
      const suite = useExtension(name, undefined, undefined, {
        language: 'de',
        colorScheme: scheme,
        keepFirstRun: true,
      });
      let page: Page;
      beforeAll(async () => {
        page = await openScanned(suite, 'seed-article.html');
      });

      it('shows the first-run page in German', async () => {
        const welcome = suite.browser.firstRun!;
        await welcome.waitForSelector('.steps');
        expect(await welcome.title()).toBe('Willkommen bei Backstory');
        expect(await welcome.$eval('html', (h) => h.lang)).toBe('de');
        // Firefox's UI is German (its language pack is in use). Debian's Chromium ships only en-US's
        // UI strings (German ones are in chromium-l10n), so there getUILanguage() stays 'en-US',
        // while the extension's messages follow --lang.
        if (name === 'firefox') {
          const uiLanguage = await welcome.evaluate(() =>
            (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage(),
          );
          expect(uiLanguage).toBe('de');
        }
        expect(await welcome.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        expect(await welcome.$eval('.try a', (a) => a.textContent)).toBe('Am Beispielartikel ausprobieren');
        expect(await axeViolations(welcome)).toEqual([]);
      });

      it('counts, dates and tells the story in German in the popup', async () => {
        let popup: Page;
        if (suite.browser.name === 'chromium') {
          await page.bringToFront();
          popup = await suite.browser.openPopup();
          await popup.waitForSelector('.page-summary');
          expect(await popup.$$eval('details.mentions summary', (s) => s.map((x) => x.textContent))).toEqual([
            'TikTok: 18 Erwähnungen',
            'Oracle: 8 Erwähnungen',
            'ByteDance: 6 Erwähnungen',
          ]);
          expect(await popup.$eval('#summary-title', (h) => h.textContent)).toBe('Auf dieser Seite');
        } else {
          // Firefox's toolbar panel is out of WebDriver BiDi's reach, so its page is opened in a tab;
          // there it may not read a page (a tab is no popup: see shared/message-checks) and says so.
          popup = await suite.browser.openExtensionPage('popup.html');
          await popup.waitForSelector('.notice');
          expect(await popup.$eval('.notice', (p) => p.textContent)).toMatch(/^Backstory kann diese Seite nicht lesen/);
        }
        expect(await popup.$eval('.count', (c) => c.textContent)).toMatch(/^\d+ Ereignisse$/);
        // German dates: "13. Mai 2026", "22. Jan. 2026".
        const dates = await popup.$$eval('.event time', (times) => times.slice(0, 8).map((t) => t.textContent));
        expect(dates).toHaveLength(8);
        for (const date of dates) expect(date).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.? \d{4}$/);
        expect(await popup.$eval('.as-of', (s) => s.textContent)).toMatch(/^Stand: \d{1,2}\. \S+ 2026$/);
        expect(await axeViolations(popup)).toEqual([]);
        await popup.close().catch(() => undefined);
      });

      it('shows the timeline tab, the options and the report page in German', async () => {
        const tab = await suite.browser.openExtensionPage('popup.html?view=timeline');
        await tab.waitForSelector('.event');
        expect(await tab.title()).toBe('Backstory: Chronik des Deals');
        expect(await tab.$eval('label[for="timeline-search"]', (l) => l.textContent)).toBe('Ereignisse durchsuchen');
        expect(await axeViolations(tab)).toEqual([]);
        await tab.close();

        const options = await suite.browser.openExtensionPage('options.html');
        await options.waitForSelector('#hover-delay');
        expect(await options.title()).toBe('Backstory-Einstellungen');
        expect(await options.$eval('#delay-range', (p) => p.textContent)).toBe('Von 50 bis 2000 Millisekunden.');
        expect(await axeViolations(options)).toEqual([]);
        await options.close();

        const report = await suite.browser.openExtensionPage('report.html?entityId=tiktok&name=TikTok');
        await report.waitForSelector('#report-text');
        expect(await report.$eval('h1', (h) => h.textContent)).toBe('Problem melden');
        expect(await report.$eval('#report-text', (t) => (t as HTMLTextAreaElement).value)).toContain(
          '- Name wie hervorgehoben: TikTok',
        );
        expect(await axeViolations(report)).toEqual([]);
        await report.close();
      });
    });
  }
});
