import entities from 'backstory:sentinel';
import { isHighlighted, isMuted, isPaused, type Settings } from '../../core/settings';
import { extensionApi } from '../../shared/extension-api';
import { loadSettings, onSettingsChanged } from '../../shared/settings-store';
import { onDemand } from '../on-demand/load';
import { logError } from '../log-error';
import type { PageHandoff } from '../page-handoff';
import { yieldToPage } from '../scan/yield-to-page';
import { tabSite } from '../tab-site';
import { setSentinelState } from './sentinel-state';
import { watchForCandidates } from './watch-candidates';

const loadEngine = onDemand('engine.js');

/**
 * What every frame of every page runs (content.js): it reads the settings, and watches the page
 * for text that may hold a name of the entities highlighted here; only then does it load the
 * engine (engine.js) and hand it the page and the settings. Until then the page holds no trace of
 * Backstory, and the sentinel neither listens nor speaks to the rest of the extension (its
 * messaging costs every page the creation of its bindings): the popup reads a page with no name
 * by itself (popup/load-page.ts).
 */
export async function startSentinel(signal: AbortSignal): Promise<void> {
  /** Everything the sentinel itself listens to, until the engine takes over. */
  const own = new AbortController();
  signal.addEventListener('abort', () => own.abort(), { once: true });
  let search: AbortController | undefined;
  // Stopped, woken or gone, it reads the page no more.
  own.signal.addEventListener('abort', () => search?.abort(), { once: true });
  let settings = await loadSettings();

  const apply = (next: Settings): void => {
    settings = next;
    search?.abort();
    search = undefined;
    if (own.signal.aborted) return;
    const site = tabSite();
    const shown = isPaused(settings, site)
      ? []
      : entities.filter((entity) => isHighlighted(next, entity) && !isMuted(next, site, entity.id));
    if (shown.length === 0) return setSentinelState('quiet');
    search = new AbortController();
    const pattern = new RegExp(shown.map((entity) => entity.pattern).join('|'), 'u');
    const searching = search.signal;
    watchForCandidates(pattern, (takeOver) => void wake(searching, takeOver).catch(logError), searching);
  };

  /**
   * A candidate: the engine takes over, from the settings as they are now, and with what the
   * search read unless the settings changed meanwhile (then another search began, and the engine
   * reads the whole page).
   */
  const wake = async (searching: AbortSignal, takeOver: () => PageHandoff): Promise<void> => {
    try {
      // The extension was disabled or removed under this page: nothing more to do.
      if (extensionApi().runtime?.id === undefined) return;
      setSentinelState('woken');
      const engine = await loadEngine();
      // The engine's evaluation and its first pass in tasks of their own: no long stretch.
      await yieldToPage();
      if (own.signal.aborted) return;
      const handoff = searching.aborted ? undefined : takeOver();
      own.abort();
      engine.start(settings, signal, handoff);
    } finally {
      // Whatever happened, the sentinel watches the page no more.
      own.abort();
    }
  };

  onSettingsChanged(apply, own.signal);
  apply(settings);
}
