/**
 * Pages that get in the way: one that breaks the globals and prototypes of its own world before
 * Backstory starts, and one that removes every element it did not create. Backstory relies on
 * nothing of the page's, throws nothing into it, and does not fight it for its host.
 */
import type { ConsoleMessage, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import {
  countHighlights,
  mentionBox,
  openScanned,
  sleep,
  staleRanges,
  waitForCardAt,
  waitForNextScan,
  type Box,
} from './page-probes';

/** Highlight sizes read with nothing but `size`: the sabotaging page has broken Set, push, map… */
const bareSizes = (page: Page) =>
  page.evaluate(() => {
    const size = (name: string) => CSS.highlights.get(name)?.size ?? 0;
    return {
      tiktok: size('backstory-tiktok'),
      oracle: size('backstory-oracle'),
      bytedance: size('backstory-bytedance'),
    };
  });

/** Rests the pointer on a name and says whether its card shows below it. */
async function cardOpensOn(page: Page, box: Box): Promise<boolean> {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
  return waitForCardAt(page, { ...box, x: box.x + 5, y: box.y + box.height + 30 });
}

describeInBrowsers('pages that get in the way', (name) => {
  const suite = useExtension(name);

  describe('a page that breaks its own globals', () => {
    let page: Page;
    const messages: string[] = [];
    beforeAll(async () => {
      page = await suite.browser.browser.newPage();
      page.on('console', (message: ConsoleMessage) => messages.push(message.text()));
      page.on('pageerror', (error) => messages.push(`pageerror: ${String(error)}`));
      await page.goto(`${suite.origin}/sabotage.html`);
      // puppeteer's own waits use the page's (broken) timers: poll from here instead.
      for (let tries = 0; tries < 100; tries++) {
        if (await page.evaluate("performance.getEntriesByName('backstory:scan').length")) break;
        await sleep(100);
      }
    });

    it('highlights it exactly, and follows it as it changes', async () => {
      expect(await bareSizes(page)).toEqual({ tiktok: 1, oracle: 1, bytedance: 1 });
      await page.evaluate('steps.append()');
      await expect.poll(() => bareSizes(page), { timeout: 5_000 }).toEqual({ tiktok: 1, oracle: 2, bytedance: 2 });
    });

    it('opens a card there', async () => {
      const box = await page.evaluate(() => {
        const [range] = CSS.highlights.get('backstory-tiktok') as unknown as Iterable<Range>;
        const { x, y, width, height } = range!.getBoundingClientRect();
        return { x, y, width, height };
      });
      // waitForCardAt polls with the page's timers, broken here: poll from here instead.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
      const below = { x: box.x + 5, y: box.y + box.height + 30 };
      await expect
        .poll(
          () =>
            page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.hasAttribute('data-backstory-card'), below),
          { timeout: 5_000 },
        )
        .toBe(true);
    });

    it('reports no error and throws none into the page', async () => {
      expect(await page.evaluate('String(window.pageErrors)')).toBe('');
      expect(messages.filter((text) => /backstory|pageerror/i.test(text))).toEqual([]);
    });
  });

  describe('a page that removes every element it did not create', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openScanned(suite, 'drops-foreign.html');
    });
    const EXACT = { 'backstory-tiktok': 1, 'backstory-oracle': 1, 'backstory-bytedance': 1 };

    it('is highlighted without a change to it', async () => {
      expect((await countHighlights(page)).sizes).toEqual(EXACT);
      expect(await page.evaluate('window.added')).toEqual([]);
    });

    it('gets its card back on the next hover after a re-render removed the host', async () => {
      expect(await cardOpensOn(page, await mentionBox(page, 'backstory-tiktok', 0))).toBe(true);
      await page.evaluate('steps.rerender()');
      expect(await page.evaluate('window.removed')).toEqual(['div[data-backstory-card]']);
      await expect.poll(async () => (await countHighlights(page)).sizes, { timeout: 5_000 }).toEqual(EXACT);
      expect(await staleRanges(page)).toBe(0);
      await page.mouse.move(600, 5);
      expect(await cardOpensOn(page, await mentionBox(page, 'backstory-oracle', 0))).toBe(true);
    });

    it('shows the card again when the pointer moves on the name after the page removed it', async () => {
      const box = await mentionBox(page, 'backstory-tiktok', 0);
      await page.mouse.move(600, 5);
      expect(await cardOpensOn(page, box)).toBe(true);
      await page.evaluate('steps.dropForeign()');
      const below = { ...box, x: box.x + 5, y: box.y + box.height + 30 };
      expect(await waitForCardAt(page, below, false)).toBe(false);
      await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2, { steps: 2 });
      expect(await waitForCardAt(page, below)).toBe(true);
    });

    it('does not fight a page that removes the host the moment it appears', async () => {
      await page.mouse.move(600, 5);
      await page.evaluate('steps.sweepAlways()');
      await page.evaluate('steps.rerender()');
      await expect.poll(async () => (await countHighlights(page)).sizes, { timeout: 5_000 }).toEqual(EXACT);
      const added = (await page.evaluate('window.added.length')) as number;
      const box = await mentionBox(page, 'backstory-bytedance', 0);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
      // The attempt, then a scan pass that began after it: Backstory has seen its host go.
      await page.waitForFunction((n) => (window as unknown as { added: string[] }).added.length > n, {}, added);
      await waitForNextScan(page);
      // One hover, one attempt: the host was added once, removed once, and left at that.
      expect(await page.evaluate('window.added.length')).toBe(added + 1);
      expect(await page.evaluate('window.removed.at(-1)')).toBe('div[data-backstory-card]');
      expect((await countHighlights(page)).sizes).toEqual(EXACT);
    });
  });
});
