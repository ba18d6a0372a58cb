import type { MatchingEntity } from '../core/dataset-types';
import { CandidateJudge } from '../core/judge-candidates';
import { matcherFrom } from '../core/match-mentions';
import type { Settings } from '../core/settings';
import { t } from '../shared/i18n';
import { askBackground } from '../shared/extension-api';
import { CURRENT_HIGHLIGHT } from '../shared/public-names';
import { CardContent } from './card/card-content';
import { cardFeedback } from './card/card-feedback';
import { CardHost } from './card/card-host';
import { loadPageDates } from './page-date/load-page-dates';
import { HighlightRegistry } from './highlight/highlight-registry';
import { startHoverIntent } from './card/hover-intent';
import { logError } from './log-error';
import type { PageHandoff } from './page-handoff';
import { scanPage } from './scan/scan-page';
import { scanQueue } from './scan/scan-queue';
import { renderedTextTest } from './scan/text-rendered';
import { shadowHighlightStyles } from './highlight/shadow-highlight-styles';
import { watchNavigation } from './watch/watch-navigation';
import { WATCH_DELAY_MS, watchPage } from './watch/watch-page';
import { watchUpgrades } from './watch/watch-upgrades';

/** Grace time for the pointer to travel from the name into its card. */
export const CLOSE_GRACE_MS = 300;

/** A running Backstory in one document: what the popup and the keyboard act on. */
export interface Run {
  readonly registry: HighlightRegistry;
  readonly card: CardHost;
}

/**
 * Runs Backstory in this document until `signal` aborts: scan (the page, or what the sentinel
 * found in it), then follow the page's changes;
 * highlights, cards on hover, and the count for the toolbar badge. Aborting removes every
 * highlight, listener, observer and element.
 */
export function startBackstory(
  entities: readonly Pick<MatchingEntity, 'id' | 'aliases' | 'context' | 'related'>[],
  settings: Pick<Settings, 'hoverDelayMs' | 'highlightStyle'>,
  reportCount: (count: number) => void,
  signal: AbortSignal,
  /** What the sentinel read of the page: then the first pass reads only that. */
  handoff?: PageHandoff,
): Run {
  const match = matcherFrom(entities);
  const judge = new CandidateJudge(entities);
  const registry = new HighlightRegistry({ renderedTest: renderedTextTest });
  /** The names of text shown or hidden since the last look (a menu opened) join the count or leave it. */
  const updateRendered = () => {
    if (registry.updateRendered() && !signal.aborted) reportCount(registry.size);
  };
  const content = new CardContent(
    async (entityId, pageDate) =>
      (await askBackground('cardModel', { entityId, ...(pageDate && { pageDate }) })) ?? undefined,
    async () => {
      const dates = await loadPageDates();
      return dates.pageReferenceDate(dates.findPageDate(document, location.href, new Date()))?.date;
    },
  );
  const openTimeline = (entityId: string) => void askBackground('openTimeline', { entityId }).catch(logError);
  const card = new CardHost({ content, openTimeline, t });
  card.setFeedback(cardFeedback);
  signal.addEventListener(
    'abort',
    () => {
      registry.clear();
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
      card.destroy();
    },
    { once: true },
  );
  card.setHighlightStyle(settings.highlightStyle);
  startHoverIntent({ registry, card, openDelayMs: settings.hoverDelayMs, closeGraceMs: CLOSE_GRACE_MS, signal });

  // A new page in a single-page app may have another date, so the cards are written again.
  const checkNavigation = watchNavigation(() => card.forgetModels(), signal);
  /** Text still in the page whose ranges were dropped as stale: read again in the next pass. */
  const rescan = new Set<Text>();
  const watch = watchPage({
    ownHost: () => card.element,
    delayMs: WATCH_DELAY_MS,
    signal,
    // Never a range on text that went away or changed, not even until the next pass.
    onStale: (edited, removed) => {
      for (const node of edited) registry.keepIntact(node);
      if (removed) for (const node of registry.prune()) rescan.add(node);
    },
    onChanges: ({ added, edited, removed }) => {
      checkNavigation();
      if (card.openHit && !card.openHit.mention.node.isConnected) card.close();
      // Only what is rendered changed: no text to read, the mentions known are looked at again.
      if (added.length === 0 && edited.length === 0 && !removed && rescan.size === 0) return updateRendered();
      scan([...added, ...edited, ...rescan]);
      rescan.clear();
    },
  });
  const shadowSheets = shadowHighlightStyles(
    entities.map((entity) => entity.id),
    signal,
  );
  const onShadowRoot = (root: ShadowRoot) => watch(root);
  const onUndefinedElement = watchUpgrades((elements) => scan(elements), signal);
  const scan = scanQueue(async (roots) => {
    const ownHost = card.element ?? null;
    await scanPage(roots, {
      match,
      judge,
      registry,
      ownHost,
      onShadowRoot,
      onUndefinedElement,
      onNamed: shadowSheets.named,
      signal,
    });
    shadowSheets.keepFor(registry.texts());
    registry.updateRendered();
    if (!signal.aborted) reportCount(registry.size);
  }, signal);

  watch(document);
  if (handoff) {
    for (const root of handoff.shadowRoots) onShadowRoot(root);
    for (const element of handoff.undefinedElements) onUndefinedElement(element);
    scan([...handoff.roots]);
  } else {
    scan([document.body ?? document.documentElement]);
  }
  return { registry, card };
}
