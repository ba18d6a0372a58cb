/** Reading the card inside its closed shadow root from a test, in both browsers. */
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';

/**
 * A handle on the closed shadow root of the element matching `hostSelector`, which no page script
 * or puppeteer selector can reach. Query and evaluate in it like in any element handle:
 * `(await closedShadowRoot(page, 'div[data-backstory-card]')).$eval('a', (a) => a.href)`. Dispose it when done.
 *
 * - Chromium: DevTools sees through closed roots (`DOM.describeNode` with `pierce`); the root is
 *   resolved in the page's main world, parked for an instant on a random global and picked up by
 *   `evaluateHandle`, which turns it into an ordinary puppeteer handle.
 * - Firefox (ESR 153): nothing in WebDriver BiDi reaches it (no content-script realm in
 *   `script.getRealms`, `locateNodes` by accessibility skips it, no accessibility snapshot). But
 *   `window.find(text)` searches the rendered text of closed roots too, and the resulting
 *   `getSelection().anchorNode` is the text node *inside* the root, not retargeted to the host:
 *   its `getRootNode()` is the closed root. So Firefox needs `options.text`, a piece of text that
 *   is rendered in the root. The page's selection and scroll position are put back afterwards.
 *   This leans on a Firefox quirk (Chromium retargets the selection to the host): if it ever goes,
 *   this throws and says so.
 */
export async function closedShadowRoot(
  page: Page,
  hostSelector: string,
  options: { readonly text?: string } = {},
): Promise<ElementHandle<ShadowRoot>> {
  if (await isFirefox(page)) return closedShadowRootByFind(page, hostSelector, options.text);
  const root = await closedShadowRootByDevTools(page, hostSelector);
  // Chromium needs no text to find the root; when one is given it is checked all the same, so
  // that a test behaves the same in both browsers.
  if (options.text !== undefined && !(await root.evaluate(renderedText)).includes(options.text)) {
    await root.dispose();
    throw new Error(`"${options.text}" ${NOT_RENDERED} ${hostSelector}`);
  }
  return root;
}

const NOT_RENDERED = 'is not rendered inside the shadow root of';

/** Runs in the page: the `innerText` of a shadow root's children, style and script elements left out. */
const renderedText = (shadow: ShadowRoot): string =>
  Array.from(shadow.children)
    .filter((el) => !['style', 'script', 'link', 'template'].includes(el.localName))
    .map((el) => ('innerText' in el ? (el as HTMLElement).innerText : (el.textContent ?? '')))
    .join('\n')
    .trim();

/**
 * The rendered text inside the closed shadow root of `hostSelector` (its children's `innerText`,
 * style and script elements left out), trimmed. Firefox needs `options.text`: see `closedShadowRoot`;
 * in both browsers it throws if that text is not in the root.
 */
export async function readClosedShadowText(
  page: Page,
  hostSelector: string,
  options: { readonly text?: string } = {},
): Promise<string> {
  const root = await closedShadowRoot(page, hostSelector, options);
  try {
    return await root.evaluate(renderedText);
  } finally {
    await root.dispose();
  }
}

async function isFirefox(page: Page): Promise<boolean> {
  return (await page.browser().version()).toLowerCase().startsWith('firefox');
}

async function closedShadowRootByDevTools(page: Page, hostSelector: string): Promise<ElementHandle<ShadowRoot>> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: hostSelector });
    if (!nodeId) throw new Error(`No element matches ${hostSelector}`);
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error(`${hostSelector} has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) throw new Error(`The shadow root of ${hostSelector} did not resolve to an object`);
    const key = `__backstoryE2E_${Math.random().toString(36).slice(2)}`;
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function (key) { globalThis[key] = this; }',
      arguments: [{ value: key }],
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
    return (await page.evaluateHandle((k) => {
      const globals = globalThis as unknown as Record<string, ShadowRoot>;
      const found = globals[k];
      Reflect.deleteProperty(globals, k);
      return found;
    }, key)) as ElementHandle<ShadowRoot>;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function closedShadowRootByFind(
  page: Page,
  hostSelector: string,
  text: string | undefined,
): Promise<ElementHandle<ShadowRoot>> {
  if (!text) {
    throw new Error(
      'In Firefox, closedShadowRoot/readClosedShadowText need options.text: some text rendered in the root',
    );
  }
  const handle = (await page.evaluateHandle(
    (selector, needle, notRendered): ShadowRoot | string => {
      const host = document.querySelector(selector);
      if (!host) return `No element matches ${selector}`;
      const selection = getSelection();
      if (!selection) return 'The page has no selection';
      const saved = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
      const [x, y] = [scrollX, scrollY];
      // window.find(string, caseSensitive, backwards, wrapAround, wholeWord, searchInFrames, showDialog)
      const find = (window as unknown as { find(...args: [string, ...boolean[]]): boolean }).find.bind(window);
      try {
        selection.removeAllRanges();
        // Without wrap-around, each call moves past the previous match, so this ends.
        for (let hits = 0; hits < 1000 && find(needle, true, false, false, false, false, false); hits++) {
          const root = selection.anchorNode?.getRootNode();
          if (root instanceof ShadowRoot && root.host === host) return root;
        }
        return `"${needle}" ${notRendered} ${selector} (or this Firefox retargets the selection now)`;
      } finally {
        selection.removeAllRanges();
        for (const range of saved) selection.addRange(range);
        scrollTo(x, y);
      }
    },
    hostSelector,
    text,
    NOT_RENDERED,
  )) as JSHandle<ShadowRoot | string>;
  const failure = await handle.evaluate((value) => (typeof value === 'string' ? value : null));
  if (failure !== null) {
    await handle.dispose();
    throw new Error(failure);
  }
  return handle as unknown as ElementHandle<ShadowRoot>;
}
