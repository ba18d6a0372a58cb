import type { HighlightRegistry, PageMention } from '../highlight/highlight-registry';

/** A mention under the pointer, with the one box of it (a wrapped name has several) it is in. */
export interface MentionHit {
  readonly mention: PageMention;
  /** Which of the name's boxes (`range.getClientRects()`) the point is in. */
  readonly boxIndex: number;
}

/**
 * The mention under the point (x, y) in viewport coordinates, if any. The caret position gives the
 * text node and offset; the mention's boxes then confirm the point is on the name itself and not
 * beside it, at the end of a line. `target`, the element under the pointer, tells which open
 * shadow roots the caret may be in: without them it stops at their hosts.
 */
export function mentionAtPoint(
  registry: HighlightRegistry,
  x: number,
  y: number,
  target: Element,
): MentionHit | undefined {
  const shadowRoots = shadowRootsAround(target);
  const caret = document.caretPositionFromPoint(x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
  const node = caret?.offsetNode;
  if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
  for (const mention of registry.mentionsIn(node as Text)) {
    if (caret.offset < mention.range.startOffset || caret.offset > mention.range.endOffset) continue;
    const boxes = mention.range.getClientRects();
    for (let boxIndex = 0; boxIndex < boxes.length; boxIndex++) {
      const box = boxes[boxIndex];
      if (box && x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return { mention, boxIndex };
    }
  }
  return undefined;
}

/** The shadow roots `node` is in, the innermost first. */
function shadowRootsAround(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = node.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) roots.push(root);
  return roots;
}

const isShadowRoot = (node: Node): node is ShadowRoot =>
  node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (node as Partial<ShadowRoot>).host !== undefined;

/** The box of the hit now, after the page may have scrolled or reflowed. */
export function hitBox(hit: MentionHit): DOMRect {
  const boxes = hit.mention.range.getClientRects();
  return boxes[hit.boxIndex] ?? boxes[0] ?? hit.mention.range.getBoundingClientRect();
}
