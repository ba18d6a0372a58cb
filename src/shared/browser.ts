/**
 * The one module that imports webextension-polyfill: every other module reaches the browser
 * through here, so tests can replace this seam with a mock.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
