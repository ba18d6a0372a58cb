/**
 * A page cannot reach into the card: one that defines the card's old host tag first (to get the
 * closed root through ElementInternals) gets no root and no element of that tag, and the card
 * still opens; events a page script makes up (a tap, Escape, Tab) do nothing to the card.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { CARD_HOST, hoverMention, mentionBox, openScanned, readCard } from './page-probes';

describeInBrowsers('a page that tries to reach into the card', (name) => {
  const suite = useExtension(name);
  let page: Page;
  beforeAll(async () => {
    page = await openScanned(suite, 'predefined-host.html');
  });

  it('defined the old host tag first: gets no element of it, no root, and the card opens all the same', async () => {
    await hoverMention(page, 'backstory-tiktok', 0);
    expect((await readCard(page)).dialogName).toBe('Backstory: TikTok');
    const seen = await page.evaluate((host) => {
      const added = (window as unknown as { added: Element[] }).added;
      const internals = (window as unknown as { internals: ElementInternals[] }).internals;
      return {
        internals: internals.length,
        oldTag: document.querySelector('backstory-card') !== null,
        ours: added.filter((element) => element.matches(host)).map((element) => element.localName),
        reachableRoots: added.filter((element) => element.shadowRoot !== null).length,
      };
    }, CARD_HOST);
    expect(seen).toEqual({ internals: 0, oldTag: false, ours: ['div'], reachableRoots: 0 });
  });

  it('makes up a tap on a name: nothing happens, the page keeps its click', async () => {
    await page.keyboard.press('Escape');
    const box = await mentionBox(page, 'backstory-oracle', 0);
    const prevented = await page.evaluate(
      ({ x, y }) => {
        const target = document.elementFromPoint(x, y)!;
        const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y };
        target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'touch' }));
        return !target.dispatchEvent(new MouseEvent('click', init));
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    // A tap Backstory took would have been cancelled (it opens the card instead of the page's action).
    expect(prevented).toBe(false);
  });

  it('makes up Escape and Tab at an open card: it stays open, and the focus stays where it was', async () => {
    await hoverMention(page, 'backstory-bytedance', 0);
    const result = await page.evaluate((host) => {
      const key = (k: string) =>
        document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      const tabTaken = !key('Tab');
      const focusInCard = document.activeElement?.matches(host) ?? false;
      key('Escape');
      const shown = document.querySelector<HTMLElement>(host)?.style.getPropertyValue('display') !== 'none';
      return { tabTaken, focusInCard, shown };
    }, CARD_HOST);
    expect(result).toEqual({ tabTaken: false, focusInCard: false, shown: true });
    // The reader's own Escape still closes it.
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      (host) => document.querySelector<HTMLElement>(host)?.style.getPropertyValue('display') === 'none',
      { timeout: 5_000 },
      CARD_HOST,
    );
  });
});
