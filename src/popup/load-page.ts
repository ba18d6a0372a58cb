import type { PageDate } from '../core/parse-page-date';
import { browser } from '../shared/browser';
import { sendToBackground, sendToTab, type PopupToContent } from '../shared/messages';
import type { FrameMentions } from './tab-summary';

type Summary = PopupToContent['pageSummary']['result'];

/** What the popup knows of the active tab. */
export type PageState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'ready';
      readonly tabId: number;
      /** The top document's: the site, whether Backstory is paused there, the page's date. */
      readonly site: string;
      readonly paused: boolean;
      readonly pageDate: PageDate;
      /** Each frame's mentions, the top document's first. */
      readonly frames: readonly FrameMentions[];
      /** Mentions left out by the paint budget, in every frame. */
      readonly capped: number;
    }
  | { readonly kind: 'unavailable' };

/** How long the popup waits for a frame's summary, and for the top document's (which says where it is). */
const FRAME_WAIT_MS = 1_500;
const TOP_WAIT_MS = 5_000;

function withinTime<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/**
 * Asks every frame of the active tab for its mentions (the background knows which frames run
 * Backstory, from their counts) and puts the answers together. A frame that does not answer (gone
 * meanwhile) is left out; a top document that does not answer means Backstory cannot run there
 * (a browser page, an extension store, the PDF viewer).
 */
export async function loadPage(): Promise<PageState> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const tabId = tab?.id;
    if (tabId === undefined) return { kind: 'unavailable' };
    const known = await sendToBackground('tabFrames', { tabId }).catch(() => []);
    const frameIds = [0, ...known.filter((id) => id !== 0)];
    // A frame answers within its own time limit (see content/highlight/page-summary); one that does not (a
    // page busy with itself) is left out after this, so the popup shows what it has.
    const answers = await Promise.allSettled(
      frameIds.map((id) => withinTime(sendToTab(tabId, 'pageSummary', {}, id), id === 0 ? TOP_WAIT_MS : FRAME_WAIT_MS)),
    );
    const top = answers[0];
    if (top?.status !== 'fulfilled') return { kind: 'unavailable' };
    const summaries = answers.map((answer, i) => ({
      frameId: frameIds[i] ?? 0,
      summary: answer.status === 'fulfilled' ? answer.value : undefined,
    }));
    const answered = summaries.filter((s): s is { frameId: number; summary: Summary } => s.summary !== undefined);
    const { site, paused, pageDate } = top.value;
    return {
      kind: 'ready',
      tabId,
      site,
      paused,
      pageDate,
      frames: answered.map(({ frameId, summary }) => ({ frameId, mentions: summary.mentions })),
      capped: answered.reduce((sum, { summary }) => sum + summary.capped, 0),
    };
  } catch {
    return { kind: 'unavailable' };
  }
}
