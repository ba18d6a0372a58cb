/**
 * Which text of a page is the reader's: every text node except those in code, form fields,
 * editable regions and our own UI. Pure DOM, no browser APIs, so it is tested with HTML fixtures.
 */

/** Elements whose text is not prose a reader sees, or that the user is typing into. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'math']);

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
export function* scannableTextNodes(
  root: Node,
  ownHost: Element | null = null,
  onShadowRoot: (shadow: ShadowRoot) => void = () => {},
): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const filter = (node: Node): number =>
    node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element, ownHost)
      ? NodeFilter.FILTER_REJECT
      : NodeFilter.FILTER_ACCEPT;
  const walk = (from: Node) => doc.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
  const walkers = [walk(root)];
  const rootShadow = (root as Element).shadowRoot;
  if (rootShadow) {
    onShadowRoot(rootShadow);
    walkers.push(walk(rootShadow));
  }
  for (let walker = walkers.at(-1); walker; walker = walkers.at(-1)) {
    const node = walker.nextNode();
    if (!node) {
      walkers.pop();
    } else if (node.nodeType === Node.TEXT_NODE) {
      yield node as Text;
    } else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        onShadowRoot(shadow);
        walkers.push(walk(shadow));
      }
    }
  }
}

/** Whether `node` sits inside a skipped element (text added into a text area, an editor…). */
export function isInsideSkipped(node: Node, ownHost: Element | null): boolean {
  for (let current: Node | null = node; current;) {
    if (current.nodeType === Node.ELEMENT_NODE && isSkippedElement(current as Element, ownHost)) return true;
    current = current.parentNode ?? (current as ShadowRoot).host ?? null;
  }
  return false;
}
