import type { PageDate } from '../core/parse-page-date';
import { isPaused } from '../core/settings';
import { browser } from '../shared/browser';
import { sendToBackground, sendToTab, type PopupToContent } from '../shared/messages';
import { ON_DEMAND_REGISTRY } from '../shared/on-demand-files';
import { loadSettings } from '../shared/settings-store';
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
    const top =
      answers[0]?.status === 'fulfilled' ? answers[0].value : await summaryByScript(tabId).catch(() => undefined);
    if (!top) return { kind: 'unavailable' };
    const summaries = answers.map((answer, i) => ({
      frameId: frameIds[i] ?? 0,
      summary: i === 0 ? top : answer.status === 'fulfilled' ? answer.value : undefined,
    }));
    const answered = summaries.filter((s): s is { frameId: number; summary: Summary } => s.summary !== undefined);
    const { site, paused, pageDate } = top;
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

/**
 * The top document's summary where no content script answers: a page with no name, whose sentinel
 * does not listen (the extension's messaging would cost every page), or a tab opened before
 * Backstory was installed. page-date.js reads the page's date in the content scripts' world of
 * the top document; where the browser refuses to run it (its own pages, a store), Backstory cannot
 * run there and this fails.
 */
async function summaryByScript(tabId: number): Promise<Summary> {
  const target = { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: ['page-date.js'] });
  const [injection] = await browser.scripting.executeScript({
    target,
    func: readTopDocument,
    args: [ON_DEMAND_REGISTRY],
  });
  const read = injection?.result as ReturnType<typeof readTopDocument> | undefined;
  if (!read) throw new Error('The page could not be read');
  return {
    site: read.site,
    paused: isPaused(await loadSettings(), read.site),
    pageDate: read.pageDate,
    mentions: [],
    capped: 0,
  };
}

/** Runs in the page, in the content scripts' world, on its own (it is sent as its source). */
function readTopDocument(registry: string): { site: string; pageDate: PageDate } {
  const world = globalThis as unknown as Record<
    string,
    { 'page-date.js'?: { findPageDate(doc: Document, url: string, now: Date): PageDate } } | undefined
  >;
  const dates = world[registry]?.['page-date.js'];
  return { site: location.hostname, pageDate: dates ? dates.findPageDate(document, location.href, new Date()) : {} };
}
