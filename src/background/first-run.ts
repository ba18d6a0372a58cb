import { browser, type Runtime } from '../shared/browser';
import { assignSuggestedShortcut } from '../shared/commands';

/**
 * On install (never on an update or a browser update): assigns the keyboard shortcut where the
 * browser left it unset and lets us, then opens the first-run page once.
 */
export function startFirstRun(signal: AbortSignal): void {
  const onInstalled = (details: Runtime.OnInstalledDetailsType): void => void welcomeOnInstall(details);
  browser.runtime.onInstalled.addListener(onInstalled);
  signal.addEventListener('abort', () => browser.runtime.onInstalled.removeListener(onInstalled), { once: true });
}

/** What `startFirstRun` does on each `runtime.onInstalled`, done when the page has opened. */
export async function welcomeOnInstall({ reason }: Runtime.OnInstalledDetailsType): Promise<void> {
  if (reason !== 'install') return;
  await assignSuggestedShortcut().catch((error: unknown) => console.warn('Backstory: no shortcut assigned:', error));
  await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
}
