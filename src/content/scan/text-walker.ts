/**
 * Which text of a page is the reader's: every text node except those in code, form fields,
 * editable regions, the document's head and our own UI. Pure DOM, no browser APIs, so it is
 * tested with HTML fixtures.
 */
import { ancestorTest, composedParent } from './ancestors';

/** Elements whose text is not prose a reader sees, or that the user is typing into. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'math',
  // Not shown in the page (the head, with the tab's title; fallback content never rendered). An
  // SVG's <title> is read: it names an icon ("TikTok") for screen readers.
  'head',
  'iframe',
  'canvas',
]);

/** True for an element whose subtree is never scanned. */
export function isSkippedElement(element: Element, ownHost: Element | null): boolean {
  if (element === ownHost) return true;
  if (SKIPPED.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export interface WalkOptions {
  /** Our card's host, never scanned. */
  readonly ownHost?: Element | null;
  /** Called with each open shadow root the walk enters, so it can be watched and styled. */
  readonly onShadowRoot?: (shadow: ShadowRoot) => void;
  /**
   * Called with each custom element not defined yet: once its definition arrives, it may attach
   * a shadow root, which nothing in the page's mutations would show.
   */
  readonly onUndefinedElement?: (element: Element) => void;
}

/**
 * Every node a walk of `root` visits: the text nodes to read, and the elements passed on the way,
 * so that the caller can yield to the page even in a DOM of many elements and little text. Prunes
 * skipped subtrees and enters open shadow roots. Iterative (a stack of TreeWalkers), so a DOM
 * thousands of levels deep cannot overflow the stack. The TreeWalkers have no filter: a filter is
 * a call from the engine into JavaScript for every element, which cost more than the rest of the
 * walk together; skipped subtrees are stepped over here instead.
 */
export class ScannableWalk {
  readonly #walkers: TreeWalker[] = [];
  readonly #doc: Document;
  readonly #options: WalkOptions;

  constructor(root: Node, options: WalkOptions = {}) {
    this.#options = options;
    this.#doc = root.ownerDocument ?? (root as Document);
    this.#walkers.push(this.#walk(root));
    if (root.nodeType === Node.ELEMENT_NODE) this.#enter(root as Element);
  }

  /** The next node of the walk (never `root` itself), or null at its end. */
  next(): Node | null {
    const ownHost = this.#options.ownHost ?? null;
    for (let walker = this.#walkers.at(-1); walker; walker = this.#walkers.at(-1)) {
      let node = walker.nextNode();
      while (node && node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element, ownHost))
        node = nextOutside(walker);
      if (!node) {
        this.#walkers.pop();
        continue;
      }
      if (node.nodeType === Node.ELEMENT_NODE) this.#enter(node as Element);
      return node;
    }
    return null;
  }

  #walk(from: Node): TreeWalker {
    return this.#doc.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  #enter(element: Element): void {
    const shadow = element.shadowRoot;
    if (shadow) {
      this.#options.onShadowRoot?.(shadow);
      this.#walkers.push(this.#walk(shadow));
    } else if (this.#options.onUndefinedElement && element.localName.includes('-') && !element.matches(':defined')) {
      this.#options.onUndefinedElement(element);
    }
  }
}

/** Moves `walker` past the subtree of its current node: to the next node outside it, or null. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** The nodes of a `ScannableWalk` of `root`, as an iterable. */
export function* walkScannable(root: Node, options: WalkOptions = {}): Generator<Node> {
  const walk = new ScannableWalk(root, options);
  for (let node = walk.next(); node; node = walk.next()) yield node;
}

/** The scannable text nodes below `root` (see `walkScannable`). */
export function* scannableTextNodes(root: Node, options: WalkOptions = {}): Generator<Text> {
  for (const node of walkScannable(root, options)) if (node.nodeType === Node.TEXT_NODE) yield node as Text;
}

/**
 * Whether a node sits inside a skipped element (text added into a text area, an editor…), or in
 * a document being edited as a whole (`designMode`, unless `designMode: false`). One test serves
 * one batch of work: it remembers the ancestors it has seen.
 */
export function insideSkipped(ownHost: Element | null, { designMode = true } = {}): (node: Node) => boolean {
  const test = ancestorTest(
    (node) =>
      node.nodeType === Node.ELEMENT_NODE
        ? isSkippedElement(node as Element, ownHost)
        : designMode && node.nodeType === Node.DOCUMENT_NODE && (node as Document).designMode === 'on',
    composedParent,
  );
  return (node) => test(node);
}
