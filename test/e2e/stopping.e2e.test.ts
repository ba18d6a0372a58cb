/**
 * Stopping on a site (Chromium, where the test can change the settings as the popup does): every
 * highlight, card, listener and observer goes at once, in every frame and shadow root, and all of
 * it comes back on resuming.
 */
import type { Frame, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { WATCH_DELAY_MS } from '../../src/content/watch/watch-page';
import { browserExecutable, useExtension } from './harness';
import {
  mentionBox,
  openScanned,
  toolbarBadge,
  waitForCardAt,
  waitForNextScan,
  waitForScan,
  type Box,
} from './page-probes';

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: stopping on a site', () => {
  const suite = useExtension('chromium');
  let page: Page;
  beforeAll(async () => {
    page = await openScanned(suite, 'frames.html');
    for (const frame of page.frames()) await waitForScan(frame);
  });

  /** Pauses or resumes Backstory on the test site, as the popup's switch does. */
  const setPaused = async (paused: boolean) => {
    const worker = await suite.browser.serviceWorker();
    await worker.evaluate(async (paused) => {
      const chrome = (globalThis as unknown as { chrome: any }).chrome;
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({
        settings: { ...settings, version: 1, pausedSites: paused ? ['127.0.0.1'] : [] },
      });
    }, paused);
  };

  /** What Backstory has in a document: its highlights' names and sizes, and whether its host is there. */
  const traces = (doc: Page | Frame) =>
    doc.evaluate(() => {
      const names = ['tiktok', 'oracle', 'bytedance', 'current'].map((id) => `backstory-${id}`);
      const highlights = names
        .filter((name) => CSS.highlights.has(name))
        .map((name) => `${name}:${CSS.highlights.get(name)!.size}`);
      return { highlights, host: document.querySelector('div[data-backstory-card]') !== null };
    });

  it('takes away every highlight and card, in every frame', async () => {
    const box = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    expect(await waitForCardAt(page, { ...box, y: box.y + box.height + 25 })).toBe(true);
    await setPaused(true);
    for (const frame of page.frames()) {
      await expect.poll(() => traces(frame), { timeout: 2_000, interval: 20 }).toEqual({ highlights: [], host: false });
    }
    await expect.poll(() => toolbarBadge(suite.browser), { timeout: 2_000 }).toBe('');
  });

  it('listens to nothing while paused: no pass for a change, no card on hover', async () => {
    // The same page on another site (localhost), which is not paused: a Backstory that runs there
    // reading the same change and opening the same card is the sign that the time this takes has
    // passed (a tab hidden for less than 10 s keeps its timers), with nothing read in this one.
    const control = await openScanned(
      { ...suite, origin: suite.origin.replace('127.0.0.1', 'localhost') },
      'frames.html',
    );
    await page.bringToFront();
    const passes = await page.evaluate(() => performance.getEntriesByName('backstory:scan').length);
    const change = async (doc: Page) => {
      await doc.evaluate(() =>
        document.body.append(
          Object.assign(document.createElement('p'), { textContent: 'The database maker Oracle, added while paused.' }),
        ),
      );
      await doc.evaluate('steps.appendToBlank()');
      // The name in the top document, found in its text (the paused page has no highlight to ask).
      const name = await doc.$eval('#top', (p): Box => {
        const text = p.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, text.data.indexOf('TikTok'));
        range.setEnd(text, text.data.indexOf('TikTok') + 'TikTok'.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      });
      await doc.mouse.move(name.x + name.width / 2, name.y + name.height / 2, { steps: 3 });
      return name;
    };
    const name = await change(page);
    await control.bringToFront();
    expect(await change(control)).toEqual(name);
    expect(await waitForCardAt(control, { ...name, y: name.y + name.height + 25 })).toBe(true);
    await waitForNextScan(control);
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBe(passes);
    for (const frame of page.frames()) expect(await traces(frame)).toEqual({ highlights: [], host: false });
    await control.close();
    await page.bringToFront();
  });

  it('comes back on resuming, with what changed meanwhile', async () => {
    await setPaused(false);
    await expect
      .poll(() => traces(page), { timeout: 5_000 })
      .toEqual({ highlights: ['backstory-tiktok:1', 'backstory-oracle:1'], host: false });
    await expect.poll(() => toolbarBadge(suite.browser), { timeout: 5_000 }).toBe('9');
  });
});

/** How many passes Backstory has recorded in `page`. */
const scanCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('backstory:scan').length);

/**
 * Adds paragraphs with names to `page` and counts the passes recorded once the change has been
 * waited for as Backstory waits for it: a task posted with its delay from an observer created
 * after its own (so queued after its flush), then the page's next idle period (after every slice
 * of the pass that flush began).
 */
const appendThenIdle = (page: Page) =>
  page.evaluate(async (delay) => {
    const scheduler = (
      globalThis as unknown as { scheduler: { postTask: (task: () => void, options: object) => Promise<void> } }
    ).scheduler;
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        void scheduler.postTask(resolve, { delay });
      });
      observer.observe(document.body, { childList: true, subtree: true });
      (window as unknown as { steps: { append: (count: number) => void } }).steps.append(3);
    });
    await new Promise((resolve) => requestIdleCallback(resolve));
    return performance.getEntriesByName('backstory:scan').length;
  }, WATCH_DELAY_MS);

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')(
  'chromium: the extension removed from under its pages',
  () => {
    const suite = useExtension('chromium');

    it('stops in the pages left open at their next change: no highlight, no pass, no error', async () => {
      const page = await openScanned(suite, 'live.html');
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      const highlights = () =>
        page.evaluate(
          () => ['tiktok', 'oracle', 'bytedance'].filter((id) => CSS.highlights.has(`backstory-${id}`)).length,
        );
      expect(await highlights()).toBe(3);
      // While installed, a change is read by the time the page is next idle: one pass more.
      const before = await scanCount(page);
      expect(await appendThenIdle(page)).toBe(before + 1);
      // Chromium keeps the content script running, and its CSS in the page, and says nothing.
      await suite.browser.browser.uninstallExtension(suite.browser.extensionId);
      await page.evaluate('steps.append(3)');
      await expect.poll(highlights, { timeout: 5_000 }).toBe(0);
      const passes = await scanCount(page);
      expect(await appendThenIdle(page)).toBe(passes);
      expect(messages.filter((text) => /backstory/i.test(text))).toEqual([]);
    });
  },
);
