import type { HighlightRegistry, PageMention } from './highlight-registry';
import { ScannableWalk } from '../scan/text-walker';
import { SLICE_BUDGET_MS, yieldToPage } from '../scan/yield-to-page';

/** Nodes visited between two looks at the clock. */
const CHECK_EVERY = 256;

/**
 * `mentions` in document order (open shadow roots in place), found by one walk of the page that
 * yields to it every slice. Sorting with `compareDocumentPosition` costs each comparison the
 * index of a node among its siblings: 4,000 names in one section took 0.3 s of frozen page.
 * Mentions the walk does not meet (their text left the page meanwhile) come last, as given.
 */
export async function inDocumentOrder(mentions: readonly PageMention[], root: Node): Promise<PageMention[]> {
  const byNode = new Map<Text, PageMention[]>();
  for (const mention of mentions) {
    const list = byNode.get(mention.node);
    if (list) list.push(mention);
    else byNode.set(mention.node, [mention]);
  }
  const ordered: PageMention[] = [];
  const walk = new ScannableWalk(root);
  let sliceStart = performance.now();
  let untilCheck = CHECK_EVERY;
  for (let node = walk.next(); node && byNode.size > 0; node = walk.next()) {
    const here = byNode.get(node as Text);
    if (here) {
      byNode.delete(node as Text);
      ordered.push(...here.sort((a, b) => a.range.startOffset - b.range.startOffset));
    }
    if (--untilCheck > 0) continue;
    untilCheck = CHECK_EVERY;
    if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  for (const rest of byNode.values()) ordered.push(...rest);
  return ordered;
}

/**
 * The mention shown after `previous` in document order (open shadow roots in place): the next in
 * its text node, else the first of the next text node that shows one; the page's first after the
 * last, or when `previous` is gone or undefined. One walk from the start of `root` to it, no sort:
 * sorting every mention with `compareDocumentPosition` made a press of the keyboard command take
 * about 55 ms with 5,000 names in one section (this, about 5 ms, as with 50 names). The registry's own order is the order mentions
 * were registered in, which a page that changes makes other than the document's.
 */
export function mentionAfter(
  registry: Pick<HighlightRegistry, 'mentionsIn'>,
  previous: PageMention | undefined,
  root: Node,
): PageMention | undefined {
  if (previous) {
    const here = registry.mentionsIn(previous.node);
    const at = here.findIndex((mention) => mention.id === previous.id);
    if (at >= 0 && at + 1 < here.length) return here[at + 1];
  }
  let first: PageMention | undefined;
  let passed = previous === undefined;
  const walk = new ScannableWalk(root);
  for (let node = walk.next(); node; node = walk.next()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    if (node === previous?.node) {
      passed = true;
      continue;
    }
    const [head] = registry.mentionsIn(node as Text);
    if (!head) continue;
    if (passed) return head;
    first ??= head;
  }
  return first;
}
