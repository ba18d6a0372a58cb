/**
 * The card at a glance, in real Chromium and Firefox at 1280×800: short (420 px at most, no
 * scrolling inside, its footer in view), at 360 px wide too; as dark as a dark page; free of
 * axe-core violations inside its shadow root, light and dark; and, in Chromium, opened and closed
 * by touch. It writes the README's screenshots of the card on a dark page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { browserExecutable, closedShadowRoot, describeInBrowsers, useExtension } from './harness';
import {
  CARD_HOST,
  cardGeometry,
  hoverMention,
  meanLuminance,
  openScanned,
  readCard,
  waitForCardOpen,
  waitForScan,
  type CardGeometry,
} from './page-probes';

const root = join(import.meta.dirname, '../..');
const screenshots = join(root, 'docs/screenshots');
const MAX_HEIGHT = 420;
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a reader needs of a card's size: short, all of it in view, its footer never scrolled away. */
function expectAtAGlance(geometry: CardGeometry, maxHeight = MAX_HEIGHT): void {
  const { card, footer, viewport, bodyOverflow } = geometry;
  expect(card.height).toBeLessThanOrEqual(maxHeight);
  expect(bodyOverflow).toBeLessThanOrEqual(0);
  expect(card.x).toBeGreaterThanOrEqual(0);
  expect(card.y).toBeGreaterThanOrEqual(0);
  expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
  expect(card.y + card.height).toBeLessThanOrEqual(viewport.height);
  expect(footer.y + footer.height).toBeLessThanOrEqual(card.y + card.height + 0.5);
  expect(footer.height).toBeGreaterThan(10);
}

/** Runs axe-core on the card, inside its closed shadow root, which the test lends to axe as if open. */
async function axeViolationsInCard(page: Page): Promise<string[]> {
  await page.evaluate(await axeSource);
  const shadow = await closedShadowRoot(page, CARD_HOST, { text: 'Full timeline' });
  try {
    await shadow.evaluate((r) => Object.defineProperty(r.host, 'shadowRoot', { get: () => r, configurable: true }));
    return await page.evaluate(async (host) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
            ): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[]; passes: unknown[] }>;
          };
        }
      ).axe;
      const result = await axe.run({ include: [{ fromShadowDom: [host, '.card'] }] });
      if (result.passes.length === 0) return ['axe checked nothing in the card'];
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
    }, CARD_HOST);
  } finally {
    await shadow.evaluate((r) => Reflect.deleteProperty(r.host, 'shadowRoot')).catch(() => undefined);
    await shadow.dispose();
  }
}

