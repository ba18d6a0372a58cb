/**
 * The browser's extension API as the content script sees it (shared/extension-api.ts reads
 * `globalThis.chrome` in the fast tiers, built as Chromium): storage.sync with its change events,
 * messages both ways, i18n, and the runtime that disappears when the extension is disabled or
 * removed under an open page. One per test: `installFakeExtension()` in a `beforeEach`, and
 * `vi.unstubAllGlobals()` after it.
 */
import { vi } from 'vitest';
import { DEFAULT_SETTINGS, toStored, type Settings } from '../../src/core/settings';
import type { ExtensionApi } from '../../src/shared/extension-api';

type MessageListener = (message: unknown, sender: object, respond: (answer: unknown) => void) => unknown;
type ChangeListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** A message the content script sent to the background. */
export interface SentMessage {
  readonly type: string;
  readonly params: Record<string, unknown>;
}

export interface FakeExtension {
  readonly api: ExtensionApi;
  /** Every message sent to the background, in order. */
  readonly sent: SentMessage[];
  /** The counts the badge was told, in order (`mentionCount` messages). */
  counts(): number[];
  /** Stores settings as the options page or the popup does: storage changes, listeners hear it. */
  changeSettings(change: Partial<Settings>): void;
  /** A message from the popup, answered as Chromium answers it (through `respond`). */
  sendToContent(message: unknown): Promise<unknown>;
  /** How many listeners the content script has on the extension's events now. */
  listeners(): number;
  /** The extension is disabled, removed or updated: Chromium cuts the page's script off its API. */
  disappear(): void;
}

/**
 * Puts a fake extension API on `globalThis.chrome` until the test ends. `settings`, if given, is
 * what storage holds at the start; `answer` is the background's answer to a message.
 */
export function installFakeExtension(
  options: { settings?: Partial<Settings>; answer?: (message: SentMessage) => unknown } = {},
): FakeExtension {
  const sent: SentMessage[] = [];
  let stored: Record<string, unknown> = options.settings
    ? { settings: toStored({ ...DEFAULT_SETTINGS, ...options.settings }) }
    : {};
  const messageListeners = new Set<MessageListener>();
  const changeListeners = new Set<ChangeListener>();
  const runtime: { id?: string } & Omit<NonNullable<ExtensionApi['runtime']>, 'id'> = {
    id: 'backstory-test',
    getURL: (path: string) => `chrome-extension://backstory-test/${path}`,
    sendMessage: async (message: unknown): Promise<unknown> => {
      if (runtime.id === undefined) throw new Error('Extension context invalidated.');
      sent.push(message as SentMessage);
      return options.answer?.(message as SentMessage);
    },
    onMessage: {
      addListener: (listener: MessageListener) => void messageListeners.add(listener),
      removeListener: (listener: MessageListener) => void messageListeners.delete(listener),
    },
  };
  const api: ExtensionApi = {
    runtime,
    i18n: { getMessage: (key: string) => key },
    storage: {
      sync: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          stored = { ...stored, ...items };
        },
      },
      onChanged: {
        addListener: (listener: ChangeListener) => void changeListeners.add(listener),
        removeListener: (listener: ChangeListener) => void changeListeners.delete(listener),
      },
    },
  };
  vi.stubGlobal('chrome', api);
  return {
    api,
    sent,
    counts: () => sent.filter((m) => m.type === 'mentionCount').map((m) => m.params.count as number),
    changeSettings(change) {
      const next = toStored({ ...DEFAULT_SETTINGS, ...change });
      stored = { ...stored, settings: next };
      for (const listener of [...changeListeners]) listener({ settings: { newValue: next } }, 'sync');
    },
    sendToContent(message) {
      return new Promise((resolve, reject) => {
        const sender = { id: runtime.id, url: runtime.getURL('popup.html') };
        for (const listener of [...messageListeners]) {
          const respond = (answer: unknown) => {
            const rejection = answer as { __mozWebExtensionPolyfillReject__?: true; message?: string } | undefined;
            if (rejection?.__mozWebExtensionPolyfillReject__) reject(new Error(rejection.message));
            else resolve(answer);
          };
          if (listener(message, sender, respond) === true) return;
        }
        reject(new Error('Could not establish connection. Receiving end does not exist.'));
      });
    },
    listeners: () => messageListeners.size + changeListeners.size,
    disappear() {
      delete runtime.id;
    },
  };
}
