/**
 * The German UI, in Chromium started in German (`--lang=de`; Debian's Firefox ESR ships no German
 * language pack, so its UI, and the extension's, stay English there): every surface in German,
 * dates in the German form, and axe-core with no violation, light and dark.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { browserExecutable, useExtension } from './harness';
import { openScanned } from './page-probes';

/** axe-core in both colour schemes. */
async function violationsLightAndDark(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const value of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value }]);
    found.push(...(await axeViolations(page)).map((v) => `${value}: ${v}`));
  }
  return found;
}

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: in German', () => {
  const suite = useExtension('chromium', undefined, undefined, { language: 'de', keepFirstRun: true });
  let page: Page;
  beforeAll(async () => {
    page = await openScanned(suite, 'seed-article.html');
  });

  it('shows the first-run page in German', async () => {
    const welcome = suite.browser.firstRun!;
    await welcome.waitForSelector('.steps');
    expect(await welcome.title()).toBe('Willkommen bei Backstory');
    expect(await welcome.$eval('html', (h) => h.lang)).toBe('de');
    expect(await welcome.$eval('.try a', (a) => a.textContent)).toBe('Am Beispielartikel ausprobieren');
    expect(await violationsLightAndDark(welcome)).toEqual([]);
  });

  it('counts, dates and tells the story in German in the popup', async () => {
    await page.bringToFront();
    const popup = await suite.browser.openPopup();
    await popup.waitForSelector('.page-summary');
    expect(await popup.$$eval('details.mentions summary', (s) => s.map((x) => x.textContent))).toEqual([
      'TikTok: 18 Erwähnungen',
      'Oracle: 8 Erwähnungen',
      'ByteDance: 6 Erwähnungen',
    ]);
    expect(await popup.$eval('#summary-title', (h) => h.textContent)).toBe('Auf dieser Seite');
    expect(await popup.$eval('.count', (c) => c.textContent)).toMatch(/^\d+ Ereignisse$/);
    // German dates: "13. Mai 2026", "22. Jan. 2026".
    const dates = await popup.$$eval('.event time', (times) => times.slice(0, 8).map((t) => t.textContent));
    for (const date of dates) expect(date).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.? \d{4}$/);
    expect(await popup.$eval('.as-of', (s) => s.textContent)).toMatch(/^Stand: \d{1,2}\. \S+ 2026$/);
    expect(await violationsLightAndDark(popup)).toEqual([]);
    await popup.close().catch(() => undefined);
  });

  it('shows the timeline tab, the options and the report page in German', async () => {
    const tab = await suite.browser.openExtensionPage('popup.html?view=timeline');
    await tab.waitForSelector('.event');
    expect(await tab.title()).toBe('Backstory: Chronik des Deals');
    expect(await tab.$eval('label[for="timeline-search"]', (l) => l.textContent)).toBe('Ereignisse durchsuchen');
    expect(await violationsLightAndDark(tab)).toEqual([]);
    await tab.close();

    const options = await suite.browser.openExtensionPage('options.html');
    await options.waitForSelector('#hover-delay');
    expect(await options.title()).toBe('Backstory-Einstellungen');
    expect(await options.$eval('#delay-range', (p) => p.textContent)).toBe('Von 50 bis 2000 Millisekunden.');
    expect(await violationsLightAndDark(options)).toEqual([]);
    await options.close();

    const report = await suite.browser.openExtensionPage('report.html?entityId=tiktok&name=TikTok');
    await report.waitForSelector('#report-text');
    expect(await report.$eval('h1', (h) => h.textContent)).toBe('Problem melden');
    expect(await report.$eval('#report-text', (t) => (t as HTMLTextAreaElement).value)).toContain(
      '- Name wie hervorgehoben: TikTok',
    );
    expect(await violationsLightAndDark(report)).toEqual([]);
    await report.close();
  });
});
