import { POPUP_TO_CONTENT } from '../shared/message-checks';
import { handleMessages } from '../shared/handle-messages';
import type { PopupToContent } from '../shared/messages';
import type { PageMention } from './highlight/highlight-registry';
import { pageSummary } from './highlight/page-summary';
import { revealMention, revealNextMention } from './highlight/reveal-mention';
import { loadPageDates } from './page-date/load-page-dates';
import type { Run } from './start-backstory';
import { tabSite } from './tab-site';

/** Where the engine stands in this document when a question arrives. */
export interface PopupState {
  /** Whether Backstory is paused on this site. */
  readonly paused: boolean;
  /** The run going, if one is (none while paused). */
  readonly run: Run | undefined;
}

/**
 * Answers the popup (the page's mentions; go to one of them) and the keyboard command (go to the
 * next mention) for this document until `signal` aborts, from `state` as it is at each question
 * (give it getters). The keyboard's place in the page is kept across runs (a pause and a resume).
 */
export function answerPopup(state: PopupState, signal: AbortSignal): void {
  /** The mention the keyboard command showed last. */
  let lastShown: PageMention | undefined;
  handleMessages<PopupToContent>(
    {
      pageSummary: async () => ({
        site: tabSite(),
        paused: state.paused,
        pageDate: (await loadPageDates()).findPageDate(document, location.href, new Date()),
        mentions: state.run ? await pageSummary(state.run.registry) : [],
        capped: state.run?.registry.capped ?? 0,
      }),
      revealMention: ({ mentionId }) =>
        state.run ? revealMention(state.run.registry, state.run.card, mentionId) : false,
      nextMention: () => {
        const run = state.run;
        if (!run) return false;
        lastShown = revealNextMention(run.registry, run.card, lastShown);
        return lastShown !== undefined;
      },
    },
    POPUP_TO_CONTENT,
    signal,
  );
}
