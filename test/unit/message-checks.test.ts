/**
 * The background and the content script as a compromised renderer would talk to them: each attack
 * refused with an error the sender sees, and nothing of it stored or shown. The browser is faked
 * at its seams: src/shared/browser.ts (the polyfill), and the API itself as Chromium gives it to
 * extension-api.ts (`chrome`, whose listeners answer through `respond`).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (message: unknown, sender: unknown, respond: (answer: unknown) => void) => unknown;
  const listeners = new Set<Listener>();
  const session = new Map<string, unknown>();
  const badge = new Map<number, string>();
  const injected: unknown[] = [];
  const ignore = { addListener() {}, removeListener() {} };
  const browser = {
    runtime: {
      id: 'backstory@test',
      getURL: (path = '') => `chrome-extension://backstory/${path}`,
      onMessage: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
    },
    storage: {
      session: {
        get: async () => structuredClone(Object.fromEntries(session)),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(structuredClone(items))) session.set(key, value);
        },
      },
      sync: { get: async () => ({}) },
      onChanged: ignore,
    },
    action: {
      setBadgeBackgroundColor: async () => {},
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badge.set(tabId, text),
    },
    tabs: { onRemoved: ignore, create: async () => ({}) },
    scripting: { executeScript: async (injection: unknown) => void injected.push(injection) },
  };
  /**
   * Delivers a message as Chromium would, to a sender with webextension-polyfill: the first
   * listener that answers (true, then `respond`), its answer a rejection where the polyfill says so.
   */
  const send = (message: unknown, sender: unknown): Promise<unknown> => {
    for (const listener of listeners) {
      let respond: (answer: unknown) => void = () => {};
      const answered = new Promise((resolve) => (respond = resolve));
      if (listener(message, sender, respond) !== true) continue;
      return answered.then((answer) => {
        const rejection = answer as { __mozWebExtensionPolyfillReject__?: true; message?: string } | undefined;
        if (rejection?.__mozWebExtensionPolyfillReject__) throw new Error(rejection.message);
        return answer;
      });
    }
    return Promise.reject(new Error('no listener answered'));
  };
  return { browser, listeners, session, badge, injected, send };
});
vi.mock('../../src/shared/browser', () => ({ browser: fake.browser }));
vi.stubGlobal('chrome', fake.browser);

const { answerMessages } = await import('../../src/background/answer-messages');
const { startBadge } = await import('../../src/background/badge');
const { handleMessages } = await import('../../src/shared/handle-messages');
const { POPUP_TO_CONTENT } = await import('../../src/shared/message-checks');
const { fixtureDataset } = await import('../support/fixture-dataset');

/** A content script in frame `frameId` of tab `tabId`. */
const contentScript = (tabId: number, frameId = 0) => ({
  id: 'backstory@test',
  tab: { id: tabId },
  frameId,
  url: 'https://example.com/',
});
const popup = { id: 'backstory@test', url: 'chrome-extension://backstory/popup.html' };
const now = () => performance.timeOrigin + performance.now();

let controller: AbortController;
beforeEach(() => {
  controller?.abort();
  controller = new AbortController();
  fake.listeners.clear();
  fake.badge.clear();
  fake.session.clear();
  fake.injected.length = 0;
  answerMessages(fixtureDataset(), startBadge(controller.signal), controller.signal);
});

const report = (count: unknown, sender: object = contentScript(7), timeOrigin: unknown = now() - 1000) =>
  fake.send({ type: 'mentionCount', params: { count, timeOrigin } }, sender);

