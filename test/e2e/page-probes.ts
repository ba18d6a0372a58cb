/**
 * What the e2e tests read from a page, as a user would notice it: highlights, the scan measure,
 * whether a card covers a point, and what the card says.
 */
import type { Page } from 'puppeteer-core';
import { HOST_ATTRIBUTE, HOST_SELECTOR, SCAN_MEASURE } from '../../src/shared/public-names';
import { mentionBox, type Box, type PageOrFrame } from '../support/mention-box';
import { closedShadowRoot } from './closed-shadow-root';
import type { ChromiumExtensionBrowser, ExtensionBrowser, ExtensionSuite } from './harness';

export { mentionBox, type Box, type PageOrFrame };

const HIGHLIGHTS = ['backstory-tiktok', 'backstory-oracle', 'backstory-bytedance'] as const;

/** Lets time pass where a test must see that nothing happens (a card staying open). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a page of the suite's test site at a desktop size, once Backstory has read it. */
export async function openScanned(
  suite: ExtensionSuite<ExtensionBrowser>,
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await suite.browser.newPage(`${suite.origin}/${path}`);
  await page.setViewport(viewport);
  await waitForScan(page);
  return page;
}

/** Waits until the content script has finished `passes` scan passes (a whole book takes longer: raise `timeout`). */
export async function waitForScan(page: PageOrFrame, passes = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (name, n) => performance.getEntriesByName(name).length >= n,
    { timeout },
    SCAN_MEASURE,
    passes,
  );
}

/**
 * Waits for the first scan pass that begins after this call, which has read every change made to
 * the page before it: passes run one at a time, each reading all that changed before it began.
 * For a negative check ("no highlight there"), instead of a fixed sleep that may end before the
 * change was read. A text node added and removed at once asks for that pass, so a change already
 * read (or one that is no DOM change, like typing into an input) still gets one.
 */
export async function waitForNextScan(page: PageOrFrame, timeout = 15_000): Promise<void> {
  const since = await page.evaluate(() => {
    const nudge = document.createTextNode('');
    document.body.append(nudge);
    nudge.remove();
    return performance.now();
  });
  await page.waitForFunction(
    (name, since) => performance.getEntriesByName(name).some((entry) => entry.startTime >= since),
    { timeout },
    SCAN_MEASURE,
    since,
  );
}

/** Each highlight's size, the distinct texts it covers, and how many ranges sit in skipped regions. */
export async function countHighlights(page: PageOrFrame, names: readonly string[] = HIGHLIGHTS) {
  return page.evaluate((names) => {
    // Where no name may be highlighted (an element made not editable is the page's text again).
    const SKIPPED =
      'textarea, input, [contenteditable]:not([contenteditable="false"]), script, style, noscript, template';
    const sizes: Record<string, number> = {};
    const texts: Record<string, string[]> = {};
    let insideSkipped = 0;
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      if (!highlight) continue;
      sizes[name] = highlight.size;
      const seen = new Set<string>();
      for (const range of highlight as unknown as Iterable<Range>) {
        seen.add(range.toString());
        const parent = range.startContainer.parentElement;
        if (parent?.closest(SKIPPED)) insideSkipped++;
      }
      texts[name] = [...seen].sort();
    }
    return { sizes, texts, insideSkipped };
  }, names);
}

/** Whether the card (its host, from the page's side of the closed shadow root) is what shows at a point. */
export async function cardIsOpenAt(page: PageOrFrame, box: Box): Promise<boolean> {
  return page.evaluate(
    (x, y, host) => document.elementFromPoint(x, y)?.hasAttribute(host) === true,
    box.x,
    box.y,
    HOST_ATTRIBUTE,
  );
}

/**
 * Waits until the card shows (or no longer shows) at a point. Polling, not a fixed sleep, so a
 * busy machine makes the test slower, never wrong.
 */
export async function waitForCardAt(page: PageOrFrame, box: Box, open = true, timeout = 5_000): Promise<boolean> {
  try {
    await page.waitForFunction(
      (x, y, open, host) => (document.elementFromPoint(x, y)?.hasAttribute(host) === true) === open,
      { timeout, polling: 50 },
      box.x,
      box.y,
      open,
      HOST_ATTRIBUTE,
    );
    return open;
  } catch {
    return !open;
  }
}

/**
 * How many registered ranges are stale: collapsed, on text no longer in the document, or no
 * longer spelling a name. Always 0 when Backstory follows the page.
 */
export async function staleRanges(page: PageOrFrame, names: readonly string[] = HIGHLIGHTS): Promise<number> {
  return page.evaluate((names) => {
    let stale = 0;
    for (const name of names) {
      for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        if (
          range.collapsed ||
          !range.startContainer.isConnected ||
          !/^(TikTok|Oracle|ByteDance)$/.test(range.toString())
        )
          stale++;
      }
    }
    return stale;
  }, names);
}

/**
 * The share of a box's pixels, as the page is painted, that are coloured (not white, grey or
 * black): about half where a highlight paints a name, none on plain text.
 */
