import { browser, type Runtime } from '../shared/browser';

const BADGE_COLOR = '#3b3b98';

/** Shows a tab's mention count on the toolbar button, for the tab's top frame only. */
export async function showBadge(sender: Runtime.MessageSender, text: string): Promise<undefined> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setBadgeText({ tabId, text });
  return undefined;
}

/** The badge's text for a count: empty where a page has no mention. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
