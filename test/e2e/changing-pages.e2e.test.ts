/**
 * Pages that keep changing: a feed that loads as the reader scrolls (and drops its oldest posts),
 * and a page that never stops (a clock every 16 ms, a ticker edited in place) while thousands of
 * paragraphs arrive. Exact highlights once the page has what it has, and never a stale range.
 */
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { countHighlights, openScanned, staleRanges } from './page-probes';

describeInBrowsers('pages that keep changing', (name) => {
  const suite = useExtension(name);
  const sizes = async (page: Page) => (await countHighlights(page)).sizes;
  /** Each highlight's size, leaving out the ranges in the clock of clock.html. */
  const sizesOutsideClock = (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(
        ['backstory-tiktok', 'backstory-oracle', 'backstory-bytedance'].map((name) => [
          name,
          [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)].filter(
            (range) => range.startContainer.parentElement?.id !== 'clock',
          ).length,
        ]),
      ),
    );

  it('follows a feed that loads as the reader scrolls and drops its oldest posts', async () => {
    const page = await openScanned(suite, 'infinite-scroll.html');
    // Scroll to the end until the fifth and last batch is in.
    await expect
      .poll(
        async () => {
          await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
          return page.evaluate('window.loaded');
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(5);
    // Posts 40 to 99 are left: 60 name TikTok, 30 Oracle, 12 ByteDance.
    await expect
      .poll(() => sizes(page), { timeout: 5_000 })
      .toEqual({ 'backstory-tiktok': 60, 'backstory-oracle': 30, 'backstory-bytedance': 12 });
    expect(await staleRanges(page)).toBe(0);
    await page.close();
  });

  it('keeps up with a page that never stops changing, and never holds a stale range', async () => {
    const page = await openScanned(suite, 'clock.html');
    await page.evaluate('steps.flood(3000)');
    // While the clock replaces its name every 16 ms: every range, at every moment, still spells
    // its name in the page.
    for (let i = 0; i < 20; i++) {
      expect(await staleRanges(page)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 23));
    }
    // The clock never stops, and the highlights still arrive: 3,000 paragraphs, a label and the
    // ticker (the clock's own name comes and goes with each tick, so it is left out).
    await expect
      .poll(() => sizesOutsideClock(page), { timeout: 15_000 })
      .toEqual({ 'backstory-tiktok': 3000, 'backstory-oracle': 1501, 'backstory-bytedance': 301 });
    expect(await page.evaluate('steps.flooded()')).toBe(3000);
    expect(await staleRanges(page)).toBe(0);
    // The ticker's name stays highlighted while its number changes around it.
    const tickerHighlighted = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('backstory-bytedance') as unknown as Iterable<Range>)].some(
          (range) => range.startContainer.parentElement?.id === 'ticker',
        ),
      );
    for (let i = 0; i < 5; i++) {
      expect(await tickerHighlighted()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 29));
    }
    await page.close();
  });
});
