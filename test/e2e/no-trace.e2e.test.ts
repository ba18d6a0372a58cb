/**
 * A page with no name sees no trace of Backstory: the sentinel reads it and adds nothing (no
 * element, no measure, no highlight entry, no adopted style sheet), and does not even listen for
 * the extension's messages (the popup reads such a page by itself). Then a name written into its
 * open shadow root wakes the engine, which highlights it.
 */
import { expect, it } from 'vitest';
import { SENTINEL_STATE } from '../../src/content/sentinel/sentinel-state';
import { describeInBrowsers, useExtension, type BrowserName } from './harness';

describeInBrowsers('a page with no name', (name: BrowserName) => {
  const suite = useExtension(name);

  it('holds no trace of Backstory, until a name arrives in its shadow root', async () => {
    // An extension page looks at the page's frame as the popup does (the page is the newest tab):
    // in the content scripts' world, where the sentinel says how far it is; and by message, which
    // nothing answers until a name wakes the engine.
    const extensionPage = await suite.browser.openExtensionPage('options.html');
    const page = await suite.browser.newPage(`${suite.origin}/no-name.html`);
    const source = await page.evaluate(() => document.documentElement.outerHTML);
    const ask = (how: 'state' | 'message') =>
      extensionPage.evaluate(
        async (how, stateKey) => {
          const api =
            (globalThis as { browser?: any; chrome?: any }).browser ?? (globalThis as { chrome?: any }).chrome;
          const current = await api.tabs.getCurrent();
          const tabs: { id: number }[] = await api.tabs.query({});
          const tabId = Math.max(...tabs.map((tab) => tab.id).filter((id) => id !== current.id));
          if (how === 'message') {
            return api.tabs.sendMessage(tabId, { type: 'pageSummary', params: {} }, { frameId: 0 }).then(
              () => 'answered',
              (error: Error) => error.message,
            );
          }
          const [injection] = await api.scripting.executeScript({
            target: { tabId, frameIds: [0] },
            func: (key: string) => (globalThis as Record<string, unknown>)[key] ?? null,
            args: [stateKey],
          });
          return injection?.result;
        },
        how,
        SENTINEL_STATE,
      );
    // The sentinel has read the page and found nothing to wake the engine for.
    await expect.poll(() => ask('state'), { timeout: 15_000 }).toBe('quiet');
    expect(await ask('message')).toMatch(/Receiving end does not exist/);
    await extensionPage.close();
    await page.bringToFront();
    const traces = await page.evaluate(() => ({
      measures: performance.getEntriesByType('measure').map((entry) => entry.name),
      highlights: CSS.highlights.size,
      sheets:
        document.adoptedStyleSheets.length +
        (document.getElementById('host')?.shadowRoot?.adoptedStyleSheets.length ?? -1),
      html: document.documentElement.outerHTML,
    }));
    expect(traces).toEqual({ measures: [], highlights: 0, sheets: 0, html: source });

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Then TikTok came to film the harvest.';
      document.getElementById('host')!.shadowRoot!.append(p);
    });
    await page.waitForFunction(() => CSS.highlights.get('backstory-tiktok')?.size === 1, { timeout: 15_000 });
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBeGreaterThan(0);
    await page.close();
  });
});
