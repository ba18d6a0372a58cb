import entities from 'backstory:sentinel';
import type { SentinelEntity } from '../../core/candidate-pattern';
import { highlightedOn, isPaused, type Settings } from '../../core/settings';
import { extensionApi } from '../../shared/extension-api';
import { loadSettings, onSettingsChanged } from '../../shared/settings-store';
import { onDemand } from '../on-demand/load';
import { logError } from '../log-error';
import { yieldToPage } from '../scan/yield-to-page';
import { tabSite } from '../tab-site';
import { setSentinelState } from './sentinel-state';
import { settingsFirst } from './settings-first';
import { watchForCandidates, type Candidates } from './watch-candidates';

const loadEngine = onDemand('engine.js');

/** The entities on by default: what the sentinel looks for until it has read the settings. */
const BY_DEFAULT = entities.filter((entity) => entity.highlightByDefault);

const patternOf = (shown: readonly SentinelEntity[]) =>
  new RegExp(shown.map((entity) => entity.pattern).join('|'), 'u');

/** Whether every entity of `some` is one of `all`. */
const within = (some: readonly SentinelEntity[], all: readonly SentinelEntity[]) =>
  some.every((entity) => all.includes(entity));

/** The entities the settings highlight on this page's site: none on a paused one. */
function shownBy(settings: Settings): SentinelEntity[] {
  const site = tabSite();
  return isPaused(settings, site) ? [] : highlightedOn(settings, site, entities);
}

/**
 * What every frame of every page runs (content.js): it watches the page for text that may hold a
 * name of the entities on by default, and reads the settings only once it finds one (or first of
 * all, where they turn on an entity off by default: sentinel/settings-first.ts); then, if the
 * settings highlight that name here, it loads the engine (engine.js) and hands it the page and
 * the settings. Until then the page holds no trace of Backstory, and the sentinel neither listens
 * nor speaks to the rest of the extension (its messaging costs every page the creation of its
 * bindings): the popup reads a page with no name by itself (popup/load-page.ts).
 */
export async function startSentinel(signal: AbortSignal): Promise<void> {
  /** Everything the sentinel itself listens to, until the engine takes over. */
  const own = new AbortController();
  signal.addEventListener('abort', () => own.abort(), { once: true });
  let search: AbortController | undefined;
  // Stopped, woken or gone, it reads the page no more.
  own.signal.addEventListener('abort', () => search?.abort(), { once: true });
  /** The entities searched for now. */
  let searched: readonly SentinelEntity[] = [];
  let settings: Settings | undefined;
  let reading: Promise<Settings> | undefined;

  /** Searches the page (again) for the names of `shown`. */
  const watch = (shown: readonly SentinelEntity[]): void => {
    search?.abort();
    search = undefined;
    searched = shown;
    if (own.signal.aborted) return;
    if (shown.length === 0) return setSentinelState('quiet');
    search = new AbortController();
    const searching = search.signal;
    watchForCandidates(patternOf(shown), (found) => void onFound(searching, found).catch(logError), searching);
  };

  /** Reads the settings once, and from then on follows them: a change of the entities shown searches the page again. */
  const followSettings = (): Promise<Settings> =>
    (reading ??= loadSettings().then((read) => {
      settings = read;
      if (own.signal.aborted) return read;
      onSettingsChanged((next) => {
        settings = next;
        const shown = shownBy(next);
        // A change that highlights the same entities here (a hover delay, another site paused)
        // changes nothing the search looks for: the page is not read again.
        if (shown.length !== searched.length || !within(shown, searched)) watch(shown);
      }, own.signal);
      return read;
    }));

  /** A candidate: the settings decide whether the engine takes over, or the search goes on for less (or more). */
  const onFound = async (searching: AbortSignal, found: Candidates): Promise<void> => {
    // The extension was disabled or removed under this page: its API is gone, nothing more to do.
    if (extensionApi().runtime?.id === undefined) return own.abort();
    const shown = shownBy(settings ?? (await followSettings()));
    if (searching.aborted) return;
    // Paused here, or nothing highlighted: nothing to look for. More than was searched: search again.
    if (shown.length === 0 || !within(shown, searched)) return watch(shown);
    // Less: the texts found may hold none of the names highlighted here; then the search goes on for those.
    if (shown.length < searched.length) {
      searched = shown;
      if (!found.narrow(patternOf(shown))) return;
    }
    await wake(searching, found.takeOver);
  };

  /**
   * The engine takes over, from the settings as they are now, and with what the search read
   * unless the settings changed meanwhile (then another search began, and the engine reads the
   * whole page).
   */
  const wake = async (searching: AbortSignal, takeOver: Candidates['takeOver']): Promise<void> => {
    try {
      setSentinelState('woken');
      const engine = await loadEngine();
      // The engine's evaluation and its first pass in tasks of their own: no long stretch.
      await yieldToPage();
      if (own.signal.aborted || settings === undefined) return;
      const handoff = searching.aborted ? undefined : takeOver();
      own.abort();
      engine.start(settings, signal, handoff);
    } finally {
      // Whatever happened, the sentinel watches the page no more.
      own.abort();
    }
  };

  // Asked once the page is being read (the reader just turned such an entity on): the settings
  // are read now and the page searched again, unless they are followed already.
  const first = settingsFirst(() => {
    if (reading === undefined) void followSettings().then((read) => watch(shownBy(read)), logError);
  }, own.signal);
  watch(first ? shownBy(await followSettings()) : BY_DEFAULT);
}
