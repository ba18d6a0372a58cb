/**
 * An entity off by default that the reader turns on (Microsoft) is highlighted on a page that
 * names no entity on by default, in both browsers: at once in a page already open, and in a page
 * opened after. The sentinel reads no settings on such a page by itself (sentinel/settings-first.ts):
 * the background runs settings-first.js there, registered and injected. Settings are stored from
 * the first-run page, as the options page stores them (Firefox lets test tools open no other).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { countHighlights, openScanned, type PageOrFrame } from './page-probes';

const PAGE = 'related-only.html';
/** Microsoft, named twice on the page, and once in its srcdoc frame. */
const MICROSOFT = 'backstory-microsoft';

const microsoftIn = async (page: PageOrFrame) => (await countHighlights(page, [MICROSOFT])).sizes[MICROSOFT];
const srcdocOf = (page: Page) => page.frames().find((frame) => frame.url() === 'about:srcdoc')!;

describeInBrowsers('an entity off by default, turned on', (name) => {
  const suite = useExtension(name, undefined, undefined, { keepFirstRun: true });
  const pages: Page[] = [];
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });

  /** Stores the settings from the first-run page, as the options page does. */
  const store = (settings: object) =>
    suite.browser.firstRun!.evaluate(async (settings) => {
      const api = (globalThis as unknown as { browser?: any; chrome: any }).browser ?? (globalThis as any).chrome;
      await api.storage.sync.set({ settings: { version: 1, ...settings } });
    }, settings);

  it('is highlighted in a page open before, and in one opened after', async () => {
    const open = await suite.browser.newPage(`${suite.origin}/${PAGE}`);
    pages.push(open);
    await store({ highlight: { microsoft: true } });
    await expect.poll(() => microsoftIn(open), { timeout: 5_000 }).toBe(2);

    const after = await openScanned(suite, PAGE);
    pages.push(after);
    expect(await microsoftIn(after)).toBe(2);
    // A frame of the page's own origin gets settings-first.js too.
    await expect.poll(() => microsoftIn(srcdocOf(after)), { timeout: 5_000 }).toBe(1);

    // Turned off again: the open pages follow.
    await store({});
    await expect.poll(() => microsoftIn(open), { timeout: 5_000 }).toBeUndefined();
    await expect.poll(() => microsoftIn(after), { timeout: 5_000 }).toBeUndefined();
  });
});
