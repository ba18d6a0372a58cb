/**
 * Whether a text is rendered: what a reader can see on the page, as opposed to the text of a closed
 * menu, a `hidden` block, `visibility: hidden`, `content-visibility: hidden` (a closed `<details>`)
 * or a box of no size. Asked of the few elements that hold a name, not of the page.
 */

/** What `checkVisibility` tests besides having a box: `visibility: hidden` too. */
const CHECK = { visibilityProperty: true } as const;

/** Whether `element`'s own text is rendered (see the module's note). */
export function elementIsRendered(element: Element): boolean {
  // An SVG's <title> names an icon for screen readers and has no box of its own: it counts
  // wherever its picture shows.
  let box: Element | null = element;
  if (box.namespaceURI === SVG && (box.localName === 'title' || box.localName === 'desc')) box = box.closest('svg');
  // `display: contents` has no box of its own either, but its text is drawn in its parent's.
  while (box && !box.checkVisibility(CHECK)) {
    if (getComputedStyle(box).display !== 'contents') return false;
    box = box.parentElement;
  }
  if (!box) return false;
  const rect = box.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A test of text nodes for one batch of work: each element is asked once, since the page cannot
 * change between two questions of one synchronous batch.
 */
export function renderedTextTest(): (node: Text) => boolean {
  const known = new Map<Element, boolean>();
  return (node) => {
    // Text right in a shadow root is drawn in its host's box.
    const parent = node.parentElement ?? (node.parentNode as Partial<ShadowRoot> | null)?.host;
    if (!parent) return false;
    let rendered = known.get(parent);
    if (rendered === undefined) known.set(parent, (rendered = elementIsRendered(parent)));
    return rendered;
  };
}
