/**
 * Open shadow roots, as web components make them: their names counted, painted (Firefox does not
 * apply the manifest's CSS there) and given cards, nested roots, slots and components defined
 * after they are in the page included; a closed root stays closed. In Firefox, only the roots that
 * hold a name have Backstory's style sheet.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import {
  colouredShare,
  countHighlights,
  mentionBox,
  openScanned,
  staleRanges,
  waitForCardAt,
  waitForScan,
} from './page-probes';

describeInBrowsers('open shadow roots', (name) => {
  let page: Page;
  const suite = useExtension(name);
  beforeAll(async () => {
    page = await openScanned(suite, 'shadow.html');
  });

  it('counts the names in open shadow roots, nested and slotted ones too, and none in a closed one', async () => {
    expect((await countHighlights(page)).sizes).toEqual({
      'backstory-tiktok': 1,
      'backstory-oracle': 2,
      'backstory-bytedance': 1,
    });
  });

  it('paints them', async () => {
    for (const highlight of ['backstory-tiktok', 'backstory-bytedance']) {
      const box = await mentionBox(page, highlight, 0);
      expect(await colouredShare(page, box), highlight).toBeGreaterThan(0.3);
      // The words before the name, in the same shadow root, stay as they were.
      const before = { ...box, x: box.x - box.width - 30 };
      expect(await colouredShare(page, before), `before ${highlight}`).toBeLessThan(0.02);
    }
    // Oracle in a shadow root, and Oracle slotted from the page through one.
    for (const index of [0, 1]) {
      expect(
        await colouredShare(page, await mentionBox(page, 'backstory-oracle', index)),
        `oracle ${index}`,
      ).toBeGreaterThan(0.3);
    }
  });

  it('gives its style sheet (Firefox) only to the shadow roots that hold a name', async () => {
    const sheets = await page.evaluate(() =>
      ['card', 'quote'].map((id) => document.getElementById(id)!.shadowRoot!.adoptedStyleSheets.length),
    );
    // The card's root holds names; the quote's holds a slot only (its name is the page's text).
    expect(sheets).toEqual(name === 'firefox' ? [1, 0] : [0, 0]);
  });

  it('opens the card of a name in a shadow root', async () => {
    const box = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    expect(await waitForCardAt(page, { ...box, x: box.x + 5, y: box.y + box.height + 30 })).toBe(true);
    await page.mouse.move(5, 500);
    expect(await waitForCardAt(page, { ...box, x: box.x + 5, y: box.y + box.height + 30 }, false)).toBe(false);
  });

  it('finds the shadow root of a component the page defines after it is in the page', async () => {
    await page.evaluate('steps.defineLate()');
    await waitForScan(page, 2);
    expect((await countHighlights(page)).sizes['backstory-bytedance']).toBe(2);
    const box = await mentionBox(page, 'backstory-bytedance', 1);
    expect(await colouredShare(page, box)).toBeGreaterThan(0.3);
  });

  it('follows text edited inside a shadow root', async () => {
    await page.evaluate('steps.editInside()');
    await waitForScan(page, 3);
    expect((await countHighlights(page)).sizes).toEqual({
      'backstory-tiktok': 0,
      'backstory-oracle': 1,
      'backstory-bytedance': 2,
    });
    expect(await staleRanges(page)).toBe(0);
    // The card's root holds no name now, so (Firefox) the sheet left it; the root nested in it
    // keeps its own.
    const sheets = await page.evaluate(() => {
      const card = document.getElementById('card')!.shadowRoot!;
      return [card, card.getElementById('inner')!.shadowRoot!].map((root) => root.adoptedStyleSheets.length);
    });
    expect(sheets).toEqual(name === 'firefox' ? [0, 1] : [0, 0]);
  });
});