export async function colouredShare(page: Page, box: Box): Promise<number> {
  const png = await page.screenshot({ clip: box, encoding: 'base64' });
  return (await pixelStats(page, png)).coloured;
}

/**
 * The mean relative luminance (0 black, 1 white) of a box of a viewport screenshot (base64 PNG,
 * `page.screenshot({ encoding: 'base64' })`). One screenshot of the whole viewport, not a
 * clipped one: in Chromium a clipped capture can count as the pointer leaving the page, and an
 * open card then closes.
 */
export async function meanLuminance(page: Page, png: string, box: Box): Promise<number> {
  return (await pixelStats(page, png, box)).luminance;
}

/**
 * Of a PNG (or of a box of it, in CSS pixels of the viewport it shows), the share of coloured
 * pixels and the mean relative luminance, decoded in the page in a canvas that never enters its DOM.
 */
async function pixelStats(page: Page, png: string, box?: Box): Promise<{ coloured: number; luminance: number }> {
  return page.evaluate(
    async (png, box) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const scale = box ? image.naturalWidth / innerWidth : 1;
      const area = box ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
      const { data } = context.getImageData(area.x * scale, area.y * scale, area.width * scale, area.height * scale);
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      let coloured = 0;
      let luminance = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 15) coloured++;
        luminance += 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      }
      const pixels = data.length / 4;
      return { coloured: coloured / pixels, luminance: luminance / pixels };
    },
    png,
    box,
  );
}

/** The toolbar badge's text for the active tab (Chromium: its service worker can read it). */
export async function toolbarBadge(browser: ChromiumExtensionBrowser): Promise<string> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: any }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
}

export interface CardContent {
  dialogName: string | null;
  /** The card's rendered text. */
  text: string;
  dates: string[];
  links: { href: string; target: string; rel: string; text: string }[];
}

/** Text every open card renders, so Firefox can find the card's closed root (see closedShadowRoot). */
const CARD_TEXT = 'Full timeline';

/** Reads the open card from inside its closed shadow root, in either browser. */
export async function readCard(page: Page): Promise<CardContent> {
  const root = await closedShadowRoot(page, 'div[data-backstory-card]', { text: CARD_TEXT });
  try {
    return await root.evaluate((shadow) => {
      const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]');
      if (!dialog) throw new Error('The card has no dialog (is it open?)');
      return {
        dialogName: dialog.getAttribute('aria-label'),
        text: dialog.innerText,
        dates: [...dialog.querySelectorAll('time')].map((time) => time.dateTime),
        links: [...dialog.querySelectorAll('a')].map((a) => ({
          href: a.href,
          target: a.target,
          rel: a.rel,
          text: a.innerText,
        })),
      };
    });
  } finally {
    await root.dispose();
  }
}

/** The host of the card, as the page sees it. */
export const CARD_HOST = HOST_SELECTOR;

/** Waits until a card is open (its host shown), wherever it was placed. */
export async function waitForCardOpen(page: PageOrFrame, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const host = document.querySelector<HTMLElement>(selector);
      return host !== null && host.style.getPropertyValue('display') !== 'none';
    },
    { timeout, polling: 50 },
    CARD_HOST,
  );
}

/** Waits until no card shows (its host gone or hidden): a card left open by an earlier step closed. */
export async function waitForCardClosed(page: PageOrFrame, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const host = document.querySelector<HTMLElement>(selector);
      return host === null || host.style.getPropertyValue('display') === 'none';
    },
    { timeout, polling: 50 },
    CARD_HOST,
  );
}

/**
 * Waits until the page has rendered two more frames: by then the scroll and resize events of a
 * change made before the call have been delivered, and the layout they cause is the one drawn.
 */
export async function afterFrames(page: PageOrFrame): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
  );
}

/** Rests the pointer on the `index`-th mention of a highlight and waits for its card. */
export async function hoverMention(page: Page, name: string, index: number): Promise<Box> {
  const mention = await mentionBox(page, name, index);
  await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
  await waitForCardOpen(page);
  return mention;
}

/** Where the open card is, how tall, whether its body scrolls, and where its footer is, in CSS pixels. */
export interface CardGeometry {
  card: Box;
  /** How far the card's body scrolls (0: all of it is in view). */
  bodyOverflow: number;
  footer: Box;
  viewport: { width: number; height: number };
}

export async function cardGeometry(page: Page): Promise<CardGeometry> {
  const root = await closedShadowRoot(page, CARD_HOST, { text: CARD_TEXT });
  try {
    return await root.evaluate((shadow) => {
      const box = (element: Element | null) => {
        if (!element) throw new Error('The card is not drawn');
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      };
      const body = shadow.querySelector('.body');
      return {
        card: box(shadow.querySelector('.card')),
        bodyOverflow: body ? body.scrollHeight - body.clientHeight : Infinity,
        footer: box(shadow.querySelector('.foot')),
        viewport: { width: innerWidth, height: innerHeight },
      };
    });
  } finally {
    await root.dispose();
  }
}
