/**
 * "Since this page was written": on a copy of the seed article whose metadata dates it 14 Sep
 * 2020, the TikTok card says what came after (the 2026 joint venture among it), and the popup
 * gives the page's date and marks it in the timeline.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserExecutable, describeInBrowsers, useExtension } from './harness';
import { mentionBox, readCard, waitForCardAt, waitForScan, openScanned } from './page-probes';

const root = join(import.meta.dirname, '../..');

const sites: string[] = [];
afterAll(async () => {
  for (const dir of sites) await rm(dir, { recursive: true, force: true });
});

/** The seed article as a page whose metadata dates it: the seed page plus one meta tag. */
async function datedSeedSite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-dated-'));
  sites.push(dir);
  const seed = await readFile(join(root, 'test/fixtures/pages/seed-article.html'), 'utf8');
  const meta = '<meta property="article:published_time" content="2020-09-14T09:00:00+10:00">';
  await writeFile(
    join(dir, 'seed-article-dated.html'),
    seed.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${meta}`),
  );
  return dir;
}

describeInBrowsers('since this page was written', (name) => {
  let page: Page;
  const suite = useExtension(name, datedSeedSite);
  beforeAll(async () => {
    page = await openScanned(suite, 'seed-article-dated.html');
  });

  it('adds to the TikTok card what came after 14 Sep 2020, the joint venture among it', async () => {
    const mention = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    expect(
      await waitForCardAt(page, { x: mention.x + 10, y: mention.y + mention.height + 30, width: 1, height: 1 }),
    ).toBe(true);
    const card = await readCard(page);
    expect(card.text).toMatch(/Since this page \(14 Sep 2020\)/i);
    expect(card.text).toMatch(/\d of \d+ events/);
    expect(card.text).toMatch(/TikTok USDS Joint Venture closes/);
  });
});

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')(
  'chromium: the page date in the popup',
  () => {
    const suite = useExtension('chromium', datedSeedSite);
    beforeAll(async () => {
      await waitForScan(await suite.browser.newPage(`${suite.origin}/seed-article-dated.html`));
    });

    it("gives the page's date and its source, and marks it in the timeline, later events standing out", async () => {
      const popup = await suite.browser.openPopup();
      await popup.waitForSelector('.page-summary');
      expect(await popup.$eval('.page-date', (p) => p.textContent)).toBe(
        "Published 14 Sep 2020 (from the page's metadata)",
      );
      // Newest first: the events above the mark came after the page, those below did not.
      const mark = await popup.$eval('.page-mark', (li) => {
        const dates = (from: Element[]) => from.map((e) => e.querySelector('time')!.getAttribute('datetime')!);
        const events = [...document.querySelectorAll('.event')];
        const above = events.filter((e) => e.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING);
        const below = events.filter((e) => e.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_PRECEDING);
        return { text: li.textContent, above: dates(above), below: dates(below) };
      });
      expect(mark.text).toBe('This page was written on 14 Sep 2020: the events above came after it.');
      expect(mark.above.length).toBeGreaterThan(10);
      expect(mark.above.every((date) => date > '2020-09-14')).toBe(true);
      expect(mark.below.every((date) => date <= '2020-09-14')).toBe(true);
      const [before, after] = await popup.$$eval('.event', (events) => [
        events.filter((e) => !e.classList.contains('after-page')).length,
        events.filter((e) => e.classList.contains('after-page')).length,
      ]);
      expect(before).toBeGreaterThan(10);
      expect(after).toBeGreaterThan(40);
      await popup.close();
    });
  },
);
