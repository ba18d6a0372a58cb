import { shadowHighlightCss } from './highlight-styles';
import { logError } from '../log-error';

/** Where the highlight sheet goes in Firefox (see `shadowHighlightStyles`). */
export interface ShadowSheets {
  /** A text whose names were just registered: its shadow root gets the sheet. */
  readonly named: (node: Text) => void;
  /** After a pass: the sheet stays only in the shadow roots of these texts (those holding names). */
  readonly keepFor: (named: Iterable<Text>) => void;
}

/**
 * Firefox does not apply the manifest's CSS inside a page's shadow roots, so names found there
 * would be registered but not painted. Each open shadow root that holds a name gets the
 * `::highlight()` rules as one constructed style sheet, appended to its `adoptedStyleSheets` (the
 * chosen style comes with the custom properties the root inherits, see highlight-styles.ts): no
 * node of the page changes, and the page's own sheets stay as they were, before ours. (Firefox
 * refuses a content script's sheet in `document.adoptedStyleSheets`, but takes it in a shadow
 * root's.) A shadow root without a name gets nothing, so that a page cannot learn from its own
 * components that Backstory runs. Chromium paints shadow roots from the manifest's CSS, so there
 * this does nothing. A root whose names all went loses the sheet after the pass that saw it
 * (`keepFor`), and aborting `signal` takes the sheet out of every root again.
 */
export function shadowHighlightStyles(entityIds: readonly string[], signal: AbortSignal): ShadowSheets {
  if (__BROWSER__ !== 'firefox') return { named: () => {}, keepFor: () => {} };
  let sheet: CSSStyleSheet | undefined;
  /** The roots given the sheet (one may be listed twice, if the page replaced its sheets meanwhile). */
  let roots: WeakRef<ShadowRoot>[] = [];
  /** The list is swept of roots the page dropped when it reaches this length, then twice what is left. */
  let sweepAt = 64;
  const takeOut = (root: ShadowRoot | undefined) => {
    const sheets = root?.adoptedStyleSheets;
    const index = sheet && sheets ? sheets.indexOf(sheet) : -1;
    if (index >= 0) sheets?.splice(index, 1);
  };
  signal.addEventListener(
    'abort',
    () => {
      for (const root of roots) takeOut(root.deref());
      roots = [];
    },
    { once: true },
  );
  const named = (node: Text) => {
    const root = node.getRootNode();
    if (signal.aborted || !(root instanceof ShadowRoot)) return;
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(shadowHighlightCss(entityIds));
      }
      // The page may have replaced its sheets since: then ours goes back in.
      if (root.adoptedStyleSheets.includes(sheet)) return;
      root.adoptedStyleSheets.push(sheet);
      roots.push(new WeakRef(root));
      if (roots.length >= sweepAt) {
        roots = roots.filter((ref) => ref.deref());
        sweepAt = Math.max(64, roots.length * 2);
      }
    } catch (error) {
      logError(error);
    }
  };
  const keepFor = (texts: Iterable<Text>) => {
    if (roots.length === 0 || signal.aborted) return;
    const holding = new Set<Node>();
    for (const node of texts) holding.add(node.getRootNode());
    roots = roots.filter((ref) => {
      const root = ref.deref();
      if (root && holding.has(root)) return true;
      takeOut(root);
      return false;
    });
  };
  return { named, keepFor };
}
