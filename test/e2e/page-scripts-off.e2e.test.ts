/**
 * The seed article with the page's own scripts off, as a reader turns them off (Chrome's site
 * setting "JavaScript: blocked", Firefox's `javascript.enabled` as NoScript-like add-ons set it):
 * Backstory's content script still runs, highlights the names, and opens a card on hover that
 * knows the page's date, so both modules it loads on demand (card.js, page-date.js) arrive. In
 * Chromium, Blink refuses the content script's `import()` there, so the background injects them,
 * and `setTimeout` never fires in our world, so the hover delay runs on `scheduler.postTask`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowsers,
  extensionDir,
  launchWithExtension,
  serveStatic,
  type BrowserName,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { CARD_HOST, countHighlights, mentionBox, readCard } from './page-probes';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** The seed article dated by its metadata (14 Sep 2020), and a page whose inline script defines a global. */
async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-scripts-off-'));
  const pages = join(root, 'test/fixtures/pages');
  const seed = await readFile(join(pages, 'seed-article.html'), 'utf8');
  const meta = '<meta property="article:published_time" content="2020-09-14T09:00:00+10:00">';
  await writeFile(
    join(dir, 'seed-dated.html'),
    seed.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${meta}`),
  );
  await copyFile(join(pages, 'predefined-host.html'), join(dir, 'predefined-host.html'));
  return dir;
}

describeInBrowsers('a page whose own scripts are off', (name: BrowserName) => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let dir: string;
  beforeAll(async () => {
    dir = await site();
    server = await serveStatic(dir);
    browser = await launchWithExtension(name, extensionDir(root, name), { pageScripts: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is highlighted, and opens a card that knows the page’s date', async () => {
    // Scripts are off: a page whose inline script would have defined a global has none.
    const scripted = await browser.newPage(`${server.origin}/predefined-host.html`);
    expect(await scripted.evaluate(() => typeof (window as unknown as { internals?: unknown }).internals)).toBe(
      'undefined',
    );
    await scripted.close();
    const page = await browser.newPage(`${server.origin}/seed-dated.html`);
    await page.setViewport({ width: 1280, height: 800 });
    // Polled from here: waitForFunction's poller needs the page's timers, which are off too.
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('backstory:scan').length), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect((await countHighlights(page)).sizes['backstory-tiktok']).toBeGreaterThan(0);
    const mention = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    await expect
      .poll(
        () =>
          page.evaluate((selector) => {
            const host = document.querySelector<HTMLElement>(selector);
            return host !== null && host.style.getPropertyValue('display') !== 'none';
          }, CARD_HOST),
        { timeout: 5_000 },
      )
      .toBe(true);
    const card = await readCard(page);
    expect(card.dialogName).toBe('Backstory: TikTok');
    expect(card.text).toMatch(/Since this page \(14 Sep 2020\)/i);
    await page.close();
  });
});
