/** Background composition root: the toolbar badge, the keyboard command, and the dataset the cards come from. */
import dataset from 'backstory:dataset';
import { cardModel } from '../core/card-model';
import { handleMessages, type ContentToBackground, type PopupToBackground } from '../shared/messages';
import { startBadge } from './badge';
import { startCommands } from './commands';
import { startFirstRun } from './first-run';
import { openReport } from './open-report';
import { openTimeline } from './open-timeline';

const signal = new AbortController().signal;
const badge = startBadge(signal);

handleMessages<ContentToBackground>(
  {
    mentionCount: (report, sender) => badge.report(sender, report),
    frameGone: ({ timeOrigin }, sender) => badge.gone(sender, timeOrigin),
    cardModel: ({ entityId, pageDate }) => cardModel(dataset, entityId, pageDate) ?? null,
    openTimeline: ({ entityId }) => openTimeline(entityId),
    openReport: (context) => openReport(context),
  },
  signal,
);
handleMessages<PopupToBackground>({ tabFrames: ({ tabId }) => badge.frames(tabId) }, signal);
startCommands(signal);
startFirstRun(signal);
