/**
 * The seed article with the page's own scripts off (a blocked-JavaScript site setting, NoScript):
 * Backstory's content script still runs, highlights the names and opens a card on hover. Here in
 * Firefox, with scripts off in the whole browser (`javascript.enabled`).
 *
 * Not in Chromium yet: there, with a page's scripts off, Blink refuses every script fetched into
 * the page's frame, from any world (DevTools reports `blockedReason: "csp"` for card.js and
 * page-date.js), so the content script's `import()` of the card's module fails, and
 * `scripting.executeScript` needs host permissions Backstory does not ask for. See the README's
 * Limitations.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserExecutable,
  extensionDir,
  launchWithExtension,
  serveStatic,
  type FirefoxExtensionBrowser,
  type StaticServer,
} from './harness';
import { CARD_HOST, countHighlights, mentionBox, readCard } from './page-probes';

const root = join(import.meta.dirname, '../..');

describe.skipIf(!browserExecutable('firefox') && process.env.CI !== 'true')(
  'firefox: a page whose own scripts are off',
  () => {
    let browser: FirefoxExtensionBrowser;
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(join(root, 'test/fixtures/pages'));
      browser = await launchWithExtension('firefox', extensionDir(root, 'firefox'), { pageScripts: false });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('is highlighted, and opens its card on hover', async () => {
      // Scripts are off: a page whose inline script would have defined a global has none.
      const scripted = await browser.newPage(`${server.origin}/predefined-host.html`);
      expect(await scripted.evaluate(() => typeof (window as unknown as { internals?: unknown }).internals)).toBe(
        'undefined',
      );
      await scripted.close();
      const page = await browser.newPage(`${server.origin}/seed-article.html`);
      await page.setViewport({ width: 1280, height: 800 });
      // Polled from here: waitForFunction's poller needs the page's timers, which are off too.
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('backstory:scan').length), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect((await countHighlights(page)).sizes['backstory-tiktok']).toBe(18);
      const mention = await mentionBox(page, 'backstory-tiktok', 0);
      await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
      await expect
        .poll(
          () =>
            page.evaluate(
              (host) => document.querySelector<HTMLElement>(host)?.style.getPropertyValue('display') === '',
              CARD_HOST,
            ),
          { timeout: 5_000 },
        )
        .toBe(true);
      expect((await readCard(page)).dialogName).toBe('Backstory: TikTok');
      await page.close();
    });
  },
);
