/**
 * The one module that imports webextension-polyfill: every other module reaches the browser
 * through here, so tests can replace this seam with a mock.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';

/** The one synchronous call both browsers offer under the `chrome` name, typed here. */
declare const chrome: { readonly runtime: { getURL(path: string): string } };

/**
 * Runs one of the extension's own modules, a web-accessible resource, in the calling script's
 * world (a content script's isolated world, where the page cannot reach it). Written
 * with `chrome.runtime.getURL` as is, which both browsers have: the add-on linter accepts a
 * dynamic import only from an address made that way.
 */
export async function importExtensionModule(path: string): Promise<void> {
  await import(chrome.runtime.getURL(path));
}
