import { shadowHighlightCss } from './highlight-styles';
import { logError } from '../log-error';

/**
 * Firefox does not apply the manifest's CSS inside a page's shadow roots, so names found there
 * would be registered but not painted. Each open shadow root that holds a name gets the
 * `::highlight()` rules as one constructed style sheet, appended to its `adoptedStyleSheets` (the
 * chosen style comes with the custom properties the root inherits, see highlight-styles.ts): no
 * node of the page changes, and the page's own sheets stay as they were, before ours. (Firefox
 * refuses a content script's sheet in `document.adoptedStyleSheets`, but takes it in a shadow
 * root's.) A shadow root without a name gets nothing, so that a page cannot learn from its own
 * components that Backstory runs. Chromium paints shadow roots from the manifest's CSS, so there
 * this does nothing. Aborting `signal` takes the sheet out of every root again. Returns the
 * function for each text whose names were registered.
 */
export function shadowHighlightStyles(entityIds: readonly string[], signal: AbortSignal): (named: Text) => void {
  if (__BROWSER__ !== 'firefox') return () => {};
  let sheet: CSSStyleSheet | undefined;
  let roots: WeakRef<ShadowRoot>[] = [];
  /** The list is swept of roots the page dropped when it reaches this length, then twice what is left. */
  let sweepAt = 64;
  signal.addEventListener(
    'abort',
    () => {
      for (const root of roots) {
        const sheets = root.deref()?.adoptedStyleSheets;
        const index = sheet && sheets ? sheets.indexOf(sheet) : -1;
        if (index >= 0) sheets?.splice(index, 1);
      }
      roots = [];
    },
    { once: true },
  );
  return (named) => {
    const root = named.getRootNode();
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
}
