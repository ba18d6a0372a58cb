/** Background composition root: the toolbar badge, the keyboard command, and the dataset the cards come from. */
import dataset from 'backstory:dataset';
import { cardModel } from '../core/card-model';
import { handleMessages, type ContentToBackground, type PopupToBackground } from '../shared/messages';
import { startBadge } from './badge';
import { startCommands } from './commands';
import { startTimelineOpener } from './open-timeline';

const signal = new AbortController().signal;
const badge = startBadge(signal);
const entityIds = new Set(dataset.entities.map((entity) => entity.id));
const openTimeline = startTimelineOpener((id) => entityIds.has(id), signal);

handleMessages<ContentToBackground>(
  {
    mentionCount: (report, sender) => badge.report(sender, report),
    frameGone: ({ timeOrigin }, sender) => badge.gone(sender, timeOrigin),
    // Asked by content scripts only (they have a tab); anything else gets nothing.
    cardModel: ({ entityId, pageDate }, sender) =>
      sender.tab && typeof entityId === 'string' ? (cardModel(dataset, entityId, pageDate) ?? null) : null,
    openTimeline,
  },
  signal,
);
handleMessages<PopupToBackground>({ tabFrames: ({ tabId }) => badge.frames(tabId) }, signal);
startCommands(signal);
