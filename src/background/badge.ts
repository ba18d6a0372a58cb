import type { Settings } from '../core/settings';
import { browser, type Runtime } from '../shared/browser';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';

const BADGE_COLOR = '#3b3b98';

/**
 * The toolbar badge: each tab's mention count, as its page reports it. The background keeps the
 * last count of each tab and the badge setting itself, so turning the badge off or on applies to
 * every tab at once, in order, without waiting for the pages to report again.
 */
export function startBadge(signal: AbortSignal): {
  report(sender: Runtime.MessageSender, count: number): Promise<undefined>;
} {
  const counts = new Map<number, number>();
  let settings: Promise<Pick<Settings, 'showBadge'>> = loadSettings();

  const show = async (tabId: number): Promise<void> => {
    const count = counts.get(tabId) ?? 0;
    const text = (await settings).showBadge ? badgeText(count) : '';
    try {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      await browser.action.setBadgeText({ tabId, text });
    } catch {
      counts.delete(tabId); // the tab has closed
    }
  };

  onSettingsChanged((next) => {
    settings = Promise.resolve(next);
    for (const tabId of counts.keys()) void show(tabId);
  }, signal);

  return {
    async report(sender, count) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return undefined;
      counts.set(tabId, count);
      await show(tabId);
      return undefined;
    },
  };
}

/** The badge's text for a count: empty where a page has no mention. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
