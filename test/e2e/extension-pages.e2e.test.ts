/**
 * Backstory's own pages as a reader meets them, in both browsers (Firefox's opened from the
 * first-run page, since WebDriver BiDi refuses to navigate to moz-extension://): the first-run
 * page on install, the timeline in a tab, the options page, the report page; axe-core on each,
 * light and dark. Screenshots for the README are written from Chromium.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { describeInBrowsers, useExtension, type BrowserName } from './harness';
import { afterFrames, hoverMention, readCard } from './page-probes';

const root = join(import.meta.dirname, '../..');
const shot = (name: string) => join(root, 'docs/screenshots', name);

/** The extension's storage, read from one of its pages (`browser` in Firefox, `chrome` in Chromium). */
const storedSettings = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: any; chrome: any }).browser ?? (globalThis as any).chrome;
    return (await api.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
  });

/** Boxes of each event's date and title that overlap, as `date|title`. */
const overlappingDates = (page: Page) =>
  page.$$eval('.event', (events) =>
    events.flatMap((event) => {
      const date = event.querySelector('time')!.getBoundingClientRect();
      const title = event.querySelector('.title')!.getBoundingClientRect();
      const apart =
        date.right <= title.left + 0.5 ||
        title.right <= date.left + 0.5 ||
        date.bottom <= title.top + 0.5 ||
        title.bottom <= date.top + 0.5;
      return apart ? [] : [`${event.querySelector('time')!.textContent}|${event.querySelector('.title')!.textContent}`];
    }),
  );

