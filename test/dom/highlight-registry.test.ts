import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightRegistry, paintableIn, PAINT_BUDGET } from '../../src/content/highlight-registry';

/** happy-dom has no CSS Custom Highlight API: a set-like stand-in, as the browsers provide. */
class FakeHighlight extends Set<Range> {}

beforeEach(() => {
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

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
    const registry = new HighlightRegistry();
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
