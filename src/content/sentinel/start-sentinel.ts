import entities from 'backstory:sentinel';
import { isHighlighted, isMuted, isPaused, readSettings, type Settings } from '../../core/settings';
import { askBackground, answerMessages, extensionApi } from '../../shared/extension-api';
import { POPUP_TO_CONTENT } from '../../shared/message-checks';
import type { PopupToContent } from '../../shared/messages';
import { MessageError } from '../../shared/validate-message';
import { loadPageDates } from '../page-date/load-page-dates';
import { onDemand } from '../on-demand/load';
import { logError } from '../log-error';
import { tabSite } from '../tab-site';
import { setSentinelState } from './sentinel-state';
import { watchForCandidates } from './watch-candidates';

const SETTINGS_KEY = 'settings';
const loadEngine = onDemand('engine.js');

/**
 * What every frame of every page runs (content.js): it reads the settings, and watches the page
 * for text that may hold a name of the entities highlighted here; only then does it load the
 * engine (engine.js) and hand it the page, the settings and the popup's questions. Until then
 * the page holds no trace of Backstory, and the popup is told the page has no mention (with its
 * site, whether Backstory is paused there, and the page's date).
 */
export async function startSentinel(signal: AbortSignal): Promise<void> {
  const api = extensionApi();
  /** Everything the sentinel itself listens to, until the engine takes over. */
  const own = new AbortController();
  signal.addEventListener('abort', () => own.abort(), { once: true });
  let search: AbortController | undefined;
  let settings = await storedSettings();
  let paused = false;

  const apply = (next: Settings): void => {
    settings = next;
    search?.abort();
    search = undefined;
    paused = isPaused(settings, tabSite());
    if (own.signal.aborted) return;
    if (paused) return setSentinelState('quiet');
    const site = tabSite();
    const shown = entities.filter((entity) => isHighlighted(settings, entity) && !isMuted(settings, site, entity.id));
    if (shown.length === 0) return setSentinelState('quiet');
    search = new AbortController();
    const pattern = new RegExp(shown.map((entity) => entity.pattern).join('|'), 'u');
    watchForCandidates(pattern, () => void wake().catch(logError), search.signal);
  };

  /** A candidate: the engine takes over, from the settings as they are now. */
  const wake = async (): Promise<void> => {
    // The extension was disabled or removed under this page: nothing more to do.
    if (extensionApi().runtime?.id === undefined) {
      own.abort();
      return;
    }
    const engine = await loadEngine();
    if (own.signal.aborted) return;
    own.abort();
    engine.start(settings, signal);
  };

  answerMessages((message, sender) => answerPopup(message, sender, () => ({ site: tabSite(), paused })), own.signal);
  reportNoMention(own.signal);
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) apply(readSettings(changes[SETTINGS_KEY]?.newValue));
  };
  api.storage.onChanged.addListener(onChanged);
  own.signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged), { once: true });
  apply(settings);
}

async function storedSettings(): Promise<Settings> {
  try {
    return readSettings((await extensionApi().storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return readSettings(undefined);
  }
}

/**
 * The popup's questions to a frame without the engine: no mention here. The same checks as the
 * engine's answers (shared/message-checks.ts): a sender that may not ask is refused, with why.
 */
function answerPopup(
  message: unknown,
  sender: Parameters<typeof POPUP_TO_CONTENT.sender>[0],
  state: () => { site: string; paused: boolean },
): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, params } = message as { type?: unknown; params?: unknown };
  if (type !== 'pageSummary' && type !== 'revealMention' && type !== 'nextMention') return undefined;
  try {
    const refused = POPUP_TO_CONTENT.sender(sender);
    if (refused) throw new MessageError(refused);
    POPUP_TO_CONTENT.params[type](params);
  } catch (error) {
    return Promise.reject(new MessageError(`Backstory refused the message "${type}": ${(error as Error).message}`));
  }
  if (type !== 'pageSummary') return Promise.resolve(false);
  return (async (): Promise<PopupToContent['pageSummary']['result']> => ({
    ...state(),
    pageDate: (await loadPageDates()).findPageDate(document, location.href, new Date()),
    mentions: [],
    capped: 0,
  }))();
}

/**
 * The toolbar badge's part for this frame: no mention, so the popup knows the frame runs Backstory;
 * gone when the document hides, back if it returns from the back-forward cache.
 */
function reportNoMention(signal: AbortSignal): void {
  const timeOrigin = performance.timeOrigin;
  const report = () => askBackground('mentionCount', { count: 0, timeOrigin }).catch(logError);
  addEventListener('pagehide', () => void askBackground('frameGone', { timeOrigin }).catch(logError), { signal });
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) void report();
    },
    { signal },
  );
  void report();
}
