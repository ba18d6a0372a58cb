/**
 * A page with frames (same-origin, srcdoc, about:blank written by the page): each frame is read
 * and followed on its own, its cards open inside it; in Chromium, the badge and the popup count
 * the whole tab, a mention in a frame is revealed there, and a frame that goes drops its count.
 */
import type { Frame, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserExecutable, describeInBrowsers, useExtension } from './harness';
import {
  countHighlights,
  mentionBox,
  openScanned,
  staleRanges,
  toolbarBadge,
  waitForCardAt,
  waitForScan,
  type PageOrFrame,
} from './page-probes';

/** What each document of frames.html holds: 7 mentions in all. */
const EXPECTED = {
  top: { 'backstory-tiktok': 1 },
  sameOrigin: { 'backstory-oracle': 2, 'backstory-bytedance': 1 },
  srcdoc: { 'backstory-bytedance': 1, 'backstory-tiktok': 1 },
  blank: { 'backstory-oracle': 1 },
};

/** The frames of frames.html, each once Backstory has read it. */
async function framesOf(page: Page) {
  const find = (test: (url: string) => boolean): Frame => {
    const frame = page.frames().find((f) => f !== page.mainFrame() && test(f.url()));
    if (!frame) throw new Error(`No such frame in ${page.frames().map((f) => f.url())}`);
    return frame;
  };
  const frames = {
    sameOrigin: find((url) => url.endsWith('/frame-child.html')),
    srcdoc: find((url) => url === 'about:srcdoc'),
    blank: find((url) => url === 'about:blank'),
  };
  for (const frame of Object.values(frames)) await waitForScan(frame);
  return frames;
}

/** Only the sizes of the highlights a document has. */
const sizes = async (doc: PageOrFrame) =>
  Object.fromEntries(Object.entries((await countHighlights(doc)).sizes).filter(([, size]) => size > 0));

/** Whether the document's own card host is showing. */
const cardShown = (doc: PageOrFrame) =>
  doc.evaluate(() => {
    const host = document.querySelector('div[data-backstory-card]');
    return host !== null && getComputedStyle(host).display !== 'none';
  });

/** Rests the pointer on the first name of a highlight inside an iframe; returns the name's box in the frame. */
async function hoverInFrame(page: Page, frame: Frame, iframe: string, highlight: string) {
  const offset = await page.$eval(iframe, (el) => {
    const rect = el.getBoundingClientRect();
    return { x: rect.x + el.clientLeft, y: rect.y + el.clientTop };
  });
  const box = await mentionBox(frame, highlight, 0);
  await page.mouse.move(offset.x + box.x + box.width / 2, offset.y + box.y + box.height / 2, { steps: 3 });
  return box;
}

describeInBrowsers('frames', (name) => {
  let page: Page;
  let frames: Awaited<ReturnType<typeof framesOf>>;
  const suite = useExtension(name);
  beforeAll(async () => {
    page = await openScanned(suite, 'frames.html');
    frames = await framesOf(page);
  });

  it('reads every frame, srcdoc and about:blank included, each for its own text', async () => {
    expect(await sizes(page)).toEqual(EXPECTED.top);
    expect(await sizes(frames.sameOrigin)).toEqual(EXPECTED.sameOrigin);
    expect(await sizes(frames.srcdoc)).toEqual(EXPECTED.srcdoc);
    expect(await sizes(frames.blank)).toEqual(EXPECTED.blank);
  });

  it('opens the card of a name inside the frame that holds it', async () => {
    const box = await hoverInFrame(page, frames.sameOrigin, '#same-origin', 'backstory-oracle');
    expect(await waitForCardAt(frames.sameOrigin, { ...box, y: box.y + box.height + 25 })).toBe(true);
    expect(await cardShown(page)).toBe(false);
    await page.mouse.move(5, 5);
    await hoverInFrame(page, frames.srcdoc, '#srcdoc', 'backstory-bytedance');
    await expect.poll(() => cardShown(frames.srcdoc), { timeout: 5_000 }).toBe(true);
    expect(await cardShown(page)).toBe(false);
    await page.mouse.move(5, 5);
  });

  it('follows text the page writes into an about:blank frame later', async () => {
    await page.evaluate('steps.appendToBlank()');
    await waitForScan(frames.blank, 2);
    expect(await sizes(frames.blank)).toEqual({ 'backstory-oracle': 1, 'backstory-bytedance': 1 });
    expect(await staleRanges(frames.blank)).toBe(0);
  });
});

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: a tab with frames', () => {
  let page: Page;
  const suite = useExtension('chromium');
  beforeAll(async () => {
    page = await openScanned(suite, 'frames.html');
    await framesOf(page);
  });

  const badge = () => toolbarBadge(suite.browser);

  it('counts every frame in the badge and the popup', async () => {
    await expect.poll(badge, { timeout: 5_000 }).toBe('7');
    const popup = await suite.browser.openPopup();
    await popup.waitForSelector('.page-summary');
    const counts = await popup.$$eval('.counts li', (items) => items.map((li) => li.textContent?.trim()));
    expect(counts).toEqual(['2 TikTok', '3 Oracle', '2 ByteDance']);
    await popup.close();
  });

  it('reveals a mention chosen in the popup inside its frame, with its card', async () => {
    await page.bringToFront();
    const popup = await suite.browser.openPopup();
    await popup.waitForSelector('.page-summary');
    await popup.click('#mentions-oracle summary');
    const mentions = await popup.$$('#mentions-oracle .mention');
    expect(mentions).toHaveLength(3);
    await mentions[2]!.click();
    const shownIn = async () => {
      const shown = await Promise.all(page.frames().map((frame) => cardShown(frame)));
      return page
        .frames()
        .filter((_, i) => shown[i])
        .map((frame) => frame.url().replace(/^.*\//, ''));
    };
    await expect.poll(shownIn, { timeout: 5_000 }).toHaveLength(1);
    expect(['frame-child.html', 'about:blank']).toContain((await shownIn())[0]);
    await popup.close().catch(() => undefined);
  });

  it('drops the count of a frame that goes, and follows one that changes', async () => {
    await page.bringToFront();
    await page.evaluate('steps.removeSameOrigin()');
    await expect.poll(badge, { timeout: 5_000 }).toBe('4');
    await page.evaluate('steps.appendToBlank()');
    await expect.poll(badge, { timeout: 5_000 }).toBe('5');
  });

  it('starts again from the new page when the tab navigates', async () => {
    await page.goto(`${suite.origin}/live.html`);
    await waitForScan(page);
    await expect.poll(badge, { timeout: 5_000 }).toBe('4');
  });
});
