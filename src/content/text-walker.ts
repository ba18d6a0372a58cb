/**
 * Which text of a page is the reader's: every text node except those in code, form fields,
 * editable regions and our own UI. Pure DOM, no browser APIs, so it is tested with HTML fixtures.
 */

/** Elements whose text is not prose a reader sees, or that the user is typing into. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'svg', 'math']);

/** True for an element whose subtree is never scanned. */
export function isSkippedElement(element: Element, ownHost: Element | null): boolean {
  if (element === ownHost) return true;
  if (SKIPPED.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Yields the scannable text nodes below `root`, pruning skipped subtrees and entering open shadow
 * roots. Iterative (a stack of TreeWalkers), so a DOM thousands of levels deep cannot overflow.
 */
export function* scannableTextNodes(root: Node, ownHost: Element | null = null): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const filter = (node: Node): number =>
    node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element, ownHost)
      ? NodeFilter.FILTER_REJECT
      : NodeFilter.FILTER_ACCEPT;
  const walkers = [doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter)];
  for (let walker = walkers.at(-1); walker; walker = walkers.at(-1)) {
    const node = walker.nextNode();
    if (!node) {
      walkers.pop();
    } else if (node.nodeType === Node.TEXT_NODE) {
      yield node as Text;
    } else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) walkers.push(doc.createTreeWalker(shadow, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter));
    }
  }
}
