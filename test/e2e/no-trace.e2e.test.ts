/**
 * A page with no name sees no trace of Backstory: the sentinel reads it and adds nothing (no
 * element, no measure, no highlight entry, no adopted style sheet), while the popup is still
 * answered. Then a name written into its open shadow root wakes the engine, which highlights it.
 */
import { expect, it } from 'vitest';
import { describeInBrowsers, useExtension, type BrowserName } from './harness';

describeInBrowsers('a page with no name', (name: BrowserName) => {
  const suite = useExtension(name);

  it('holds no trace of Backstory, until a name arrives in its shadow root', async () => {
    // An extension page asks the page's frame as the popup does (the page is the newest tab).
    const extensionPage = await suite.browser.openExtensionPage('options.html');
    const page = await suite.browser.newPage(`${suite.origin}/no-name.html`);
    const source = await page.evaluate(() => document.documentElement.outerHTML);
    // The popup's question is answered once the sentinel runs, after its first look at the page
    // (that look is done in the same task on a page this small): no mention, not paused. Firefox
    // tells the page that the extension page asking is in a tab, which is refused, with why.
    const answer = name === 'chromium' ? { mentions: [], paused: false, site: '127.0.0.1', capped: 0 } : /from a tab/;
    await expect
      .poll(
        () =>
          extensionPage.evaluate(async () => {
            const api =
              (globalThis as { browser?: any; chrome?: any }).browser ?? (globalThis as { chrome?: any }).chrome;
            const current = await api.tabs.getCurrent();
            const tabs: { id: number }[] = await api.tabs.query({});
            const newest = Math.max(...tabs.map((tab) => tab.id).filter((id) => id !== current.id));
            return api.tabs
              .sendMessage(newest, { type: 'pageSummary', params: {} }, { frameId: 0 })
              .catch((error: Error) => error.message);
          }),
        { timeout: 15_000 },
      )
      .toEqual(name === 'chromium' ? expect.objectContaining(answer) : expect.stringMatching(answer as RegExp));
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
