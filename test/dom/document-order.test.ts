import { afterEach, describe, expect, it } from 'vitest';
import { mentionAfter } from '../../src/content/highlight/document-order';
import { HighlightRegistry, type PageMention } from '../../src/content/highlight/highlight-registry';
import { useFakeHighlights } from '../support/fake-highlights';

useFakeHighlights();
afterEach(() => {
  document.body.replaceChildren();
});

/** Registers every "TikTok" and "Oracle" of `node`. */
function register(registry: HighlightRegistry, node: Text): void {
  const found = [...node.data.matchAll(/TikTok|Oracle/g)].map((m) => ({
    entityId: m[0] === 'TikTok' ? 'tiktok' : 'oracle',
    start: m.index,
    end: m.index + m[0].length,
  }));
  registry.add(node, found);
}

describe('the keyboard command: the mention after the last one shown', () => {
  it('goes in document order, into open shadow roots, whatever order they were registered in, and wraps', () => {
    document.body.innerHTML = '<p>TikTok and Oracle</p><p>Oracle</p><div id="host"></div><p>Then TikTok.</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Oracle in a component</span>';
    const [first, second, , last] = [...document.querySelectorAll('p, div')].map((e) => e.firstChild as Text);
    const inShadow = shadow.querySelector('span')!.firstChild as Text;
    const registry = new HighlightRegistry();
    // A page that changed: the last paragraph was read first.
    for (const node of [last!, inShadow, second!, first!]) register(registry, node);

    const walked: string[] = [];
    let mention: PageMention | undefined;
    for (let i = 0; i < 6; i++) {
      mention = mentionAfter(registry, mention, document);
      walked.push(`${mention!.node.data}@${mention!.range.startOffset}`);
    }
    expect(walked).toEqual([
      'TikTok and Oracle@0',
      'TikTok and Oracle@11',
      'Oracle@0',
      'Oracle in a component@0',
      'Then TikTok.@5',
      'TikTok and Oracle@0',
    ]);
  });

  it('starts again from the first when the last one shown has left the page', () => {
    document.body.innerHTML = '<p>TikTok</p><p>Oracle</p>';
    const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const registry = new HighlightRegistry();
    register(registry, first!);
    register(registry, second!);
    const gone = mentionAfter(registry, mentionAfter(registry, undefined, document), document)!;
    expect(gone.node).toBe(second);
    second!.parentElement!.remove();
    registry.prune();
    expect(mentionAfter(registry, gone, document)?.node).toBe(first);
    expect(mentionAfter(new HighlightRegistry(), undefined, document)).toBeUndefined();
  });
});
