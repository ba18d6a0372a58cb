import { cardModel } from '../core/card-model';
import type { Dataset } from '../core/dataset-types';
import { CONTENT_TO_BACKGROUND, POPUP_TO_BACKGROUND } from '../shared/message-checks';
import { handleMessages } from '../shared/handle-messages';
import type { ContentToBackground, PopupToBackground } from '../shared/messages';
import type { Badge } from './badge';
import { injectModule } from './inject-module';
import { openReport } from './open-report';
import { startTimelineOpener, TIMELINE_INTERVAL_MS } from './open-timeline';
import { TabRateLimit } from './tab-rate-limit';

/**
 * The background's answers: to content scripts (badge counts, card content, the timeline, the
 * on-demand modules a page refused) and to
 * the popup (a tab's frames), each direction checked at run time (shared/message-checks).
 */
export function answerMessages(dataset: Dataset, badge: Badge, signal: AbortSignal): void {
  const entityIds = new Set(dataset.entities.map((entity) => entity.id));
  const openTimeline = startTimelineOpener((id) => entityIds.has(id), signal);
  // Like the timeline, a report page opens for a content script's own tab, once a second at most.
  const reports = new TabRateLimit(TIMELINE_INTERVAL_MS);
  handleMessages<ContentToBackground>(
    {
      mentionCount: (report, sender) => badge.report(sender, report),
      frameGone: ({ timeOrigin }, sender) => badge.gone(sender, timeOrigin),
      cardModel: ({ entityId, pageDate }) => cardModel(dataset, entityId, pageDate) ?? null,
      openTimeline,
      openReport: (context, sender) =>
        sender.tab?.id !== undefined && reports.allow(sender.tab.id, Date.now()) ? openReport(context) : undefined,
      injectModule: ({ file }, sender) => injectModule(file, sender),
    },
    CONTENT_TO_BACKGROUND,
    signal,
  );
  handleMessages<PopupToBackground>({ tabFrames: ({ tabId }) => badge.frames(tabId) }, POPUP_TO_BACKGROUND, signal);
}
