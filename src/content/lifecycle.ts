import type { MatchingEntity } from '../core/dataset-types';
import { highlightedOn, isPaused, type Settings } from '../core/settings';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { answerPopup } from './answer-popup';
import type { PageHandoff } from './page-handoff';
import { startCountReports } from './report-count';
import { startBackstory, type Run } from './start-backstory';
import { tabSite } from './tab-site';
import { watchOrphaning } from './watch/watch-orphaning';

/**
 * The engine's life in one document, from when the sentinel hands it the page: it starts a run
 * as the settings say, and again whenever they change; a paused site gets nothing (every
 * highlight, listener and element goes at once), a resumed one everything back, without a
 * reload; it all stops when `outer` aborts or once the extension is gone from under the page
 * (orphaned). The popup and the keyboard are answered throughout, whether or not a run is going.
 */
export async function startLifecycle(
  entities: readonly MatchingEntity[],
  outer: AbortSignal,
  /** The settings as the caller just read them (the sentinel), so they are not read again. */
  initial?: Settings,
  /** What the sentinel read of the page under those settings: the first run starts from it. */
  handoff?: PageHandoff,
): Promise<void> {
  // Everything stops with `outer`, or once the extension is gone from under this page.
  const lifetime = new AbortController();
  const signal = lifetime.signal;
  outer.addEventListener('abort', () => lifetime.abort(), { once: true, signal });
  const orphaned = watchOrphaning(() => lifetime.abort(), signal);
  let run: (Run & { stop: AbortController }) | undefined;
  let paused = false;
  const report = startCountReports(signal);
  const reportCount = (count: number) => {
    if (!orphaned()) report(count);
  };

  /** The sentinel's reading holds for the first run only: later ones read the whole page. */
  let firstRead = handoff;
  const apply = (settings: Settings): void => {
    const from = firstRead;
    firstRead = undefined;
    run?.stop.abort();
    run = undefined;
    paused = isPaused(settings, tabSite());
    if (signal.aborted) return;
    if (paused) {
      reportCount(0);
      return;
    }
    const stop = new AbortController();
    signal.addEventListener('abort', () => stop.abort(), { once: true, signal: stop.signal });
    const highlighted = highlightedOn(settings, tabSite(), entities);
    run = { stop, ...startBackstory(highlighted, settings, reportCount, stop.signal, from) };
  };

  answerPopup(
    {
      get paused() {
        return paused;
      },
      get run() {
        return run;
      },
    },
    signal,
  );
  onSettingsChanged(apply, signal);
  apply(initial ?? (await loadSettings()));
}
