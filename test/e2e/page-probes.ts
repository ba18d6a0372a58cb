/**
 * What the e2e tests read from a page, as a user would notice it: highlights, the scan measure,
 * whether a card covers a point, and what the card says.
 */
import type { Page } from 'puppeteer-core';
import { closedShadowRoot, type ExtensionBrowser, type ExtensionSuite } from './harness';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

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
export async function waitForScan(page: Page, passes = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('backstory:scan').length >= n, { timeout }, passes);
}

/** Each highlight's size, the distinct texts it covers, and how many ranges sit in skipped regions. */
export async function countHighlights(page: Page, names: readonly string[] = HIGHLIGHTS) {
  return page.evaluate((names) => {
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
        if (parent?.closest('textarea, input, [contenteditable], script, style, noscript, template')) insideSkipped++;
      }
      texts[name] = [...seen].sort();
    }
    return { sizes, texts, insideSkipped };
  }, names);
}

/** The first box of the `index`-th range of a highlight in document order, in viewport coordinates. */
export async function mentionBox(page: Page, name: string, index: number): Promise<Box> {
  const box = await page.evaluate(
    (name, index) => {
      const highlight = CSS.highlights.get(name);
      const ranges = highlight ? [...(highlight as unknown as Iterable<Range>)] : [];
      const range = ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[index];
      const rect = range?.getClientRects()[0];
      return rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    name,
    index,
  );
  if (!box) throw new Error(`No range ${index} in ${name}`);
  return box;
}

/** Whether the card (its host, from the page's side of the closed shadow root) is what shows at a point. */
export async function cardIsOpenAt(page: Page, box: Box): Promise<boolean> {
  return page.evaluate((x, y) => document.elementFromPoint(x, y)?.localName === 'backstory-card', box.x, box.y);
}

/**
 * Waits until the card shows (or no longer shows) at a point. Polling, not a fixed sleep, so a
 * busy machine makes the test slower, never wrong.
 */
export async function waitForCardAt(page: Page, box: Box, open = true, timeout = 5_000): Promise<boolean> {
  try {
    await page.waitForFunction(
      (x, y, open) => (document.elementFromPoint(x, y)?.localName === 'backstory-card') === open,
      { timeout, polling: 50 },
      box.x,
      box.y,
      open,
    );
    return open;
  } catch {
    return !open;
  }
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
  const root = await closedShadowRoot(page, 'backstory-card', { text: CARD_TEXT });
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
