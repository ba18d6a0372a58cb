import { insideSkipped } from '../scan/text-walker';
import { SLICE_BUDGET_MS, yieldToPage } from '../scan/yield-to-page';

export interface CandidateSearch {
  /** Matches wherever the engine could find a name (src/core/candidate-pattern.ts); narrowed between searches. */
  pattern: RegExp;
  readonly signal: AbortSignal;
  /** Each open shadow root met, so that its later changes are watched too. */
  readonly onShadowRoot: (root: ShadowRoot) => void;
  /** Each custom element not defined yet: it may attach a shadow root once it is. */
  readonly onUndefinedElement: (element: Element) => void;
}

/** A longer text (a whole book in one node) is read in windows of this size, yielding between… */
const WINDOW_CHARS = 65_536;
/** …which overlap by more than any name's length. */
const WINDOW_OVERLAP = 256;
/** Nodes visited between two looks at the clock… */
const CHECK_EVERY = 128;
/** …where this many characters read count as one node more. */
const CHARS_PER_NODE = 256;

/**
 * The text nodes below `roots` (through the open shadow roots met, each reported) that may hold
 * a name and that the engine reads, in the order read (a shadow root's after its tree's);
 * undefined if `signal` aborted meanwhile. Below each root, one walk reads the texts and another
 * looks at the elements for their shadow roots. Each text is handed to the regular expression as
 * it is, so the browser's engine, not JavaScript, reads every character. A text inside what the
 * engine never reads (a script, a style, a field, an editable region) does not count; a document
 * in design mode does (the engine reads it, highlights nothing in it while it is edited, and
 * records its `backstory:scan` as on any page with a name). Yields to the page whenever a slice
 * has run for its budget.
 */
export async function findCandidateTexts(roots: Iterable<Node>, search: CandidateSearch): Promise<Text[] | undefined> {
  const { signal } = search;
  let sliceStart = performance.now();
  const due = async (): Promise<boolean> => {
    if (performance.now() - sliceStart <= SLICE_BUDGET_MS) return !signal.aborted;
    await yieldToPage();
    sliceStart = performance.now();
    return !signal.aborted;
  };
  const found: Text[] = [];
  const queue = [...roots];
  for (let root = queue.shift(); root; root = queue.shift()) {
    if (!root.isConnected) continue;
    if (root.nodeType === Node.TEXT_NODE) {
      if (search.pattern.test((root as Text).data)) found.push(root as Text);
      continue;
    }
    if (!(await searchBelow(root, search, queue, found, due))) return undefined;
  }
  // Read now, after the last yield: what it remembers of the ancestors holds until the page changes.
  const skipped = insideSkipped(null, { designMode: false });
  return found.filter((node) => node.isConnected && !skipped(node));
}

type Due = () => Promise<boolean>;

/**
 * Reads the texts below `root` into `found` and adds the open shadow roots met to `queue` (the
 * custom elements not defined yet reported on the way). False if the search was stopped.
 *
 * Two walks, one for the texts and one for the elements, rather than one of both: in Firefox, a
 * walk that meets both kinds of node in turn costs 2–3× the two apart (the content script reads
 * the page's nodes through wrappers, and one loop over both kinds of wrapper runs slow), and in
 * Chromium the two cost what the one did.
 */
async function searchBelow(root: Node, search: CandidateSearch, queue: Node[], found: Text[], due: Due) {
  const { pattern, signal } = search;
  const onShadow = (shadow: ShadowRoot | null | undefined) => {
    if (!shadow) return;
    search.onShadowRoot(shadow);
    queue.push(shadow);
  };
  onShadow((root as Partial<Element>).shadowRoot);
  if ('querySelectorAll' in root) {
    for (const element of (root as ParentNode).querySelectorAll(':not(:defined)')) search.onUndefinedElement(element);
  }
  const doc = root.ownerDocument ?? (root as Document);
  const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let untilCheck = CHECK_EVERY;
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null) {
    const text = node.data;
    if (text.length > WINDOW_CHARS) {
      if (await holdsLongCandidate(node, pattern, due)) found.push(node);
      if (signal.aborted) return false;
      untilCheck = 0;
    } else {
      if (pattern.test(text)) found.push(node);
      untilCheck -= text.length / CHARS_PER_NODE;
    }
    if (--untilCheck <= 0) {
      untilCheck = CHECK_EVERY;
      if (!(await due())) return false;
    }
  }
  const elements = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let element = elements.nextNode() as Element | null; element; element = elements.nextNode() as Element | null) {
    onShadow(element.shadowRoot);
    if (--untilCheck <= 0) {
      untilCheck = CHECK_EVERY;
      if (!(await due())) return false;
    }
  }
  return true;
}

/** Whether one long text may hold a name, read window by window, yielding between windows. */
async function holdsLongCandidate(node: Text, pattern: RegExp, due: Due): Promise<boolean> {
  for (let from = 0; from < node.data.length; from += WINDOW_CHARS) {
    if (pattern.test(node.data.slice(from, from + WINDOW_CHARS + WINDOW_OVERLAP))) return true;
    if (!(await due()) || !node.isConnected) return false;
  }
  return false;
}
