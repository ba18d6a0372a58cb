/**
 * Names a reader cannot see (a closed menu, `hidden`, `visibility: hidden`, `content-visibility:
 * hidden`, a box of no size, a closed `<details>`) are neither highlighted nor counted; when their
 * text shows (the menu opens, the details are opened), they are, and when it hides again, not.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension, type ExtensionSuite, type ExtensionBrowser } from './harness';
import { countHighlights, openScanned, toolbarBadge } from './page-probes';

/** Waits until the page's highlights hold these many ranges per entity (zeros left out). */
async function waitForCounts(page: Page, counts: Record<string, number>): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      ['tiktok', 'oracle', 'bytedance'].every(
        (id) => (CSS.highlights.get(`backstory-${id}`)?.size ?? 0) === (expected[id] ?? 0),
      ),
    { timeout: 10_000, polling: 50 },
    counts,
  );
}

async function expectBadge(suite: ExtensionSuite<ExtensionBrowser>, text: string): Promise<void> {
  if (suite.browser.name !== 'chromium') return;
  const browser = suite.browser;
  await expect.poll(() => toolbarBadge(browser), { timeout: 10_000 }).toBe(text);
}

describeInBrowsers('text that is not rendered', (name) => {
  let page: Page;
  const suite = useExtension(name);
  beforeAll(async () => {
    page = await openScanned(suite, 'hidden-text.html');
  });

  it('highlights and counts only the one name a reader can see', async () => {
    // The first pass is over (openScanned waited for it): what it shows is final.
    expect((await countHighlights(page)).sizes).toEqual({ 'backstory-oracle': 1 });
    await expectBadge(suite, '1');
  });

  it('shows the names of a menu when it opens, and takes them away when it closes', async () => {
    await page.evaluate(() => document.getElementById('menu')!.classList.add('open'));
    await waitForCounts(page, { oracle: 1, tiktok: 1, bytedance: 1 });
    await expectBadge(suite, '3');
    await page.evaluate(() => document.getElementById('menu')!.classList.remove('open'));
    await waitForCounts(page, { oracle: 1 });
    await expectBadge(suite, '1');
  });

  it('shows the names of a block when its hidden attribute goes, and of details when opened', async () => {
    await page.evaluate(() => document.getElementById('hidden-block')!.removeAttribute('hidden'));
    await waitForCounts(page, { oracle: 2 });
    await page.evaluate(() => ((document.getElementById('more') as HTMLDetailsElement).open = true));
    await waitForCounts(page, { oracle: 2, bytedance: 1 });
    await expectBadge(suite, '3');
  });
});
