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

/** The card opens after the pointer has rested on a name this long. */
export const OPEN_DELAY_MS = 180;
/** Grace time for the pointer to travel from the name into its card. */
export const CLOSE_GRACE_MS = 300;

/**
 * Runs Backstory in this document until `signal` aborts: scan, highlight, cards on hover, and the
 * count for the toolbar badge. Aborting removes every highlight, listener and element.
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

  const root = document.body ?? document.documentElement;
  const result = await scanPage(root, { match, registry, ownHost: card.element ?? null, signal });
  if (!result || signal.aborted) return;
  sendToBackground('mentionCount', { count: registry.size }).catch(reportError);
}
