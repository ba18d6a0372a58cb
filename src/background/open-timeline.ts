import type { EntityId } from '../core/dataset-types';
import { browser, type Runtime } from '../shared/browser';
import { TabRateLimit } from './tab-rate-limit';

/** One timeline tab per tab and second at most: a reader never clicks faster, a page's loop would. */
export const TIMELINE_INTERVAL_MS = 1_000;

/**
 * Opens the popup's page in a tab, as the full timeline filtered to one entity (no permission
 * needed), beside the tab it was asked from. Only a content script asks, for its own tab: a
 * message with no tab, for an unknown entity or too soon after the last is refused.
 */
export function startTimelineOpener(
  knownEntity: (id: EntityId) => boolean,
  signal: AbortSignal,
): (params: { entityId: EntityId }, sender: Runtime.MessageSender) => Promise<undefined> {
  const limit = new TabRateLimit(TIMELINE_INTERVAL_MS);
  const forget = (tabId: number) => limit.forget(tabId);
  browser.tabs.onRemoved.addListener(forget);
  signal.addEventListener('abort', () => browser.tabs.onRemoved.removeListener(forget), { once: true });
  return async ({ entityId }, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined || typeof entityId !== 'string' || !knownEntity(entityId)) return undefined;
    if (!limit.allow(tab.id, Date.now())) return undefined;
    const url = browser.runtime.getURL(`popup.html?view=timeline&entity=${encodeURIComponent(entityId)}`);
    await browser.tabs.create({ url, openerTabId: tab.id, ...(tab.index >= 0 && { index: tab.index + 1 }) });
    return undefined;
  };
}
