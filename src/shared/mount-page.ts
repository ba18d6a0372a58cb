/**
 * How each of Backstory's pages starts (the popup and its timeline tab, the options, the first-run
 * and the report pages): the document in the reader's language with its title, then the page's
 * app in its `#app`.
 */
import type { Settings } from '../core/settings';
import { t } from './i18n';
import { loadSettings, onSettingsChanged } from './settings-store';

/** Sets the page's language and title, then calls `start` with its `#app` (if the page has one). */
export function mountPage(title: string, start: (root: HTMLElement) => void | Promise<void>): void {
  document.documentElement.lang = t('uiLocale');
  document.title = title;
  const root = document.getElementById('app');
  if (root) void start(root);
}

/** Calls `show` with the stored settings, then again on each change (from this page, another window or the popup). */
export async function showSettings(show: (settings: Settings) => void): Promise<void> {
  show(await loadSettings());
  onSettingsChanged(show, new AbortController().signal);
}
