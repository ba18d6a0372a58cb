import type { MatchingEntity } from '../core/dataset-types';
import { isHighlighted, isMuted, isPaused, type Settings } from '../core/settings';
import { POPUP_TO_CONTENT } from '../shared/message-checks';
import { handleMessages, type PopupToContent } from '../shared/messages';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { loadPageDates } from './page-date/load-page-dates';
import { pageSummary } from './highlight/page-summary';
import { startCountReports } from './report-count';
import type { PageMention } from './highlight/highlight-registry';
import { revealMention, revealNextMention } from './highlight/reveal-mention';
import { startBackstory, type Run } from './start-backstory';
import { tabSite } from './tab-site';
import { watchOrphaning } from './watch/watch-orphaning';

/**
 * Runs Backstory as the settings say, and again whenever they change: a paused site gets nothing
 * (every highlight, listener and element goes at once), a resumed one everything back, without a
 * reload. Answers the popup whether or not a run is going.
 */
export async function followSettings(
  entities: readonly MatchingEntity[],
  outer: AbortSignal,
  /** The settings as the caller just read them (the sentinel), so they are not read again. */
  initial?: Settings,
): Promise<void> {
  // Everything stops with `outer`, or once the extension is gone from under this page.
  const lifetime = new AbortController();
  const signal = lifetime.signal;
  outer.addEventListener('abort', () => lifetime.abort(), { once: true, signal });
  const orphaned = watchOrphaning(() => lifetime.abort(), signal);
  let run: (Run & { stop: AbortController }) | undefined;
  let paused = false;
  /** The mention the keyboard command showed last. */
  let lastShown: PageMention | undefined;
  const report = startCountReports(signal);
  const reportCount = (count: number) => {
    if (!orphaned()) report(count);
  };

  const apply = (settings: Settings): void => {
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
    // An entity the reader said this site is not about ("Not about this company here") is left out.
    const highlighted = entities.filter(
      (entity) => isHighlighted(settings, entity) && !isMuted(settings, tabSite(), entity.id),
    );
    run = { stop, ...startBackstory(highlighted, settings, reportCount, stop.signal) };
  };

  handleMessages<PopupToContent>(
    {
      pageSummary: async () => ({
        site: tabSite(),
        paused,
        pageDate: (await loadPageDates()).findPageDate(document, location.href, new Date()),
        mentions: run ? await pageSummary(run.registry) : [],
        capped: run?.registry.capped ?? 0,
      }),
      revealMention: ({ mentionId }) => (run ? revealMention(run.registry, run.card, mentionId) : false),
      nextMention: () => {
        if (!run) return false;
        lastShown = revealNextMention(run.registry, run.card, lastShown);
        return lastShown !== undefined;
      },
    },
    POPUP_TO_CONTENT,
    signal,
  );
  onSettingsChanged(apply, signal);
  apply(initial ?? (await loadSettings()));
}
