/**
 * `npm start`: the demo. Serves the seed article on 127.0.0.1 and opens Chromium with the built
 * extension on it. Without a display, runs the same demo headless: hovers a name, and writes
 * screenshots of the page and of the open card, printing their paths.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  browserExecutable,
  extensionDir,
  launchWithExtension,
  missingBrowserMessage,
  type BrowserName,
} from '../test/support/extension-browser';
import { CARD_MEASURE, SCAN_MEASURE } from '../src/shared/public-names';
import { serveStatic } from '../test/support/static-server';

// npm runs scripts from the package's root (this file runs bundled, from a cache folder).
const root = process.cwd();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = !hasDisplay || process.argv.includes('--headless');
const name: BrowserName = browserExecutable('chromium') ? 'chromium' : 'firefox';
if (!browserExecutable(name)) {
  console.error(missingBrowserMessage('chromium'));
  process.exit(1);
}

const server = await serveStatic(join(root, 'test/fixtures/pages'));
const url = `${server.origin}/seed-article.html`;
const browser = await launchWithExtension(name, extensionDir(root, name), { headless });
const page = await browser.newPage(url);

if (!headless) {
  console.log(
    `Backstory is running in ${name} on ${url}. Rest the pointer on a highlighted name; close the browser to stop.`,
  );
  browser.browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
} else {
  try {
    const [pagePath, cardPath] = await screenshots(page, join(root, 'demo-output'));
    console.log(
      `No display: ran the demo headless in ${name}.\n  the page:      ${relative(process.cwd(), pagePath)}\n  an open card:  ${relative(process.cwd(), cardPath)}`,
    );
  } catch (error) {
    console.error(`The headless demo failed in ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Screenshots of the page once read, then of the card of its first name; returns their paths. */
async function screenshots(page: Page, out: string): Promise<[string, string]> {
  await mkdir(out, { recursive: true });
  await page.setViewport({ width: 1280, height: 800 });
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    { timeout: 15_000 },
    SCAN_MEASURE,
  );
  const pagePath = join(out, 'page.png');
  await page.screenshot({ path: pagePath });
  // The first name on the page in document order, whichever company it names, scrolled into view.
  const box = await page.evaluate(() => {
    const ranges: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('backstory-')) highlight.forEach((range) => ranges.push(range as Range));
    });
    const first = ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))[0];
    first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = first?.getClientRects()[0];
    return rect && { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  if (!box) throw new Error('no highlight on the demo page: is the extension built (npm run build)?');
  await page.mouse.move(box.x, box.y, { steps: 3 });
  // The card records this measure once it is painted, wherever it was placed (below or above).
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    { timeout: 15_000 },
    CARD_MEASURE,
  );
  const cardPath = join(out, 'card.png');
  await page.screenshot({ path: cardPath });
  return [pagePath, cardPath];
}