describe('the background refuses what a compromised page sends', () => {
  it("does not give a content script any tab's frames: only the popup may ask", async () => {
    await report(3, contentScript(7, 0));
    await report(2, contentScript(7, 4));
    await expect(fake.send({ type: 'tabFrames', params: { tabId: 7 } }, contentScript(9))).rejects.toThrow(
      /refused the message "tabFrames": from a tab/,
    );
    await expect(fake.send({ type: 'tabFrames', params: { tabId: 7 } }, popup)).resolves.toEqual([0, 4]);
  });

  it('never shows "0PWN" on the badge: a count is an integer', async () => {
    await expect(report('0PWN')).rejects.toThrow(/"mentionCount": count must be an integer/);
    await expect(report(-1)).rejects.toThrow(/count must be an integer/);
    await expect(report(2.5)).rejects.toThrow(/count must be an integer/);
    expect(fake.badge.get(7)).toBeUndefined();
    await report(5);
    expect(fake.badge.get(7)).toBe('5');
  });

  it('stores what it rebuilt, not 3 MB of padding sent along', async () => {
    const padding = 'x'.repeat(3_000_000);
    await fake.send(
      { type: 'mentionCount', params: { count: 4, timeOrigin: now() - 1000, padding, nested: { padding } } },
      contentScript(7),
    );
    expect(fake.badge.get(7)).toBe('4');
    expect(JSON.stringify(Object.fromEntries(fake.session)).length).toBeLessThan(200);
  });

  it("refuses a time origin from the future, which would freeze the tab's count", async () => {
    await expect(report(1, contentScript(7, 0), now() + 1e12)).rejects.toThrow(/timeOrigin must be a time in the past/);
    await expect(report(1, contentScript(7, 0), Number.NaN)).rejects.toThrow(/timeOrigin/);
    // The frame's real reports still count.
    await report(2, contentScript(7, 0));
    await report(3, contentScript(7, 0));
    expect(fake.badge.get(7)).toBe('3');
  });

  it('takes content messages only from content scripts of this extension, in a frame of a tab', async () => {
    await expect(report(1, { ...contentScript(7), id: 'another-extension' })).rejects.toThrow(
      /not from this extension/,
    );
    await expect(report(1, { ...popup })).rejects.toThrow(/not from a frame of a tab/);
    const extensionPageInATab = { ...contentScript(7), url: 'chrome-extension://backstory/popup.html' };
    await expect(report(1, extensionPageInATab)).rejects.toThrow(/extension page/);
    // The bundled demo article runs the content script itself, in a tab: its messages count.
    await expect(
      report(1, { ...contentScript(8), url: 'chrome-extension://backstory/demo.html' }),
    ).resolves.toBeUndefined();
    await expect(
      fake.send({ type: 'cardModel', params: { entityId: '<img onerror>' } }, contentScript(7)),
    ).rejects.toThrow(/entityId must be an entity id/);
    await expect(
      fake.send({ type: 'cardModel', params: { entityId: 'oracle', pageDate: 'yesterday' } }, contentScript(7)),
    ).rejects.toThrow(/pageDate/);
    // Only the demo's count reached a badge.
    expect([...fake.badge.keys()]).toEqual([8]);
  });

  it("injects only Backstory's own on-demand modules, and only into the frame that asks", async () => {
    const inject = (file: unknown, sender: unknown) => fake.send({ type: 'injectModule', params: { file } }, sender);
    await expect(inject('card.js', contentScript(7, 3))).resolves.toBeUndefined();
    expect(fake.injected).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['card.js'] }]);
    await expect(inject('https://evil.example/x.js', contentScript(7))).rejects.toThrow(
      /file must be one of engine\.js, card\.js, page-date\.js/,
    );
    await expect(inject('background.js', contentScript(7))).rejects.toThrow(/file must be one of/);
    await expect(inject('card.js', popup)).rejects.toThrow(/not from a frame of a tab/);
    expect(fake.injected).toHaveLength(1);
  });
});

describe('a content script refuses what does not come from the extension', () => {
  it('answers the popup, and refuses another tab, a page, and a bad mention id', async () => {
    fake.listeners.clear();
    const revealed: unknown[] = [];
    handleMessages(
      {
        pageSummary: () => ({ site: '', paused: false, pageDate: { kind: 'none' } as never, mentions: [], capped: 0 }),
        revealMention: (params) => (revealed.push(params), true),
        nextMention: () => true,
      },
      POPUP_TO_CONTENT,
      controller.signal,
    );
    const reveal = (params: unknown, sender: unknown) => fake.send({ type: 'revealMention', params }, sender);
    await expect(reveal({ mentionId: 3, extra: 'x' }, popup)).resolves.toBe(true);
    expect(revealed).toEqual([{ mentionId: 3 }]);
    await expect(reveal({ mentionId: 3 }, contentScript(9))).rejects.toThrow(/from a tab/);
    await expect(reveal({ mentionId: '3' }, popup)).rejects.toThrow(/mentionId must be an integer/);
    await expect(fake.send({ type: 'pageSummary', params: null }, popup)).rejects.toThrow(/params must be an object/);
    expect(revealed).toHaveLength(1);
  });
});
