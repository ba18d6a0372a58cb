/**
 * The card stays inside the viewport: it flips above a name near the bottom edge, shifts left of
 * the right edge, and follows a name inside a scrolled container.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { cardGeometry, hoverMention, mentionBox, type Box, openScanned } from './page-probes';

const VIEWPORT = { width: 800, height: 600 };

describeInBrowsers('card placement', (name) => {
  let page: Page;

  const suite = useExtension(name);
  beforeAll(async () => {
    page = await openScanned(suite, 'edges.html', VIEWPORT);
  });

  async function hover(mention: Box): Promise<void> {
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    // The card opens next to the name: wait until something of ours covers a point just off it.
    await page.waitForFunction(
      (x, top, bottom) =>
        document.elementFromPoint(x, bottom + 20)?.hasAttribute('data-backstory-card') === true ||
        document.elementFromPoint(x, top - 20)?.hasAttribute('data-backstory-card') === true,
      { timeout: 5_000, polling: 50 },
      mention.x + 5,
      mention.y,
      mention.y + mention.height,
    );
  }

  /** Probes the viewport on a grid for the card: its rough extent, as the page sees it. */
  async function cardExtent(): Promise<{ top: number; bottom: number; left: number; right: number } | undefined> {
    return page.evaluate(() => {
      let extent: { top: number; bottom: number; left: number; right: number } | undefined;
      for (let y = 0; y < innerHeight; y += 10) {
        for (let x = 0; x < innerWidth; x += 10) {
          if (!document.elementFromPoint(x, y)?.hasAttribute('data-backstory-card')) continue;
          extent = extent ?? { top: y, bottom: y, left: x, right: x };
          extent = {
            top: Math.min(extent.top, y),
            bottom: Math.max(extent.bottom, y),
            left: Math.min(extent.left, x),
            right: Math.max(extent.right, x),
          };
        }
      }
      return extent;
    });
  }

  it('opens below a name at the top left, inside the viewport', async () => {
    const mention = await mentionBox(page, 'backstory-tiktok', 0);
    await hover(mention);
    const card = await cardExtent();
    expect(card).toBeDefined();
    expect(card!.top).toBeGreaterThanOrEqual(mention.y + mention.height);
    expect(card!.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Escape');
  });

  it('flips above and shifts left for a name at the bottom right', async () => {
    const mention = await mentionBox(page, 'backstory-oracle', 0);
    await hover(mention);
    const card = await cardExtent();
    expect(card).toBeDefined();
    expect(card!.bottom).toBeLessThanOrEqual(mention.y);
    expect(card!.right).toBeLessThan(VIEWPORT.width);
    expect(card!.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Escape');
  });

  it('fits a phone-width viewport (360 px) without going past any edge', async () => {
    // The pointer must stay inside the smaller viewport (Firefox refuses moves from outside it).
    await page.mouse.move(5, 5);
    await page.setViewport({ width: 360, height: 640 });
    try {
      const mention = await mentionBox(page, 'backstory-tiktok', 0);
      await hover(mention);
      const card = await cardExtent();
      expect(card).toBeDefined();
      expect(card!.left).toBeGreaterThanOrEqual(0);
      expect(card!.right).toBeLessThan(360);
      expect(card!.right - card!.left).toBeGreaterThan(300);
      expect(card!.bottom).toBeLessThan(640);
      await page.keyboard.press('Escape');
    } finally {
      await page.mouse.move(5, 5);
      await page.setViewport(VIEWPORT);
    }
  });

  it('finds a name inside a scrolled container, and keeps beside it as the box scrolls', async () => {
    await page.evaluate(() => document.getElementById('scroller')!.scrollTo({ top: 380 }));
    // Mid-viewport, with room for the whole card on neither side: it opens beside the name.
    const mention = await hoverMention(page, 'backstory-bytedance', 0);
    const before = await cardGeometry(page);
    const beside = before.card.x >= mention.x + mention.width || before.card.x + before.card.width <= mention.x;
    expect(beside).toBe(true);
    expect(before.bodyOverflow).toBeLessThanOrEqual(0);
    // Scroll the box (the pointer stays on the card): the card moves with the name.
    await page.mouse.move(before.card.x + 20, before.card.y + 20);
    await page.evaluate(() => document.getElementById('scroller')!.scrollBy({ top: -30 }));
    const moved = await mentionBox(page, 'backstory-bytedance', 0);
    expect(moved.y).toBeCloseTo(mention.y + 30, 0);
    // Still open, still beside the name that moved, still inside the viewport (shift() holds it there).
    const after = await cardGeometry(page);
    expect(after.card.x + after.card.width <= moved.x || after.card.x >= moved.x + moved.width).toBe(true);
    expect(after.card.y + after.card.height).toBeLessThanOrEqual(after.viewport.height);
    await page.keyboard.press('Escape');
  });
});
