/**
 * Fields and editors are the user's: no highlight in an input, a text area, an editable region
 * (whatever its kind) or a document in design mode, not even after typing a name there; typing
 * keeps its focus, caret and text.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { countHighlights, openScanned, waitForNextScan, waitForScan } from './page-probes';

describeInBrowsers('fields and editors', (name) => {
  let page: Page;
  const suite = useExtension(name);
  beforeAll(async () => {
    page = await openScanned(suite, 'editable.html');
  });

  /** Only the sizes of the highlights a document has. */
  const sizes = async (doc: Page | Awaited<ReturnType<Page['mainFrame']>>) =>
    Object.fromEntries(Object.entries((await countHighlights(doc)).sizes).filter(([, size]) => size > 0));

  it('highlights the text outside them only', async () => {
    // "Outside any field: TikTok." and "Not editable: Oracle."
    expect(await sizes(page)).toEqual({ 'backstory-tiktok': 1, 'backstory-oracle': 1 });
    expect((await countHighlights(page)).insideSkipped).toBe(0);
    const design = page.frames().find((frame) => frame.url() === 'about:srcdoc')!;
    await waitForScan(design);
    expect(await sizes(design)).toEqual({});
  });

  it('leaves what the user types alone: its text, focus and caret', async () => {
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Oracle and TikTok');
    await page.click('#input');
    await page.keyboard.press('End');
    await page.keyboard.type(' ByteDance');
    await waitForNextScan(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input');
    expect(await page.evaluate(() => (document.getElementById('input') as HTMLInputElement).value)).toBe(
      'TikTok in an input ByteDance',
    );
    expect(await page.evaluate(() => document.getElementById('editor')!.textContent)).toBe(
      'ByteDance in an editor, TikTok too. Oracle and TikTok',
    );
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await waitForNextScan(page);
    const caret = await page.evaluate(() => {
      const selection = getSelection()!;
      return {
        text: selection.anchorNode?.textContent,
        offset: selection.anchorOffset,
        collapsed: selection.isCollapsed,
      };
    });
    expect(caret).toEqual({ text: ' too. Oracle and TikTok!', offset: 24, collapsed: true });
    expect(await sizes(page)).toEqual({ 'backstory-tiktok': 1, 'backstory-oracle': 1 });
    expect((await countHighlights(page)).insideSkipped).toBe(0);
  });
});
