/**
 * The run-time checks of each direction of `messages.ts`: who may send, and for each message the
 * params it may carry, rebuilt. A new message does not compile until it has its check here.
 */
import type { ContentToBackground, MessageChecks, PopupToBackground, PopupToContent } from './messages';
import { ON_DEMAND_FILES } from './on-demand-files';
import {
  entityId,
  fromContentScript,
  fromExtensionPage,
  integer,
  isoDate,
  noParams,
  oneOf,
  record,
  text,
  timeOrigin,
} from './validate-message';

/** More mentions than any page holds; the badge shows "999+" above 999. */
const MAX_COUNT = 10_000_000;

/** A report's name, sentence or address: longer text is refused, not cut (the card sends less). */
const MAX_REPORT_TEXT = 8_000;

export const CONTENT_TO_BACKGROUND: MessageChecks<ContentToBackground> = {
  sender: fromContentScript,
  params: {
    mentionCount: (params) => {
      const p = record(params);
      return { count: integer(p.count, 'count', 0, MAX_COUNT), timeOrigin: timeOrigin(p.timeOrigin) };
    },
    frameGone: (params) => ({ timeOrigin: timeOrigin(record(params).timeOrigin) }),
    cardModel: (params) => {
      const p = record(params);
      return {
        entityId: entityId(p.entityId),
        ...(p.pageDate !== undefined && { pageDate: isoDate(p.pageDate, 'pageDate') }),
      };
    },
    openTimeline: (params) => ({ entityId: entityId(record(params).entityId) }),
    openReport: (params) => {
      const p = record(params);
      return {
        ...(p.entityId !== undefined && { entityId: entityId(p.entityId) }),
        ...(p.name !== undefined && { name: text(p.name, 'name', MAX_REPORT_TEXT) }),
        ...(p.sentence !== undefined && { sentence: text(p.sentence, 'sentence', MAX_REPORT_TEXT) }),
        ...(p.pageUrl !== undefined && { pageUrl: text(p.pageUrl, 'pageUrl', MAX_REPORT_TEXT) }),
      };
    },
    injectModule: (params) => ({ file: oneOf(record(params).file, 'file', ON_DEMAND_FILES) }),
  },
};

export const POPUP_TO_BACKGROUND: MessageChecks<PopupToBackground> = {
  sender: fromExtensionPage,
  params: {
    tabFrames: (params) => ({ tabId: integer(record(params).tabId, 'tabId', 0, Number.MAX_SAFE_INTEGER) }),
  },
};

/** What a content script accepts: messages from the popup or the background, never from a tab. */
export const POPUP_TO_CONTENT: MessageChecks<PopupToContent> = {
  sender: fromExtensionPage,
  params: {
    pageSummary: noParams,
    revealMention: (params) => ({
      mentionId: integer(record(params).mentionId, 'mentionId', 1, Number.MAX_SAFE_INTEGER),
    }),
    nextMention: noParams,
  },
};
