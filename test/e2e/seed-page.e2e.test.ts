/**
 * The built extension on the seed article, in real Chromium and Firefox, as a user installs it:
 * exact highlights, the scan measure, an untouched DOM, and the card on hover.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import {
  cardIsOpenAt,
  countHighlights,
  hoverMention,
  mentionBox,
  readCard,
  waitForCardAt,
  type Box,
  openScanned,
  sleep,
} from './page-probes';

const root = join(import.meta.dirname, '../..');
const screenshots = join(root, 'docs/screenshots');
const CLOSE_GRACE = 300;

describeInBrowsers('the seed article', (name) => {
  let page: Page;

  const suite = useExtension(name);

  async function openSeed(): Promise<Page> {
    page = await openScanned(suite, 'seed-article.html');
    return page;
  }

  it('highlights exactly 18 TikTok, 8 Oracle and 6 ByteDance mentions, none in fields, drafts, JSON-LD or alt text', async () => {
    await openSeed();
    const counts = await countHighlights(page);
    expect(counts.sizes).toEqual({ 'backstory-tiktok': 18, 'backstory-oracle': 8, 'backstory-bytedance': 6 });
    expect(counts.texts).toEqual({
      'backstory-tiktok': ['TikTok'],
      'backstory-oracle': ['Oracle'],
      'backstory-bytedance': ['ByteDance'],
    });
    expect(counts.insideSkipped).toBe(0);
    await page.close();
  });

  it('records a backstory:scan measure with the text nodes and mentions it saw', async () => {
    await openSeed();
    const { details, pageTexts } = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let pageTexts = 0;
      while (walker.nextNode()) pageTexts++;
      const details = performance
        .getEntriesByName('backstory:scan')
        .map((entry) => (entry as PerformanceMeasure).detail);
      return { details, pageTexts };
    });
    expect(details).toHaveLength(1);
    expect(details[0]).toMatchObject({ mentions: 32 });
    // The engine read only the texts the sentinel found a name in, not the page a second time.
    expect(details[0].textNodes).toBeGreaterThan(0);
    expect(details[0].textNodes).toBeLessThan(pageTexts / 2);
    await page.close();
  });

  it('opens the card on hover, keeps it while the pointer moves in, closes it on leaving and on Escape', async () => {
    await openSeed();
    const mention = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    const below: Box = { x: mention.x + 20, y: mention.y + mention.height + 30, width: 1, height: 1 };
    expect(await waitForCardAt(page, below)).toBe(true);

    // Into the card: it stays.
    await page.mouse.move(below.x, below.y, { steps: 4 });
    await sleep(CLOSE_GRACE + 300);
    expect(await cardIsOpenAt(page, below)).toBe(true);

    // Away from both: it goes.
    await page.mouse.move(1200, 780, { steps: 4 });
    await sleep(CLOSE_GRACE);
    expect(await waitForCardAt(page, below, false)).toBe(false);

    // Open again, then Escape.
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    expect(await waitForCardAt(page, below)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await waitForCardAt(page, below, false, 200)).toBe(false);
    await page.close();
  });

  it('shows the company, its role, where things stand with an as-of date, key dates and their sources', async () => {
    await openSeed();
    // Wherever it opens: below the name, above it, or beside it where neither has room.
    await hoverMention(page, 'backstory-oracle', 1);
    await page.screenshot({ path: join(screenshots, `card-${name}.png`) });
    const card = await readCard(page);
    expect(card.dialogName).toBe('Backstory: Oracle');
    expect(card.text).toMatch(/^Oracle\b/);
    expect(card.text).toMatch(/\bNOW\b/i);
    expect(card.text).toMatch(/Since \d{1,2} \w{3} \d{4}/);
    // The as-of date, or, once the dataset is over 90 days old, the quiet line that says so.
    expect(card.text).toMatch(/as of \d{1,2} \w{3} \d{4}|Events up to \d{1,2} \w{3} \d{4}; later ones may be missing/);
    expect(card.dates.length).toBeGreaterThanOrEqual(2);
    expect(card.dates.length).toBeLessThanOrEqual(3);
    expect(card.links.length).toBeGreaterThanOrEqual(card.dates.length);
    for (const link of card.links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    // Tab moves into the card, onto its first control.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-card'))).toBe(true);
    await page.close();
  });

  it('leaves the page as its source parsed, but for one host element with a closed shadow root', async () => {
    await openSeed();
    const mention = await mentionBox(page, 'backstory-bytedance', 0);
    await page.mouse.move(mention.x + 2, mention.y + mention.height / 2, { steps: 2 });
    await page.waitForSelector('div[data-backstory-card]', { timeout: 5_000 });
    const result = await page.evaluate(async () => {
      const source = await (await fetch(location.href)).text();
      const fresh = new DOMParser().parseFromString(source, 'text/html');
      const live = document.documentElement.cloneNode(true) as HTMLElement;
      const hosts = [...live.querySelectorAll('div[data-backstory-card]')];
      hosts.forEach((host) => host.remove());
      const host = document.querySelector('div[data-backstory-card]');
      return {
        hosts: hosts.length,
        hostParent: host?.parentElement?.localName,
        shadowVisible: host?.shadowRoot !== null,
        same: live.outerHTML === fresh.documentElement.outerHTML,
        styles: document.querySelectorAll('style').length,
      };
    });
    expect(result).toEqual({ hosts: 1, hostParent: 'html', shadowVisible: false, same: true, styles: 1 });
    await page.close();
  });
});

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
});
