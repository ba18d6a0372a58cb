/**
 * A page whose Content-Security-Policy allows nothing still gets its highlights and its cards:
 * the content script, its CSS, the card's UI and the page-date reader (card.js and page-date.js,
 * imported when first wanted) are the extension's, which a page's policy does not govern.
 */
import { expect, it } from 'vitest';
import { describeInBrowsers, useExtension } from './harness';
import { countHighlights, mentionBox, openScanned, readCard, waitForCardAt } from './page-probes';

const NOTHING_ALLOWED = "default-src 'none'";

describeInBrowsers(`a page with "${NOTHING_ALLOWED}"`, (name) => {
  const suite = useExtension(name, undefined, { headers: () => ({ 'content-security-policy': NOTHING_ALLOWED }) });

  it('highlights its names and opens a card on hover', async () => {
    const page = await openScanned(suite, 'seed-article.html');
    expect((await countHighlights(page)).sizes['backstory-tiktok']).toBe(18);
    const mention = await mentionBox(page, 'backstory-tiktok', 0);
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2, { steps: 2 });
    const below = { x: mention.x + 20, y: mention.y + mention.height + 30, width: 1, height: 1 };
    expect(await waitForCardAt(page, below)).toBe(true);
    expect((await readCard(page)).dialogName).toBe('Backstory: TikTok');
    await page.close();
  });
});
