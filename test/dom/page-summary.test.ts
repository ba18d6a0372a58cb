import { beforeEach, describe, expect, it } from 'vitest';
import { HighlightRegistry, type PageMention } from '../../src/content/highlight/highlight-registry';
import { MAX_SNIPPETS, pageSummary } from '../../src/content/highlight/page-summary';
import { useFakeHighlights } from '../support/fake-highlights';

useFakeHighlights();
beforeEach(() => {
  document.body.replaceChildren();
});

/** Registers every "TikTok" in the text nodes below `root`. */
function registerAll(registry: HighlightRegistry, root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const found = [...node.data.matchAll(/TikTok/g)].map((m) => ({
      entityId: 'tiktok',
      start: m.index,
      end: m.index + 6,
    }));
    if (found.length > 0) registry.add(node, found);
  }
}

describe('the page summary the popup gets', () => {
  it('cuts each sentence from the text beside its name, across inline elements', async () => {
    document.body.innerHTML =
      '<p>Lawmakers met on Monday. The app <a href="#">TikTok</a> said it would <em>sue</em> the government. Then more.</p>';
    const registry = new HighlightRegistry();
    registerAll(registry, document.body);
    const [mention] = await pageSummary(registry);
    expect(mention?.snippet).toEqual({
      before: 'The app ',
      name: 'TikTok',
      after: ' said it would sue the government.',
    });
    expect(mention?.mentionId).toBe(registry.shown()[0]?.id);
  });

  it('gives the sentence of a mention in a section of thousands, not the section', async () => {
    const section = document.createElement('section');
    const mentions: PageMention[] = [];
    for (let i = 0; i < 2_000; i++) {
      const span = document.createElement('span');
      span.textContent = `Post ${i} on TikTok today. `;
      section.append(span);
      // happy-dom's live ranges cost time in the thousands: plain offsets do the same job here.
      const node = span.firstChild as Text;
      const range = { startOffset: node.data.indexOf('TikTok'), endOffset: node.data.indexOf('TikTok') + 6 } as Range;
      mentions.push({ id: i + 1, entityId: 'tiktok', node, range, text: 'TikTok' });
    }
    document.body.append(section);
    const summary = await pageSummary({ shown: () => [...mentions].reverse() });
    expect(summary).toHaveLength(2_000);
    expect(summary[0]?.snippet).toEqual({ before: 'Post 0 on ', name: 'TikTok', after: ' today.' });
    expect(summary[1]?.snippet.before).toBe('Post 1 on ');
    // The first sentences are cut; past the cap, a mention is listed by its name alone.
    expect(summary.filter((m) => m.snippet.before !== '').length).toBeLessThanOrEqual(MAX_SNIPPETS);
    expect(summary.at(-1)?.snippet).toEqual({ before: '', name: 'TikTok', after: '' });
    expect(new Set(summary.map((m) => m.mentionId)).size).toBe(2_000);
  });
});
