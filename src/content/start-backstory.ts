import type { Entity } from '../core/dataset-types';
import { compileMatcher } from '../core/match-mentions';
import { t } from '../shared/i18n';
import { handleMessages, sendToBackground, type PopupToContent } from '../shared/messages';
import { CardHost } from './card-host';
import { HighlightRegistry } from './highlight-registry';
import { startHoverIntent } from './hover-intent';
import { pageSummary } from './page-summary';
import { reportError } from './report-error';
import { revealMention } from './reveal-mention';
import { scanPage } from './scan-page';
import { WATCH_DELAY_MS, watchPage } from './watch-page';

/** The card opens after the pointer has rested on a name this long. */
export const OPEN_DELAY_MS = 180;
/** Grace time for the pointer to travel from the name into its card. */
export const CLOSE_GRACE_MS = 300;

/**
 * Runs Backstory in this document until `signal` aborts: scan, then follow the page's changes;
 * highlight, cards on hover, the popup's questions, and the count for the toolbar badge.
 * Aborting removes every highlight, listener, observer and element.
 */
export async function startBackstory(
  entities: readonly Pick<Entity, 'id' | 'aliases' | 'highlightByDefault'>[],
  signal: AbortSignal,
): Promise<void> {
  const match = compileMatcher(entities.filter((entity) => entity.highlightByDefault));
  const registry = new HighlightRegistry();
  const loadModel = async (entityId: string) => (await sendToBackground('cardModel', { entityId })) ?? undefined;
  const openTimeline = (entityId: string) => void sendToBackground('openTimeline', { entityId }).catch(reportError);
  const card = new CardHost(loadModel, openTimeline, t);
  signal.addEventListener(
    'abort',
    () => {
      registry.clear();
      card.destroy();
    },
    { once: true },
  );
  startHoverIntent({ registry, card, openDelayMs: OPEN_DELAY_MS, closeGraceMs: CLOSE_GRACE_MS, signal });
  handleMessages<PopupToContent>(
    {
      pageSummary: () => ({ mentions: pageSummary(registry) }),
      revealMention: ({ entityId, index }) => revealMention(registry, card, entityId, index),
    },
    signal,
  );

  const watch = watchPage({
    ownHost: () => card.element,
    delayMs: WATCH_DELAY_MS,
    signal,
    onChanges: ({ added, edited, removed }) => {
      const stale = removed || edited.length > 0 ? registry.prune() : [];
      void scan([...added, ...edited, ...stale]);
    },
  });
  let reported = -1;
  let passes = Promise.resolve();
  /** Scan passes run one after another, each reporting the new count when it changed. */
  const scan = (roots: Node[]): Promise<void> =>
    (passes = passes
      .then(async () => {
        if (signal.aborted) return;
        await scanPage(roots, { match, registry, ownHost: card.element ?? null, onShadowRoot: watch, signal });
        if (signal.aborted || registry.size === reported) return;
        reported = registry.size;
        await sendToBackground('mentionCount', { count: reported });
      })
      .catch(reportError));

  watch(document);
  await scan([document.body ?? document.documentElement]);
}
