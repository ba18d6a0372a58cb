/**
 * The real toolbar popup, in Chromium (Firefox refuses to open extension pages over WebDriver
 * BiDi): the page's mentions counted and listed, a chosen mention revealed with its card, and the
 * deal's timeline; the card's "Full timeline" opens the timeline in a tab.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserExecutable, useExtension } from './harness';
import { cardIsOpenAt, mentionBox, openScanned, sleep, toolbarBadge, waitForCardAt } from './page-probes';

const root = join(import.meta.dirname, '../..');

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: the popup', () => {
  let page: Page;

  const suite = useExtension('chromium');
  beforeAll(async () => {
    page = await openScanned(suite, 'seed-article.html');
  });

  async function openPopup(): Promise<Page> {
    await page.bringToFront();
    const popup = await suite.browser.openPopup();
    // The page's summary, not the notice shown while the page answers.
    await popup.waitForSelector('.page-summary');
    return popup;
  }

  it('shows the badge count of the page: 32', async () => {
    const text = await toolbarBadge(suite.browser);
    expect(text).toBe('32');
  });

  it('counts and lists the mentions of each company, with their sentences as text', async () => {
    const popup = await openPopup();
    const counts = await popup.$$eval('.counts li', (items) => items.map((li) => li.textContent?.trim()));
    expect(counts).toEqual(['18 TikTok', '8 Oracle', '6 ByteDance']);
    const lists = await popup.$$eval('.mentions', (groups) =>
      groups.map((g) => ({ heading: g.querySelector('summary')?.textContent, items: g.querySelectorAll('li').length })),
    );
    expect(lists).toEqual([
      { heading: 'TikTok: 18 mentions', items: 18 },
      { heading: 'Oracle: 8 mentions', items: 8 },
      { heading: 'ByteDance: 6 mentions', items: 6 },
    ]);
    const first = await popup.$eval('#mentions-oracle .mention', (b) => ({
      text: b.textContent,
      mark: b.querySelector('mark')?.textContent,
    }));
    expect(first).toEqual({
      text: 'Oracle set to become TikTok partner after ByteDance rejects Microsoft',
      mark: 'Oracle',
    });
    await popup.screenshot({ path: join(root, 'docs/screenshots/popup-chromium.png') });
    await popup.close();
  });

  it('scrolls the page to a chosen mention and opens its card', async () => {
    const popup = await openPopup();
    await popup.click('#mentions-bytedance summary');
    const buttons = await popup.$$('#mentions-bytedance .mention');
    await buttons[5]!.click();
    await sleep(800);
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(300);
    const mention = await mentionBox(page, 'backstory-bytedance', 5);
    expect(mention.y).toBeGreaterThan(0);
    expect(mention.y).toBeLessThan(800);
    const card = { x: mention.x + 10, y: mention.y + mention.height + 25, width: 1, height: 1 };
    const above = { x: mention.x + 10, y: mention.y - 25, width: 1, height: 1 };
    await page.waitForSelector('div[data-backstory-card]', { timeout: 5_000 });
    expect((await waitForCardAt(page, card)) || (await cardIsOpenAt(page, above))).toBe(true);
    await popup.close().catch(() => undefined);
  });

  it('tells the deal year by year, filtered by company, every event dated and sourced', async () => {
    const popup = await openPopup();
    const years = await popup.$$eval('.year h3', (hs) => hs.map((h) => h.textContent));
    expect(years[0]).toBe('2012');
    expect(years.at(-1)).toBe('2026');
    const all = await popup.$$eval('.event', (events) => events.length);
    expect(all).toBeGreaterThanOrEqual(70);
    const undated = await popup.$$eval(
      '.event',
      (events) =>
        events.filter((e) => !e.querySelector('time[datetime]') || !e.querySelector('a[href^="https://"]')).length,
    );
    expect(undated).toBe(0);
    const [, oracle] = await popup.$$('.filters .chip').then((chips) => chips.slice(1, 3));
    await oracle!.click();
    const filtered = await popup.$$eval('.event', (events) => events.length);
    expect(filtered).toBeGreaterThan(5);
    expect(filtered).toBeLessThan(all);
    expect(await popup.$eval('.filters [aria-pressed="true"]', (b) => b.textContent)).toBe('Oracle');
    expect(await popup.$eval('.as-of', (s) => s.textContent)).toMatch(/^as of \d{1,2} \w{3} 2026$/);
    await popup.close();
  });

  it("opens the full timeline in a tab from a card's link", async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await sleep(100);
    const mention = await mentionBox(page, 'backstory-oracle', 0);
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    expect(
      await waitForCardAt(page, { x: mention.x + 5, y: mention.y + mention.height + 25, width: 1, height: 1 }),
    ).toBe(true);
    await page.keyboard.press('Tab');
    // Tab out of the card, then back past its last control ("More") onto "Full timeline".
    for (let i = 0; i < 40; i++) {
      const onCard = await page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-card'));
      if (!onCard) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    const target = await suite.browser.browser.waitForTarget((t) =>
      t.url().includes('popup.html?view=timeline&entity=oracle'),
    );
    const tab = await target.asPage();
    await tab.waitForSelector('.event');
    expect(await tab.$eval('.filters [aria-pressed="true"]', (b) => b.textContent)).toBe('Oracle');
    expect(await tab.$('.page-summary')).toBeNull();
    await tab.close();
  });
});
