/**
 * What Backstory costs beyond its scan: the time from the end of the hover delay to the card
 * being painted, the JavaScript heap it adds to a page, and what its highlights cost the page's
 * repaints as the reader scrolls.
 */
import type { Browser, Page } from 'puppeteer-core';
import { CARD_MEASURE, highlightName, SCAN_MEASURE } from '../../src/shared/public-names';
import { mentionBox } from '../../test/support/mention-box';
import { startTracing } from './read-trace';
import { watchSentinel } from './sentinel-done';
import { renderTime } from './trace-attribution';
import { sleep } from './trace-page';

const TIMEOUT_MS = 60_000;

/**
 * A new tab on `url`, once Backstory is done with it (`doneEntry`): its scan recorded or, on a page
 * with no name, where it records none, its sentinel quiet (./sentinel-done.ts).
 */
async function openTab(browser: Browser, url: string, doneEntry?: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  const watch = doneEntry ? await watchSentinel(tab, doneEntry) : undefined;
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await watch?.done(TIMEOUT_MS);
  } finally {
    await watch?.detach();
  }
  return tab;
}

export interface CardPaint {
  /** From the end of the hover delay to just after the frame showing the card was painted. */
  readonly ms: number;
  /** Frames begun meanwhile: 1 when the card made the very next frame. */
  readonly frames: number;
}

/**
 * Rests the pointer on the first TikTok of a fresh page, as a reader would, and reads how long
 * the first card took from the end of the hover delay to its first painted frame.
 */
export async function firstCardPaint(browser: Browser, url: string): Promise<CardPaint> {
  const tab = await openTab(browser, url, SCAN_MEASURE);
  try {
    const box = await mentionBox(tab, highlightName('tiktok'), 0);
    await tab.mouse.move(1, 1);
    await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await tab.waitForFunction(
      (name) => performance.getEntriesByName(name).length > 0,
      { timeout: 10_000 },
      CARD_MEASURE,
    );
    return await tab.evaluate((name) => {
      const entry = performance.getEntriesByName(name)[0] as PerformanceMeasure | undefined;
      return { ms: entry?.duration ?? NaN, frames: (entry?.detail as { frames?: number } | null)?.frames ?? NaN };
    }, CARD_MEASURE);
  } finally {
    await tab.close();
  }
}

/** Scrolled from top to bottom in this many steps, two frames each. */
const SCROLL_STEPS = 40;

/**
 * Style, layout and paint while a page is scrolled from top to bottom, a step every two frames,
 * once the content script is done: what registered highlights cost every repaint. Compare with
 * a browser without the extension.
 */
export async function scrollRenderMs(browser: Browser, url: string, doneEntry?: string): Promise<number> {
  const tab = await openTab(browser, url, doneEntry);
  try {
    await sleep(300);
    const tracing = await startTracing(tab, ['devtools.timeline', 'disabled-by-default-devtools.timeline']);
    await tab.evaluate(async (steps) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const bottom = document.documentElement.scrollHeight - innerHeight;
      for (let step = 1; step <= steps; step++) {
        scrollTo(0, (bottom * step) / steps);
        await frame();
        await frame();
      }
    }, SCROLL_STEPS);
    return renderTime((await tracing.stop()).events);
  } finally {
    await tab.close();
  }
}

/**
 * The JavaScript heap of the page's process after garbage collection, once the content script
 * is done. Content scripts run in an isolated world of the page's V8 isolate, so this holds the
 * page's objects and the extension's alike: compare with a browser without the extension.
 */
export async function heapUsedBytes(browser: Browser, url: string, doneEntry?: string): Promise<number> {
  const tab = await openTab(browser, url, doneEntry);
  try {
    await sleep(500);
    const cdp = await tab.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
    return used;
  } finally {
    await tab.close();
  }
}