describeInBrowsers('the card at a glance', (name) => {
  const suite = useExtension(name);

  it.each([
    ['Oracle', 'backstory-oracle', 1],
    ['TikTok', 'backstory-tiktok', 0],
  ] as const)(
    "the seed article's %s card is at most 420 px tall, inside the viewport, its footer in view",
    async (company, highlight, index) => {
      const page = await openScanned(suite, 'seed-article.html');
      await hoverMention(page, highlight, index);
      const geometry = await cardGeometry(page);
      console.info(`${name}: ${company} card on the seed article, 1280×800: ${geometry.card.height.toFixed(1)} px`);
      expectAtAGlance(geometry);
      const card = await readCard(page);
      expect(card.text).toMatch(/Full timeline/);
      await page.close();
    },
  );

  it('fits a 360 px wide phone, nothing past an edge, its footer in view', async () => {
    // A page laid out for phones (the seed article is not): its names are on screen at 360 px.
    const page = await openScanned(suite, 'linked-names.html', { width: 360, height: 740 });
    await hoverMention(page, 'backstory-oracle', 0);
    const geometry = await cardGeometry(page);
    console.info(`${name}: Oracle card at 360×740: ${geometry.card.height.toFixed(1)} px`);
    expect(geometry.card.width).toBeGreaterThan(300);
    // Taller there (narrower lines), but whole: inside the viewport, its footer in view.
    expectAtAGlance(geometry, 740);
    await page.screenshot({ path: join(screenshots, `card-${name}-360.png`) });
    await page.close();
  });

  it('is dark on a dark page and light on a light one, by its pixels', async () => {
    const dark = await openScanned(suite, 'dark-article.html');
    await hoverMention(dark, 'backstory-tiktok', 0);
    const onDark = await cardGeometry(dark);
    // axe first: in Chromium a screenshot can count as the pointer leaving the page (the card then goes).
    expect(await axeViolationsInCard(dark)).toEqual([]);
    const inner = (g: CardGeometry) => ({ x: g.card.x + 4, y: g.card.y + 4, width: g.card.width - 8, height: 60 });
    const darkShot = await dark.screenshot({ encoding: 'base64' });
    await writeFile(join(screenshots, `card-${name}-dark.png`), Buffer.from(darkShot, 'base64'));
    const darkLuminance = await meanLuminance(dark, darkShot, inner(onDark));
    // Beside the card, the page: the card is not merely as dark as any spot of it.
    const pageLuminance = await meanLuminance(dark, darkShot, { x: 2, y: 2, width: 40, height: 40 });
    await dark.close();
    // A light box inside the dark page gets a light card.
    const box = await openScanned(suite, 'dark-article.html');
    await hoverMention(box, 'backstory-oracle', 1);
    const inLightBox = await meanLuminance(
      box,
      await box.screenshot({ encoding: 'base64' }),
      inner(await cardGeometry(box)),
    );
    await box.close();

    const light = await openScanned(suite, 'seed-article.html');
    await hoverMention(light, 'backstory-tiktok', 0);
    const onLight = await cardGeometry(light);
    expect(await axeViolationsInCard(light)).toEqual([]);
    const lightLuminance = await meanLuminance(light, await light.screenshot({ encoding: 'base64' }), inner(onLight));
    await light.close();
    console.info(
      `${name}: card luminance on a dark page ${darkLuminance.toFixed(3)}, light ${lightLuminance.toFixed(3)}`,
    );
    expect(darkLuminance).toBeLessThan(0.1);
    // The card's own surface (#1f1f24) is a shade lighter than this page (#15171c), as a raised card is.
    expect(darkLuminance).toBeGreaterThan(pageLuminance);
    expect(inLightBox).toBeGreaterThan(0.6);
    expect(lightLuminance).toBeGreaterThan(0.6);
  });
});

// Touch is emulated through DevTools (Emulation and Input.dispatchTouchEvent): Chromium only.
describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')(
  'chromium: the card on a touch screen',
  () => {
    const suite = useExtension('chromium');

    it('a tap on a name opens its card, a tap outside closes it, a second tap follows the link under it', async () => {
      const page = await openScanned(suite, 'linked-names.html');
      // A touch viewport reloads the page: its names are read again before the first tap.
      await page.setViewport({ width: 412, height: 800, hasTouch: true, isMobile: true });
      await waitForScan(page);
      const tapOn = async (highlight: string) => {
        const box = await page.evaluate((h) => {
          const range = [...(CSS.highlights.get(h) as unknown as Iterable<Range>)][0]!;
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x: x + width / 2, y: y + height / 2 };
        }, highlight);
        await page.touchscreen.tap(box.x, box.y);
      };
      await tapOn('backstory-oracle');
      await waitForCardOpen(page);
      expect(await page.evaluate(() => location.hash)).toBe('');
      expect((await readCard(page)).dialogName).toBe('Backstory: Oracle');
      // Outside the card and the names: it closes.
      await page.touchscreen.tap(200, 760);
      await page.waitForFunction(
        (selector) => document.querySelector<HTMLElement>(selector)?.style.getPropertyValue('display') === 'none',
        { timeout: 5_000 },
        CARD_HOST,
      );
      // First tap: the card; second tap on the same name: the page's link.
      await tapOn('backstory-tiktok');
      await waitForCardOpen(page);
      expect(await page.evaluate(() => location.hash)).toBe('');
      await tapOn('backstory-tiktok');
      await page.waitForFunction(() => location.hash === '#followed', { timeout: 5_000 });
      await page.close();
    });
  },
);
