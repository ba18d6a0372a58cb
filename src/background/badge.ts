import type { Settings } from '../core/settings';
import { browser, type Runtime } from '../shared/browser';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { frameIds, tabTotal, type FrameReport } from './frame-counts';
import { TabCounts } from './tab-counts';

const BADGE_COLOR = '#3b3b98';

/** The badge, and the frames of each tab the popup asks for their mentions. */
export interface Badge {
  /** A frame's mention count, as its content script reports it. */
  report(sender: Runtime.MessageSender, report: FrameReport): Promise<undefined>;
  /** A frame's document went away (pagehide): its mentions no longer count. */
  gone(sender: Runtime.MessageSender, timeOrigin: number): Promise<undefined>;
  /** The frames of a tab that reported, the top document first. */
  frames(tabId: number): Promise<number[]>;
}

/**
 * The toolbar badge: each tab's mention count, summed over its frames (the top document, its
 * iframes, their srcdoc and about:blank frames), as they report it. The background keeps the
 * counts and the badge setting itself, so turning the badge off or on applies to every tab at
 * once, in order, without waiting for the pages to report again.
 */
export function startBadge(signal: AbortSignal): Badge {
  const counts = new TabCounts();
  let settings: Promise<Pick<Settings, 'showBadge'>> = loadSettings();

  let shown = Promise.resolve();
  /** Badge updates run one after another, each with the counts as they are when it runs. */
  const show = (tabId: number): Promise<void> => (shown = shown.then(() => showNow(tabId)));
  const showNow = async (tabId: number): Promise<void> => {
    const count = tabTotal(await counts.frames(tabId));
    const text = (await settings).showBadge ? badgeText(count) : '';
    try {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      await browser.action.setBadgeText({ tabId, text });
    } catch {
      await counts.forget(tabId); // the tab has closed
    }
  };

  const showAll = async (): Promise<void> => {
    for (const tabId of await counts.tabIds()) void show(tabId);
  };
  onSettingsChanged((next) => {
    settings = Promise.resolve(next);
    void showAll();
  }, signal);
  const onRemoved = (tabId: number) => void counts.forget(tabId);
  browser.tabs.onRemoved.addListener(onRemoved);
  signal.addEventListener('abort', () => browser.tabs.onRemoved.removeListener(onRemoved), { once: true });

  /** Applies a change to the sender's tab, then shows the tab's new total. */
  const update = async (
    sender: Runtime.MessageSender,
    change: (tabId: number, frameId: number) => Promise<unknown>,
  ) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return undefined;
    await change(tabId, sender.frameId);
    await show(tabId);
    return undefined;
  };

  return {
    report: (sender, report) => update(sender, (tabId, frameId) => counts.report(tabId, frameId, report)),
    gone: (sender, timeOrigin) => update(sender, (tabId, frameId) => counts.gone(tabId, frameId, timeOrigin)),
    async frames(tabId) {
      return frameIds(await counts.frames(tabId));
    },
  };
}

/** The badge's text for a count: empty where a page has no mention. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
