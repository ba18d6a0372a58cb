import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightRegistry, paintableIn, PAINT_BUDGET } from '../../src/content/highlight/highlight-registry';
import { useFakeHighlights, type FakeHighlight } from '../support/fake-highlights';

useFakeHighlights();

const mentionsEvery = (node: Text, count: number, step: number) =>
  Array.from({ length: count }, (_, i) => ({ entityId: 'tiktok', start: i * step, end: i * step + 6 }));

describe('HighlightRegistry', () => {
  it('registers one Highlight per entity under backstory-<id>, holding exactly the current ranges', () => {
    const registry = new HighlightRegistry();
    const p = document.createElement('p');
    p.textContent = 'TikTok and Oracle';
    document.body.append(p);
    const node = p.firstChild as Text;
    registry.add(node, [
      { entityId: 'tiktok', start: 0, end: 6 },
      { entityId: 'oracle', start: 11, end: 17 },
    ]);
    const highlights = CSS.highlights as unknown as Map<string, FakeHighlight>;
    expect([...highlights.keys()]).toEqual(['backstory-tiktok', 'backstory-oracle']);
    expect([...highlights.get('backstory-oracle')!].map((r) => r.toString())).toEqual(['Oracle']);
    registry.add(node, [{ entityId: 'tiktok', start: 0, end: 6 }]);
    expect(highlights.get('backstory-oracle')!.size).toBe(0);
    p.remove();
    expect(registry.prune()).toEqual([]);
    expect(highlights.get('backstory-tiktok')!.size).toBe(0);
    expect(registry.size).toBe(0);
  });

  it('keeps within the paint budget in very long text, and counts what it left out', () => {
    const registry = new HighlightRegistry({ paintBudget: PAINT_BUDGET });
    const node = document.createTextNode('x'.repeat(500_000));
    document.body.append(node);
    registry.add(node, mentionsEvery(node, 10, 1000));
    expect(paintableIn(500_000)).toBe(PAINT_BUDGET / 500_000);
    expect(registry.size).toBe(4);
    expect(registry.capped).toBe(6);
    const short = document.createTextNode('y'.repeat(2000));
    document.body.append(short);
    registry.add(short, mentionsEvery(short, 300, 6));
    expect(registry.size).toBe(304);
    node.remove();
    expect(registry.capped).toBe(0);
  });

  it('paints every mention of a 4 MB text node where there is no budget, and leaves none out', () => {
    const registry = new HighlightRegistry({ paintBudget: Infinity });
    const node = document.createTextNode('x'.repeat(4_000_000));
    document.body.append(node);
    registry.add(node, mentionsEvery(node, 1000, 4000));
    expect(registry.size).toBe(1000);
    expect(registry.capped).toBe(0);
    node.remove();
  });

  it('drops at once, after an edit, the ranges that no longer spell their name, and keeps the rest', () => {
    const registry = new HighlightRegistry();
    const node = document.createTextNode('TikTok and Oracle and ByteDance');
    document.body.append(node);
    registry.add(node, [
      { entityId: 'tiktok', start: 0, end: 6 },
      { entityId: 'oracle', start: 11, end: 17 },
      { entityId: 'bytedance', start: 22, end: 31 },
    ]);
    node.replaceData(13, 2, 'XX'); // "OrXXle": Oracle's range still covers six letters, not the name
    registry.keepIntact(node);
    expect(registry.mentionsIn(node).map((m) => m.range.toString())).toEqual(['TikTok', 'ByteDance']);
    node.data = 'gone';
    registry.keepIntact(node);
    expect(registry.has(node)).toBe(false);
    expect(registry.size).toBe(0);
  });
});

