/**
 * A single-page app: views replaced on pushState, on back and forward (popstate) and through the
 * Navigation API. The highlights are those of the view shown, never of the tab's title, and a
 * card tells what came after the date of the view it is opened in.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { countHighlights, mentionBox, openScanned, readCard, staleRanges, waitForCardAt } from './page-probes';

describeInBrowsers('a single-page app', (name) => {
  let page: Page;
  const suite = useExtension(name);
  beforeAll(async () => {
    page = await openScanned(suite, 'spa.html');
  });

  /** The highlights once they are those of a view. */
  const expectView = async (sizes: Record<string, number>) => {
    await expect.poll(async () => (await countHighlights(page)).sizes, { timeout: 5_000 }).toEqual(sizes);
    expect(await staleRanges(page)).toBe(0);
  };

  /** Opens the TikTok card of the view and returns the date it says the page was written (lower case: the card's heading is in capitals). */
  async function cardDate(): Promise<string | undefined> {
    const box = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    const below = { ...box, x: box.x + 5, y: box.y + box.height + 30 };
    expect(await waitForCardAt(page, below)).toBe(true);
    const { text } = await readCard(page);
    await page.mouse.move(600, 5);
    expect(await waitForCardAt(page, below, false)).toBe(false);
    return /Since this page \(([^)]+)\)/i.exec(text)?.[1]?.toLowerCase();
  }

  const HOME = { 'backstory-tiktok': 1, 'backstory-oracle': 1, 'backstory-bytedance': 1 };
  const LATER = { 'backstory-tiktok': 1, 'backstory-oracle': 1, 'backstory-bytedance': 0 };
  const MODERN = { 'backstory-tiktok': 1, 'backstory-oracle': 0, 'backstory-bytedance': 2 };

  it('highlights the first view, not the title', async () => {
    await expectView(HOME);
    expect(await cardDate()).toBe('14 sep 2020');
  });

  it('follows a view pushed by history.pushState, with its own date', async () => {
    await page.click('#later');
    await expectView(LATER);
    expect(page.url()).toMatch(/view=later$/);
    expect(await cardDate()).toBe('1 jan 2024');
  });

  it('follows a view the Navigation API routes', async () => {
    await page.evaluate('steps.navigateModern()');
    await expectView(MODERN);
    expect(await cardDate()).toBe('1 mar 2025');
  });

  it('follows back and forward (popstate)', async () => {
    await page.goBack();
    await expectView(LATER);
    expect(await cardDate()).toBe('1 jan 2024');
    await page.goBack();
    await expectView(HOME);
    expect(await cardDate()).toBe('14 sep 2020');
  });
});
