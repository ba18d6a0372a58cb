/**
 * The card on a real page with a date: CNBC's TikTok lobbying article of March 2023, saved in the
 * shared corpus (../shared/corpus/pages, beside the repository, as `npm run eval` reads it). Its
 * TikTok card names, in "since this page", the Supreme Court's ruling and the joint venture,
 * and stays short. Where the corpus is not beside the repository, the suite says so and skips.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eBrowserSlots, useExtension } from './harness';
import { cardGeometry, openScanned, readCard, waitForCardOpen } from './page-probes';

const corpus = process.env.BACKSTORY_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus/pages');
const CNBC = 'news-cnbc-2023-tiktok-bytedance-lobbying.html';
const missing = !existsSync(join(corpus, CNBC));

for (const { name, skip, label } of e2eBrowserSlots()) {
  const why = missing ? ` (skipped: ${CNBC} is not in ${corpus}; set BACKSTORY_CORPUS)` : '';
  describe.skipIf(skip || missing)(`${label}: the card on a saved news page of March 2023${why}`, () => {
    const suite = useExtension(name, corpus);

    it('the TikTok card names the Supreme Court ruling and the joint venture, and stays short', async () => {
      const page = await openScanned(suite, CNBC);
      // A mention in the article's text, brought to the upper part of the viewport.
      await page.evaluate(() => {
        const ranges = [...(CSS.highlights.get('backstory-tiktok') as unknown as Iterable<Range>)];
        const inText = ranges.find((range) => range.startContainer.parentElement?.closest('p'));
        inText?.startContainer.parentElement?.scrollIntoView({ block: 'start' });
        scrollBy(0, -150);
      });
      const box = await page.evaluate(() => {
        const ranges = [...(CSS.highlights.get('backstory-tiktok') as unknown as Iterable<Range>)];
        const rect = ranges.map((range) => range.getBoundingClientRect()).find((r) => r.top > 100 && r.bottom < 320);
        return rect && { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      expect(box).toBeDefined();
      await page.mouse.move(box!.x, box!.y, { steps: 2 });
      await waitForCardOpen(page);
      const card = await readCard(page);
      expect(card.text).toMatch(/Since this page \(1 Apr 2023\)/i);
      expect(card.text).toMatch(/Supreme Court upholds/);
      expect(card.text).toMatch(/Joint Venture closes/);
      expect(card.dates).toEqual(expect.arrayContaining(['2025-01-17', '2026-01-22']));
      const geometry = await cardGeometry(page);
      console.info(`${name}: TikTok card on the CNBC page, 1280×800: ${geometry.card.height.toFixed(1)} px`);
      expect(geometry.card.height).toBeLessThanOrEqual(420);
      expect(geometry.bodyOverflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  });
}
