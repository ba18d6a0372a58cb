import { insideSkipped } from '../scan/text-walker';
import { SLICE_BUDGET_MS, yieldToPage } from '../scan/yield-to-page';

export interface CandidateSearch {
  /** Matches wherever the engine could find a name (src/core/candidate-pattern.ts). */
  readonly pattern: RegExp;
  readonly signal: AbortSignal;
  /** Each open shadow root met, so that its later changes are watched too. */
  readonly onShadowRoot: (root: ShadowRoot) => void;
  /** Each custom element not defined yet: it may attach a shadow root once it is. */
  readonly onUndefinedElement: (element: Element) => void;
}

/** Texts are read together, joined, this many characters at a time: one call of the engine each. */
const CHUNK_CHARS = 32_768;
/** A longer text (a whole book in one node) is read in windows of this size, yielding between… */
const WINDOW_CHARS = 65_536;
/** …which overlap by more than any name's length. */
const WINDOW_OVERLAP = 256;
/** Nodes visited between two looks at the clock. */
const CHECK_EVERY = 512;

/**
 * Whether any text below `roots` (through open shadow roots) may hold a name: the text node that
 * does, or undefined (also when `signal` aborts). The text nodes' contents are joined and handed
 * to the regular expression a chunk at a time, so the browser's engine, not JavaScript, reads
 * every character; a chunk that matches is read again node by node, and a node inside what the
 * engine never reads (a script, a style, a field, an editable region) does not count. Shadow
 * roots are looked for only where the light DOM held nothing. Yields to the page whenever a
 * slice has run for its budget.
 */
export async function findCandidate(roots: Iterable<Node>, search: CandidateSearch): Promise<Text | undefined> {
  const { pattern, signal } = search;
  let sliceStart = performance.now();
  const due = async (): Promise<boolean> => {
    if (performance.now() - sliceStart <= SLICE_BUDGET_MS) return !signal.aborted;
    await yieldToPage();
    sliceStart = performance.now();
    return !signal.aborted;
  };
  const queue = [...roots];
  for (let root = queue.shift(); root; root = queue.shift()) {
    if (!root.isConnected) continue;
    if (root.nodeType === Node.TEXT_NODE) {
      if (holdsName(root as Text, pattern)) return root as Text;
      continue;
    }
    const found = await findInText(root, search, due);
    if (found !== undefined || signal.aborted) return found;
    if (!(await findShadowRoots(root, search, queue, due))) return undefined;
  }
  return undefined;
}

type Due = () => Promise<boolean>;

/** The text nodes below `root` (not in its shadow roots), a chunk at a time. */
async function findInText(root: Node, search: CandidateSearch, due: Due): Promise<Text | undefined> {
  const { pattern } = search;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let texts: string[] = [];
  let nodes: Text[] = [];
  let chars = 0;
  const flush = (): Text | undefined => {
    const hit =
      texts.length > 0 && pattern.test(texts.join('\n')) ? nodes.find((node) => holdsName(node, pattern)) : undefined;
    texts = [];
    nodes = [];
    chars = 0;
    return hit;
  };
  let untilCheck = CHECK_EVERY;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    if (text.length > WINDOW_CHARS) {
      const found = flush() ?? (await findInLongText(node, search, due));
      if (found) return found;
      if (!(await due())) return undefined;
      continue;
    }
    texts.push(text);
    nodes.push(node);
    chars += text.length;
    if (chars >= CHUNK_CHARS) {
      const found = flush();
      if (found) return found;
      untilCheck = 0;
    }
    if (--untilCheck <= 0) {
      untilCheck = CHECK_EVERY;
      // The nodes gathered so far are read before yielding: the page may change them meanwhile.
      const found = flush();
      if (found) return found;
      if (!(await due())) return undefined;
    }
  }
  return flush();
}

/** One long text, window by window, yielding between windows. */
async function findInLongText(node: Text, search: CandidateSearch, due: Due): Promise<Text | undefined> {
  for (let from = 0; from < node.data.length; from += WINDOW_CHARS) {
    if (search.pattern.test(node.data.slice(from, from + WINDOW_CHARS + WINDOW_OVERLAP))) {
      return isRead(node) ? node : undefined;
    }
    if (!(await due()) || !node.isConnected) return undefined;
  }
  return undefined;
}

/** Whether the engine would read this node's text and could find a name in it. */
function holdsName(node: Text, pattern: RegExp): boolean {
  return pattern.test(node.data) && isRead(node);
}

/**
 * A document in design mode still wakes the engine: the engine reads it, highlights nothing in it
 * while it is edited, and records its `backstory:scan` as on any page with a name.
 */
function isRead(node: Text): boolean {
  return !insideSkipped(null, { designMode: false })(node);
}

/**
 * Adds the open shadow roots below `root` to `queue` (reporting each, and the custom elements
 * not defined yet). False if the search was stopped meanwhile.
 */
async function findShadowRoots(root: Node, search: CandidateSearch, queue: Node[], due: Due): Promise<boolean> {
  if (!('querySelectorAll' in root)) return true;
  const parent = root as ParentNode;
  const own = (root as Partial<Element>).shadowRoot;
  if (own) {
    search.onShadowRoot(own);
    queue.push(own);
  }
  for (const element of parent.querySelectorAll(':not(:defined)')) search.onUndefinedElement(element);
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  let untilCheck = CHECK_EVERY;
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    const shadow = node.shadowRoot;
    if (shadow) {
      search.onShadowRoot(shadow);
      queue.push(shadow);
    }
    if (--untilCheck <= 0) {
      untilCheck = CHECK_EVERY;
      if (!(await due())) return false;
    }
  }
  return true;
}
