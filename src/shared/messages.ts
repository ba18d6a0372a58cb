/**
 * The typed message contract between contexts: one map per direction, each entry the params a
 * message takes and the result it answers with. `send*` and `handle*` are derived from the maps,
 * so a message with a wrong payload does not compile.
 */
import type { CardModel } from '../core/card-model';
import type { EntityId, IsoDate } from '../core/dataset-types';
import type { PageDate } from '../core/parse-page-date';
import type { Snippet } from '../core/snippet';
import { browser, type Runtime } from './browser';
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
}

/** Messages the popup sends to the background. */
export interface PopupToBackground {
  /** The frames of a tab with Backstory running (top document first), for the popup to ask each. */
  tabFrames: { params: { tabId: number }; result: number[] };
}

/** One mention as the popup lists it: whose, and the words around it. */
export interface MentionSummary {
  readonly entityId: EntityId;
  readonly snippet: Snippet;
}

/**
 * Messages the popup (and the background, for the keyboard command) send to the active tab's
 * frames, each frame answering for its own document.
 */
export interface PopupToContent {
  /** The page's mentions, each company's in document order. */
  pageSummary: {
    params: Record<string, never>;
    /** `site`: the page's host name (the popup cannot read tab URLs); `paused`: Backstory is off there. */
    result: { site: string; paused: boolean; pageDate: PageDate; mentions: MentionSummary[]; capped: number };
  };
  /** Scrolls to the `index`-th mention of an entity, marks it briefly and opens its card. */
  revealMention: { params: { entityId: EntityId; index: number }; result: boolean };
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

/** Answers the messages of one direction until `signal` aborts. */
export function handleMessages<Map>(handlers: Handlers<Map>, signal: AbortSignal): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type as keyof Map] as (params: unknown, sender: Runtime.MessageSender) => unknown;
    return Promise.resolve(handler(message.params, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

function isEnvelope(message: unknown): message is { type: string; params: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
