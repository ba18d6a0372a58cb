import { browser } from '../shared/browser';
import { withReport, withoutFrame, type FrameReport, type TabFrames } from './frame-counts';

const KEY = 'tabFrames';

/**
 * Each tab's frames and their counts, kept in `storage.session` as well as in memory: Chrome stops
 * an idle service worker (and Firefox an idle event page) within seconds, and a frame that reports
 * after that must not make the badge forget the others. Changes are applied one after another.
 */
export class TabCounts {
  readonly #tabs: Promise<Map<number, TabFrames>>;
  #writes: Promise<void> = Promise.resolve();

  constructor() {
    this.#tabs = browser.storage.session.get(KEY).then(
      (stored) => new Map(Object.entries((stored[KEY] ?? {}) as Record<string, TabFrames>).map(([k, v]) => [+k, v])),
      () => new Map(),
    );
  }

  /** Records a frame's count; resolves to the tab's frames afterwards. */
  report(tabId: number, frameId: number, report: FrameReport): Promise<TabFrames> {
    return this.#change(tabId, (frames) => withReport(frames, frameId, report));
  }

  /** Forgets a frame whose document went away (`timeOrigin` tells it from a newer one). */
  gone(tabId: number, frameId: number, timeOrigin: number): Promise<TabFrames> {
    return this.#change(tabId, (frames) => withoutFrame(frames, frameId, timeOrigin));
  }

  async frames(tabId: number): Promise<TabFrames> {
    return (await this.#tabs).get(tabId) ?? {};
  }

  async tabIds(): Promise<number[]> {
    return [...(await this.#tabs).keys()];
  }

  /** Forgets a closed tab. */
  async forget(tabId: number): Promise<void> {
    const tabs = await this.#tabs;
    if (tabs.delete(tabId)) this.#save(tabs);
  }

  /** Callbacks on one promise run in the order they were added: changes apply in arrival order. */
  #change(tabId: number, change: (frames: TabFrames) => TabFrames): Promise<TabFrames> {
    return this.#tabs.then((tabs) => {
      const before = tabs.get(tabId) ?? {};
      const after = change(before);
      if (after !== before) {
        tabs.set(tabId, after);
        this.#save(tabs);
      }
      return after;
    });
  }

  #save(tabs: Map<number, TabFrames>): void {
    const snapshot = Object.fromEntries(tabs);
    this.#writes = this.#writes.then(() => browser.storage.session.set({ [KEY]: snapshot })).catch(() => undefined);
  }
}
