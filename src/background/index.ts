/** Background composition root: the toolbar badge, and the dataset the cards are drawn from. */
import dataset from 'backstory:dataset';
import { cardModel } from '../core/card-model';
import { handleMessages, type ContentToBackground } from '../shared/messages';
import { badgeText, showBadge } from './badge';
import { openTimeline } from './open-timeline';

const signal = new AbortController().signal;

handleMessages<ContentToBackground>(
  {
    mentionCount: ({ count }, sender) => showBadge(sender, badgeText(count)),
    cardModel: ({ entityId }) => cardModel(dataset, entityId) ?? null,
    openTimeline: ({ entityId }) => openTimeline(entityId),
  },
  signal,
);
