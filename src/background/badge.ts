import { browser } from '../shared/browser';
import { handleMessages, type ContentToBackground } from '../shared/messages';

/** Shows each tab's mention count on the toolbar button; empty where a page has none. */
export function startBadge(signal: AbortSignal): void {
  void browser.action.setBadgeBackgroundColor({ color: '#3b3b98' });
  handleMessages<ContentToBackground>(
    {
      async mentionCount({ count }, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.frameId !== 0) return;
        await browser.action.setBadgeText({ tabId, text: badgeText(count) });
      },
    },
    signal,
  );
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
