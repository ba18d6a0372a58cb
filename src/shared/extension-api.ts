/**
 * The few extension APIs the content scripts (content.js on every page, engine.js where a name
 * may be) and the modules they share with the other contexts (settings, i18n, messages) use,
 * called natively rather than through webextension-polyfill, which would weigh more than the
 * whole sentinel: `browser` in Firefox, `chrome` in Chromium (both return promises in MV3).
 */
import type { Runtime } from './browser';
import type { ContentToBackground } from './messages';

type MessageSender = Runtime.MessageSender;

interface NativeEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

type MessageListener = (message: unknown, sender: MessageSender, respond: (answer: unknown) => void) => unknown;

export interface ExtensionApi {
  readonly runtime?: {
    readonly id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    readonly onMessage: NativeEvent<MessageListener>;
  };
  readonly i18n: { getMessage(key: string, substitutions?: string[]): string };
  readonly storage: {
    readonly sync: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    readonly onChanged: NativeEvent<(changes: Record<string, { newValue?: unknown }>, area: string) => void>;
  };
}

const world = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };

/** The extension's API in this world; `runtime` is gone once the extension is disabled or removed. */
export function extensionApi(): ExtensionApi {
  return (__BROWSER__ === 'firefox' ? world.browser : world.chrome) as ExtensionApi;
}

/**
 * Runs one of the extension's own modules, a web-accessible resource, in the calling script's
 * world (a content script's isolated world, where the page cannot reach it). Written with
 * `chrome.runtime.getURL` as is, which both browsers have: the add-on linter accepts a dynamic
 * import only from an address made that way.
 */
export async function importExtensionModule(path: string): Promise<void> {
  // Chromium gives web-accessible resources a per-session address (`use_dynamic_url`), which the
  // extension's own pages may not load (their policy allows 'self' only): on one of them (the
  // demo article, where this runs as a page script) the module comes from the page's own origin.
  // Firefox's addresses are its pages' own, and its build leaves this branch out.
  if (__BROWSER__ === 'chrome' && location.origin === `chrome-extension://${chrome.runtime.id}`) {
    await import(new URL(path, location.origin).href);
    return;
  }
  await import(chrome.runtime.getURL(path));
}

declare const chrome: { readonly runtime: { readonly id: string; getURL(path: string): string } };

/** The answer webextension-polyfill sends in Chromium for a handler that rejected. */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

/** Sends a message to the background, as `sendToBackground` does, without the polyfill. */
export async function askBackground<K extends keyof ContentToBackground>(
  type: K,
  params: ContentToBackground[K]['params'],
): Promise<ContentToBackground[K]['result']> {
  const runtime = extensionApi().runtime;
  if (!runtime) throw new Error('Backstory is no longer installed here');
  const answer = await runtime.sendMessage({ type, params });
  if (isRejection(answer)) throw new Error(answer.message);
  return answer as ContentToBackground[K]['result'];
}

/**
 * Answers messages until `signal` aborts: `answer` returns a promise for a message it takes, or
 * undefined for one that is not its own. A rejected promise reaches the sender as a rejection in
 * both browsers (in Chromium, in the form the sender's polyfill turns back into one). The
 * transport under `handleMessages` (handle-messages.ts), the typed and checked way every context
 * answers (the sentinel answers nothing: see content/sentinel/start-sentinel.ts).
 */
export function answerMessages(
  answer: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
  signal: AbortSignal,
): void {
  const onMessage = extensionApi().runtime?.onMessage;
  if (!onMessage || signal.aborted) return;
  const listener: MessageListener = (message, sender, respond) => {
    const answering = answer(message, sender);
    if (!answering) return undefined;
    // Firefox takes the promise as it is (its rejection included); Chromium needs `respond`.
    if (__BROWSER__ === 'firefox') return answering;
    answering.then(respond, (error: unknown) =>
      respond({ __mozWebExtensionPolyfillReject__: true, message: String((error as Error)?.message ?? error) }),
    );
    return true;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener), { once: true });
}

function isRejection(answer: unknown): answer is PolyfillRejection {
  return typeof answer === 'object' && answer !== null && '__mozWebExtensionPolyfillReject__' in answer;
}