describe('HighlightRegistry: mention ids', () => {
  it('gives each mention an id at registration, kept while the mention stays where it is', () => {
    const registry = new HighlightRegistry();
    const node = document.createTextNode('TikTok and Oracle');
    document.body.append(node);
    registry.add(node, [
      { entityId: 'tiktok', start: 0, end: 6 },
      { entityId: 'oracle', start: 11, end: 17 },
    ]);
    const [tiktok, oracle] = registry.mentionsIn(node).map((m) => m.id);
    expect(tiktok).not.toBe(oracle);
    // The node read again, say after an edit elsewhere: the same mentions, the same ids.
    registry.add(node, [
      { entityId: 'tiktok', start: 0, end: 6 },
      { entityId: 'oracle', start: 11, end: 17 },
    ]);
    expect(registry.mentionsIn(node).map((m) => m.id)).toEqual([tiktok, oracle]);
    expect(registry.get(oracle!)?.range.toString()).toBe('Oracle');
    node.remove();
    registry.prune();
    expect(registry.get(oracle!)).toBeUndefined();
  });

  it('never gives an id twice, not even in a new run of Backstory in the same page', () => {
    const seen = new Set<number>();
    for (let run = 0; run < 3; run++) {
      const registry = new HighlightRegistry();
      const node = document.createTextNode('TikTok TikTok');
      document.body.append(node);
      registry.add(node, mentionsEvery(node, 2, 7));
      for (const { id } of registry.shown()) seen.add(id);
      registry.clear();
      node.remove();
    }
    expect(seen.size).toBe(6);
  });
});

describe('HighlightRegistry: text that is not rendered', () => {
  it('keeps the mentions of hidden text out of the highlights, the count and the list until it shows', () => {
    const hidden = new Set<Text>();
    const registry = new HighlightRegistry({ renderedTest: () => (node) => !hidden.has(node) });
    const shown = document.createTextNode('Oracle Corporation');
    const menu = document.createTextNode('TikTok, Oracle');
    document.body.append(shown, menu);
    hidden.add(menu);
    registry.add(shown, [{ entityId: 'oracle', start: 0, end: 6 }]);
    registry.add(menu, [
      { entityId: 'tiktok', start: 0, end: 6 },
      { entityId: 'oracle', start: 8, end: 14 },
    ]);
    const highlights = CSS.highlights as unknown as Map<string, FakeHighlight>;
    expect(registry.size).toBe(1);
    expect(registry.shown().map((m) => m.node)).toEqual([shown]);
    expect(highlights.get('backstory-oracle')!.size).toBe(1);
    expect(registry.has(menu)).toBe(true);
    expect(registry.mentionsIn(menu)).toEqual([]); // nothing under the pointer there either

    hidden.delete(menu); // the menu opens
    expect(registry.updateRendered()).toBe(true);
    expect(registry.size).toBe(3);
    expect(highlights.get('backstory-tiktok')!.size).toBe(1);
    expect(registry.updateRendered()).toBe(false);

    hidden.add(menu); // and closes
    expect(registry.updateRendered()).toBe(true);
    expect(registry.size).toBe(1);
    expect(highlights.get('backstory-tiktok')!.size).toBe(0);
  });
});

describe('HighlightRegistry: the paint budget of each build', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** A registry as the content script builds it (no budget given), in the build for `browser`. */
  async function builtFor(browser: 'chrome' | 'firefox') {
    vi.stubGlobal('__BROWSER__', browser);
    vi.resetModules();
    const { HighlightRegistry } = await import('../../src/content/highlight/highlight-registry');
    const registry = new HighlightRegistry();
    const node = document.createTextNode('x'.repeat(4_000_000));
    document.body.append(node);
    registry.add(node, mentionsEvery(node, 1000, 4000));
    const painted = { size: registry.size, capped: registry.capped };
    node.remove();
    return painted;
  }

  it('caps a long text node in Chromium, which repaints it whole for each range', async () => {
    expect(await builtFor('chrome')).toEqual({ size: 0, capped: 1000 });
  });

  it('paints every mention of a long text node in Firefox', async () => {
    expect(await builtFor('firefox')).toEqual({ size: 1000, capped: 0 });
  });
});

describe('HighlightRegistry: no leak', () => {
  it('forgets every text that left the page, those too long to paint any highlight included', () => {
    const registry = new HighlightRegistry({ paintBudget: PAINT_BUDGET });
    const long = 'x'.repeat(2_100_000);
    for (let round = 0; round < 3; round++) {
      const nodes = Array.from({ length: 5 }, () => document.createTextNode(long));
      const p = document.createElement('p');
      p.append(...nodes);
      document.body.append(p);
      for (const node of nodes) registry.add(node, mentionsEvery(node, 3, 1000));
      expect(registry.size).toBe(0);
      expect(registry.capped).toBe(15);
      p.remove();
      registry.prune();
      expect(registry.remembered).toBe(0);
    }
  });
});
