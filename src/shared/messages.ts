/**
 * The typed message contract between contexts: one map per direction, each entry the params a
 * message takes and the result it answers with. `send*` here and `handleMessages`
 * (handle-messages.ts) are derived from the maps, so a message with a wrong payload does not compile.
 */
import type { CardModel } from '../core/card-model';
import type { EntityId, IsoDate } from '../core/dataset-types';
import type { PageDate } from '../core/parse-page-date';
import type { Snippet } from '../core/snippet';
import { browser, type Runtime } from './browser';
import type { OnDemandFile } from './on-demand-files';
import type { ParamsCheck, SenderRule } from './validate-message';
import type { ReportContext } from './report';

/** Messages a content script sends to the background. */
export interface ContentToBackground {
  /**
   * The number of mentions now highlighted in the sender's frame, for the toolbar badge (the sum
   * over a tab's frames). `timeOrigin`, the document's `performance.timeOrigin`, tells a frame's
   * new document from the one before it.
   */
  mentionCount: { params: { count: number; timeOrigin: number }; result: undefined };
  /** The sender's document is going away (pagehide): its mentions leave the tab's count. */
  frameGone: { params: { timeOrigin: number }; result: undefined };
  /** What the card of an entity shows; the dataset stays in the background, not in every page. */
  cardModel: { params: { entityId: EntityId; pageDate?: IsoDate }; result: CardModel | null };
  /** Opens the deal's full timeline in a tab, filtered to one entity. */
  openTimeline: { params: { entityId: EntityId }; result: undefined };
  /**
   * "Report a problem" from a card: opens the report page in a tab, prepared with the mention
   * (its entity, the name as highlighted, its sentence) and the page's address, which the report
   * includes only if the reader ticks the box. Nothing is sent anywhere.
   */
  openReport: { params: ReportContext; result: undefined };
  /**
   * Runs one of the on-demand modules in the sender's frame, in the content script's world: for a
   * page where the content script's own `import()` is refused (see content/on-demand/load.ts).
   */
  injectModule: { params: { file: OnDemandFile }; result: undefined };
}

/** Messages the popup sends to the background. */
export interface PopupToBackground {
  /** The frames of a tab with Backstory running (top document first), for the popup to ask each. */
  tabFrames: { params: { tabId: number }; result: number[] };
}

/**
 * One mention as the popup lists it: its id (`PageMention.id`, stable while it stays in the
 * page), whose, and the words around it (the name alone for those past the frame's cap or time).
 */
export interface MentionSummary {
  readonly mentionId: number;
  readonly entityId: EntityId;
  readonly snippet: Snippet;
}

/** A mention of a tab, as the popup names it to reveal it: `{frameId, mentionId}`. */
export interface TabMention extends MentionSummary {
  readonly frameId: number;
}

/**
 * Messages the popup (and the background, for the keyboard command) send to the active tab's
 * frames, each frame answering for its own document.
 */
export interface PopupToContent {
  /** The page's mentions, each company's in document order. */
  pageSummary: {
    params: Record<string, never>;
    /** `site`: the page's host name (the popup reads no tab's address); `paused`: Backstory is off there. */
    result: { site: string; paused: boolean; pageDate: PageDate; mentions: MentionSummary[]; capped: number };
  };
  /**
   * Scrolls to a mention by its id, marks it briefly and opens its card; false when it is no longer
   * in the page (or no longer shown).
   */
  revealMention: { params: { mentionId: number }; result: boolean };
  /** The keyboard command: the next mention after the last one shown, its card open with focus inside. */
  nextMention: { params: Record<string, never>; result: boolean };
}

type Envelope<Map> = { [K in keyof Map]: { type: K; params: Params<Map, K> } }[keyof Map];
type Params<Map, K extends keyof Map> = Map[K] extends { params: infer P } ? P : never;
type Result<Map, K extends keyof Map> = Map[K] extends { result: infer R } ? R : never;

export type Handlers<Map> = {
  [K in keyof Map]: (params: Params<Map, K>, sender: Runtime.MessageSender) => Result<Map, K> | Promise<Result<Map, K>>;
};

/** What the background answers: the content scripts' messages and the popup's. */
type ToBackground = ContentToBackground & PopupToBackground;

export async function sendToBackground<K extends keyof ToBackground>(
  type: K,
  params: Params<ToBackground, K>,
): Promise<Result<ToBackground, K>> {
  const message = { type, params } as Envelope<ToBackground>;
  return (await browser.runtime.sendMessage(message)) as Result<ToBackground, K>;
}

/** Sends to one frame of a tab (by default its top document). */
export async function sendToTab<K extends keyof PopupToContent>(
  tabId: number,
  type: K,
  params: Params<PopupToContent, K>,
  frameId = 0,
): Promise<Result<PopupToContent, K>> {
  const message = { type, params } as Envelope<PopupToContent>;
  return (await browser.tabs.sendMessage(tabId, message, { frameId })) as Result<PopupToContent, K>;
}

/** The run-time checks of one direction (see validate-message.ts and message-checks.ts). */
export interface MessageChecks<Map> {
  readonly sender: SenderRule;
  readonly params: { readonly [K in keyof Map]: ParamsCheck<Params<Map, K>> };
}
