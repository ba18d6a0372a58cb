import type { Entity } from '../core/dataset-types';
import { compileMatcher } from '../core/match-mentions';
import { pageReferenceDate } from '../core/parse-page-date';
import type { Settings } from '../core/settings';
import { t } from '../shared/i18n';
import { sendToBackground } from '../shared/messages';
import { CardHost } from './card-host';
import { findPageDate } from './find-page-date';
import { HighlightRegistry } from './highlight-registry';
import { startHoverIntent } from './hover-intent';
import { reportError } from './report-error';
import { scanPage } from './scan-page';
import { WATCH_DELAY_MS, watchPage } from './watch-page';

/** Grace time for the pointer to travel from the name into its card. */
export const CLOSE_GRACE_MS = 300;

/** A running Backstory in one document: what the popup and the keyboard act on. */
export interface Run {
  readonly registry: HighlightRegistry;
  readonly card: CardHost;
}

/**
 * Runs Backstory in this document until `signal` aborts: scan, then follow the page's changes;
 * highlights, cards on hover, and the count for the toolbar badge. Aborting removes every
 * highlight, listener, observer and element.
 */
export function startBackstory(
  entities: readonly Pick<Entity, 'id' | 'aliases'>[],
  settings: Pick<Settings, 'hoverDelayMs' | 'highlightStyle'>,
  reportCount: (count: number) => void,
  signal: AbortSignal,
): Run {
  const match = compileMatcher(entities);
  const registry = new HighlightRegistry();
  // Read when the first card is wanted, not on every page load: most pages never show a card.
  let pageDate: { date?: string } | undefined;
  const loadModel = async (entityId: string) => {
    pageDate ??= { ...pageReferenceDate(findPageDate(document, location.href, new Date())) };
    const date = pageDate.date;
    return (await sendToBackground('cardModel', { entityId, ...(date && { pageDate: date }) })) ?? undefined;
  };
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
  card.setHighlightStyle(settings.highlightStyle);
  startHoverIntent({ registry, card, openDelayMs: settings.hoverDelayMs, closeGraceMs: CLOSE_GRACE_MS, signal });

  const watch = watchPage({
    ownHost: () => card.element,
    delayMs: WATCH_DELAY_MS,
    signal,
    onChanges: ({ added, edited, removed }) => {
      const stale = removed || edited.length > 0 ? registry.prune() : [];
      void scan([...added, ...edited, ...stale]);
    },
  });
  let passes = Promise.resolve();
  /** Scan passes run one after another, each reporting the count for the badge. */
  const scan = (roots: Node[]): Promise<void> =>
    (passes = passes
      .then(async () => {
        if (signal.aborted) return;
        await scanPage(roots, { match, registry, ownHost: card.element ?? null, onShadowRoot: watch, signal });
        if (!signal.aborted) reportCount(registry.size);
      })
      .catch(reportError));

  watch(document);
  void scan([document.body ?? document.documentElement]);
  return { registry, card };
}