describeInBrowsers('extension pages', (name: BrowserName) => {
  for (const scheme of ['light', 'dark'] as const) {
    describe(scheme, () => {
      const suite = useExtension(name, undefined, undefined, { colorScheme: scheme, keepFirstRun: true });
      const light = scheme === 'light';

      it('opened the first-run page on install: three pictures, pausing, the shortcut, privacy, the demo', async () => {
        const welcome = suite.browser.firstRun!;
        await welcome.setViewport({ width: 1280, height: 800 });
        await welcome.waitForSelector('.steps img');
        expect(await welcome.title()).toBe('Welcome to Backstory');
        await welcome.waitForFunction(
          () => [...document.querySelectorAll<HTMLImageElement>('.steps img')].every((img) => img.naturalWidth > 300),
          { timeout: 5_000 },
        );
        const alts = await welcome.$$eval('.steps img', (imgs) => imgs.map((img) => img.alt));
        expect(alts).toHaveLength(3);
        for (const alt of alts) expect(alt.length).toBeGreaterThan(20);
        const text = await welcome.$eval('main', (main) => main.textContent ?? '');
        expect(text).toContain('pauses Backstory on the site');
        expect(text).toMatch(/Alt\+Shift\+B goes to the next mention|No keyboard shortcut is set/);
        expect(text).toContain('stores your settings only');
        expect(text).toContain('It sends nothing anywhere');
        expect(await axeViolations(welcome)).toEqual([]);
        if (name === 'chromium') await welcome.screenshot({ path: shot(`welcome-${name}${light ? '' : '-dark'}.png`) });
        if (!light) return;
        // The bundled demo article: Backstory runs on it.
        // Followed by its address, not navigation events: Firefox's BiDi reports none for moz-extension:// pages.
        await welcome.click('a[href="demo.html"]');
        await welcome.waitForFunction(() => location.pathname === '/demo.html' && document.readyState === 'complete', {
          timeout: 15_000,
        });
        await welcome.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, {
          timeout: 15_000,
        });
        const sizes = await welcome.evaluate(() => ({
          tiktok: CSS.highlights.get('backstory-tiktok')?.size,
          oracle: CSS.highlights.get('backstory-oracle')?.size,
        }));
        expect(sizes).toEqual({ tiktok: 18, oracle: 8 });
        // Its cards open too: the card's module loads on an extension page as on any other.
        await hoverMention(welcome, 'backstory-tiktok', 0);
        expect((await readCard(welcome)).dialogName).toBe('Backstory: TikTok');
        await welcome.evaluate(() => history.back());
        await welcome.waitForFunction(() => location.pathname === '/welcome.html', { timeout: 15_000 });
      });

      it('assigns the suggested shortcut where the browser allows it, and says so where none is set', async () => {
        const options = await suite.browser.openExtensionPage('options.html');
        await options.waitForSelector('#keyboard-heading');
        const shortcut = await options.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: any; chrome: any }).browser ?? (globalThis as any).chrome;
          const commands = (await api.commands.getAll()) as { name: string; shortcut?: string }[];
          return commands.find((c) => c.name === 'next-mention')?.shortcut ?? '';
        });
        // Firefox lets an extension assign it (commands.update); Chromium assigns it itself or not at all.
        if (name === 'firefox') expect(shortcut).toBe('Alt+Shift+B');
        const line = await options.$eval('.shortcut', (p) => p.textContent);
        if (shortcut) expect(line).toBe(`Shortcut: ${shortcut}`);
        else {
          expect(line).toContain('No keyboard shortcut is set');
          expect(line).toContain(name === 'firefox' ? 'about:addons' : 'chrome://extensions/shortcuts');
        }
        await options.close();
      });

      it('shows the timeline in a tab: titled, newest first, dates clear of titles at 1280 and 360 px', async () => {
        const tab = await suite.browser.openExtensionPage('popup.html?view=timeline');
        await tab.waitForSelector('.event');
        expect(await tab.title()).toBe("Backstory: the deal's timeline");
        for (const width of [1280, 360]) {
          await tab.setViewport({ width, height: 800 });
          await tab.waitForFunction((width) => innerWidth === width, {}, width);
          await afterFrames(tab);
          expect(await overlappingDates(tab)).toEqual([]);
          expect(await tab.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
          const stacked = await tab.$eval('.event', (event) => {
            const date = event.querySelector('time')!.getBoundingClientRect();
            return date.bottom <= event.querySelector('.title')!.getBoundingClientRect().top + 0.5;
          });
          expect(stacked).toBe(width < 600);
          if (name === 'chromium') {
            await tab.screenshot({ path: shot(`timeline-${name}-${width}${light ? '' : '-dark'}.png`) });
          }
        }
        await tab.setViewport({ width: 1280, height: 800 });
        const dates = await tab.$$eval('.event time', (times) => times.map((t) => t.getAttribute('datetime')!));
        expect(dates.length).toBeGreaterThanOrEqual(70);
        expect([...dates].sort().reverse()).toEqual(dates);
        expect(await tab.$eval('.legend', (l) => l.textContent)).toContain('Key event');
        expect(await axeViolations(tab)).toEqual([]);
        await tab.close();
      });

      it('searches, filters, reverses and jumps to a year from the keyboard', async () => {
        const tab = await suite.browser.openExtensionPage('popup.html?view=timeline');
        await tab.waitForSelector('.event');
        const all = await tab.$$eval('.event', (events) => events.length);
        await tab.focus('#timeline-search');
        await tab.keyboard.type('ellison');
        await expect.poll(() => tab.$$eval('.event', (events) => events.length)).toBeLessThan(all);
        const texts = await tab.$$eval('.event', (events) => events.map((e) => e.textContent!.toLowerCase()));
        expect(texts.length).toBeGreaterThan(0);
        for (const text of texts) expect(text).toContain('ellison');
        expect(await tab.$eval('.count', (c) => c.textContent)).toBe(
          `${texts.length} event${texts.length === 1 ? '' : 's'}`,
        );
        // An outlet's name finds its events.
        await tab.click('#timeline-search', { count: 3 });
        await tab.keyboard.press('Backspace');
        await tab.keyboard.type('Reuters');
        await expect.poll(() => tab.$$eval('.event .sources a', (a) => a.length)).toBeGreaterThan(0);
        const withReuters = await tab.$$eval('.event', (events) =>
          events.every((e) => /reuters/i.test(e.textContent ?? '')),
        );
        expect(withReuters).toBe(true);
        await tab.click('#timeline-search', { count: 3 });
        await tab.keyboard.press('Backspace');
        await expect.poll(() => tab.$$eval('.event', (events) => events.length)).toBe(all);
        // Oldest first, chosen from the keyboard.
        await tab.select('#timeline-order', 'oldest');
        const dates = await tab.$$eval('.event time', (times) => times.map((t) => t.getAttribute('datetime')!));
        expect([...dates].sort()).toEqual(dates);
        // Jump to 2020: Tab onto its link, Enter; the year's heading takes the focus, in view.
        await tab.focus('.years a[href="#year-2020"]');
        await tab.keyboard.press('Enter');
        await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('year-2020');
        const top = await tab.$eval('#year-2020', (h) => h.getBoundingClientRect().top);
        expect(top).toBeGreaterThanOrEqual(-1);
        expect(top).toBeLessThan(200);
        await tab.close();
      });

      it('says Saved beside the setting that changed, and refuses a delay out of range with the range', async () => {
        const options = await suite.browser.openExtensionPage('options.html');
        await options.waitForSelector('#hover-delay');
        await options.setViewport({ width: 1280, height: 800 });
        expect(await options.$eval('#delay-range', (p) => p.textContent)).toBe('From 50 to 2000 milliseconds.');
        await options.click('#hover-delay', { count: 3 });
        await options.keyboard.type('-50');
        await options.keyboard.press('Enter');
        await options.waitForSelector('#delay-error');
        expect(await options.$eval('#delay-error', (p) => p.textContent)).toBe(
          'Enter a whole number from 50 to 2000. The delay stays at 180 ms.',
        );
        expect(await options.$eval('#hover-delay', (i) => i.getAttribute('aria-invalid'))).toBe('true');
        expect((await storedSettings(options))?.hoverDelayMs ?? 180).toBe(180);
        await options.click('#hover-delay', { count: 3 });
        await options.keyboard.type('400');
        await options.keyboard.press('Enter');
        // "Saved" stands in the delay's own row, in view where the reader is; screen readers hear it once.
        const saved = await options.waitForSelector('#hover-delay ~ .saved');
        expect(await saved!.isIntersectingViewport()).toBe(true);
        expect(await options.$eval('[role="status"]', (s) => s.textContent)).toBe('Saved. Open tabs follow at once.');
        expect(await options.$('#delay-error')).toBeNull();
        expect((await storedSettings(options))?.hoverDelayMs).toBe(400);
        // The badge setting, far down the page: its "Saved" is beside it, not at the top.
        await options.click('#badge-heading ~ .control-row input');
        const badgeSaved = await options.waitForSelector('#badge-heading ~ .control-row .saved');
        expect(await badgeSaved!.isIntersectingViewport()).toBe(true);
        expect(await options.$$eval('.saved', (s) => s.length)).toBe(1);
        await options.click('#badge-heading ~ .control-row input');
        expect(await axeViolations(options)).toEqual([]);
        await options.close();
      });

      it('keeps the indent of wrapped labels at 360 px, and shows a failed write beside the setting', async () => {
        const options = await suite.browser.openExtensionPage('options.html');
        await options.waitForSelector('#hover-delay');
        await options.setViewport({ width: 360, height: 800 });
        await options.waitForFunction(() => innerWidth === 360);
        await afterFrames(options);
        const lines = await options.evaluate(() => {
          const label = [...document.querySelectorAll('label.check')].find((l) =>
            l.textContent?.startsWith('Protecting Americans'),
          )!;
          const text = label.querySelector('span')!;
          const range = document.createRange();
          range.selectNodeContents(text);
          const lefts = [...range.getClientRects()].map((r) => Math.round(r.left));
          return { lefts, box: Math.round(label.querySelector('input')!.getBoundingClientRect().right) };
        });
        expect(new Set(lines.lefts).size).toBe(1);
        expect(lines.lefts.length).toBeGreaterThan(1);
        expect(lines.lefts[0]).toBeGreaterThan(lines.box);
        expect(await options.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
        // Fill storage.sync's per-item quota (8 KB), then pause one more site from the page.
        const listed = await options.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: any; chrome: any }).browser ?? (globalThis as any).chrome;
          // Up to 40 bytes under the 8,192 a key and its JSON may take.
          const pausedSites: string[] = [];
          const size = () => 'settings'.length + JSON.stringify({ version: 1, pausedSites }).length;
          while (size() < 8_192 - 40) pausedSites.push(`site-${pausedSites.length}.example`);
          pausedSites.pop();
          await api.storage.sync.set({ settings: { version: 1, pausedSites } });
          return pausedSites.length;
        });
        await options.waitForSelector('.sites li');
        await expect.poll(() => options.$$eval('.sites li', (li) => li.length)).toBe(listed);
        await options.type('#add-site', 'one-more-site-that-does-not-fit-in-the-quota.example');
        await options.keyboard.press('Enter');
        const error = await options.waitForSelector('.add-site .save-error');
        expect(await error!.evaluate((e) => e.textContent)).toBe(
          "Not saved: the browser's storage for Backstory's settings is full (remove a few paused sites to make room). The setting is as it was.",
        );
        expect(await options.$$eval('.sites li', (li) => li.length)).toBe(listed);
        await options.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: any; chrome: any }).browser ?? (globalThis as any).chrome;
          await api.storage.sync.clear();
        });
        await options.close();
      });

      it('prepares a report: the mention, the dataset, the page only if ticked', async () => {
        const query = new URLSearchParams({
          entityId: 'oracle',
          name: 'ORACLE',
          sentence: 'The ORACLE spoke at Delphi.',
          pageUrl: 'https://example.com/delphi',
        });
        const report = await suite.browser.openExtensionPage(`report.html?${query}`);
        await report.waitForSelector('#report-text');
        const text = () => report.$eval('#report-text', (t) => (t as HTMLTextAreaElement).value);
        expect(await text()).toContain('- Name as highlighted: ORACLE');
        expect(await text()).toContain('- Entity: Oracle (oracle)');
        expect(await text()).toContain('- Sentence: “The ORACLE spoke at Delphi.”');
        expect(await text()).toMatch(/- Dataset: as of \d{4}-\d{2}-\d{2}, Backstory \d+\.\d+\.\d+/);
        expect(await text()).toContain('- Page: (not included)');
        expect(await text()).not.toContain('example.com');
        await report.click('.include-url input');
        expect(await text()).toContain('- Page: https://example.com/delphi');
        expect(await report.$eval('a[href^="https://github.com/"]', (a) => a.getAttribute('href'))).toMatch(
          /\/issues\/new$/,
        );
        expect(await axeViolations(report)).toEqual([]);
        await report.close();
      });
    });
  }
});
