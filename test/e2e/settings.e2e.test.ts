/**
 * Settings, as a user changes them (Chromium: Firefox does not let test tools open extension
 * pages): the options page and the popup's switch apply to an open tab at once, the badge can be
 * turned off, the keyboard command walks the mentions, and axe-core finds no violation.
 */
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { browserExecutable, useExtension } from './harness';
import { countHighlights, openScanned, toolbarBadge } from './page-probes';

const root = join(import.meta.dirname, '../..');
describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: settings', () => {
  let page: Page;

  const suite = useExtension('chromium');
  beforeAll(async () => {
    page = await openScanned(suite, 'seed-article.html');
  });

  const badge = () => toolbarBadge(suite.browser);
  const sizes = async () => (await countHighlights(page)).sizes;
  const waitForSizes = (expected: Record<string, number>) =>
    expect.poll(sizes, { timeout: 5_000, interval: 100 }).toEqual(expected);

  /** The checkbox of the label that reads `text`, as a user finds it. */
  const checkbox = async (options: Page, text: string) => {
    const handle = await options.evaluateHandle(
      (text) =>
        [...document.querySelectorAll('label')]
          .find((l) => l.textContent?.trim().startsWith(text))
          ?.querySelector('input'),
      text,
    );
    const element = handle.asElement();
    if (!element) throw new Error(`No checkbox labelled ${text}`);
    return element as ElementHandle<HTMLInputElement>;
  };

  async function openOptions(): Promise<Page> {
    const options = await suite.browser.newPage(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await options.waitForSelector('input[type="checkbox"]');
    return options;
  }

  it('applies an options change to an open tab at once, and back', async () => {
    const options = await openOptions();
    const oracle = await checkbox(options, 'Oracle');
    await oracle!.click();
    await page.bringToFront();
    await waitForSizes({ 'backstory-tiktok': 18, 'backstory-bytedance': 6 });
    await options.bringToFront();
    await oracle!.click();
    await page.bringToFront();
    await waitForSizes({ 'backstory-tiktok': 18, 'backstory-oracle': 8, 'backstory-bytedance': 6 });
    await options.close();
  });

  it('highlights a related entity once the user turns it on', async () => {
    const options = await openOptions();
    const microsoft = await checkbox(options, 'Microsoft');
    await microsoft!.click();
    await page.bringToFront();
    // The seed article names Microsoft seven times, the headline included.
    const microsoftCount = async () =>
      (await countHighlights(page, ['backstory-microsoft'])).sizes['backstory-microsoft'];
    await expect.poll(microsoftCount, { timeout: 5_000 }).toBe(7);
    await options.bringToFront();
    await microsoft!.click();
    // The open tab follows before the options page is closed (closing at once could cut the save).
    await expect.poll(microsoftCount, { timeout: 5_000 }).toBeUndefined();
    await options.close();
  });

  it('turns the badge off and on', async () => {
    expect(await badge()).toBe('32');
    const options = await openOptions();
    const box = await checkbox(options, 'Show how many mentions');
    await box.click();
    await page.bringToFront();
    await expect.poll(badge, { timeout: 5_000 }).toBe('');
    await options.bringToFront();
    await box.click();
    await page.bringToFront();
    await expect.poll(badge, { timeout: 5_000 }).toBe('32');
    await options.close();
  });

  it("pauses and resumes on the site from the popup's switch, without a reload", async () => {
    await page.bringToFront();
    let popup = await suite.browser.openPopup();
    const site = await popup.waitForSelector('input[role="switch"]');
    expect(await site!.evaluate((input) => (input as HTMLInputElement).checked)).toBe(true);
    await site!.click();
    await popup.waitForSelector('.notice');
    await popup.close().catch(() => undefined);
    await waitForSizes({});
    expect(await page.evaluate(() => document.querySelector('div[data-backstory-card]'))).toBeNull();
    await expect.poll(badge, { timeout: 5_000 }).toBe('');

    popup = await suite.browser.openPopup();
    const again = await popup.waitForSelector('input[role="switch"]');
    expect(await again!.evaluate((input) => (input as HTMLInputElement).checked)).toBe(false);
    await again!.click();
    await popup.waitForSelector('.page-summary');
    await popup.close().catch(() => undefined);
    await waitForSizes({ 'backstory-tiktok': 18, 'backstory-oracle': 8, 'backstory-bytedance': 6 });
  });

  it('walks the mentions with the keyboard command, focus in the card, Escape returning focus', async () => {
    const worker = await suite.browser.serviceWorker();
    const suggested = await worker.evaluate(
      () =>
        (globalThis as unknown as { chrome: any }).chrome.runtime.getManifest().commands['next-mention'].suggested_key,
    );
    expect(suggested).toEqual({ default: 'Alt+Shift+B' });
    await page.bringToFront();
    await page.focus('textarea');
    // What the command does: the background tells the active tab to go to its next mention.
    const next = () =>
      worker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: any }).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.tabs.sendMessage(tab.id, { type: 'nextMention', params: {} }, { frameId: 0 });
      });
    expect(await next()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-card')), { timeout: 5_000 })
      .toBe(true);
    const first = await page.evaluate(() => scrollY);
    expect(await next()).toBe(true);
    expect(await next()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-card'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('c');
    expect(await page.evaluate(() => document.querySelector('div[data-backstory-card]')?.checkVisibility())).toBe(
      false,
    );
    expect(first).toBeGreaterThanOrEqual(0);
  });

  it('has no accessibility violation in the popup or the options page, light or dark', async () => {
    await page.bringToFront();
    const popup = await suite.browser.openPopup();
    await popup.waitForSelector('.page-summary');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close().catch(() => undefined);
    const options = await openOptions();
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(options)).toEqual([]);
    await options.setViewport({ width: 900, height: 1100 });
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await options.screenshot({ path: join(root, 'docs/screenshots/options-chromium.png'), fullPage: true });
    await options.close();
  });
});
