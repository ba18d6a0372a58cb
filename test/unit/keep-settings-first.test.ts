/**
 * The background keeps settings-first.js running where the content script runs while, and only
 * while, the settings turn on an entity off by default: registered for new documents, injected
 * into the open tabs when it is turned on, unregistered when it is off again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../src/core/settings';
import { installFakeExtension, type FakeExtension } from '../support/fake-extension-api';
import { fixtureDataset } from '../support/fixture-dataset';

const scripting = vi.hoisted(() => ({
  registered: new Map<string, object>(),
  injected: [] as { tabId: number; allFrames?: boolean; files: string[] }[],
}));

vi.mock('../../src/shared/browser', () => ({
  browser: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['http://*/*', 'https://*/*'] }] }) },
    tabs: { query: async () => [{ id: 1 }, { id: 2 }, {}] },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.flatMap((id) => (scripting.registered.has(id) ? [scripting.registered.get(id)] : [])),
      registerContentScripts: async (scripts: { id: string }[]) => {
        for (const script of scripts) {
          if (scripting.registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          scripting.registered.set(script.id, script);
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) scripting.registered.delete(id);
      },
      executeScript: async ({ target, files }: { target: { tabId: number; allFrames?: boolean }; files: string[] }) =>
        void scripting.injected.push({ ...target, files }),
    },
  },
}));

const { keepSettingsFirst } = await import('../../src/background/keep-settings-first');

let extension: FakeExtension;
let controller: AbortController;

/** Lets the changes queued so far be applied. */
const settle = () => new Promise((done) => setTimeout(done, 0));

/** Starts keeping settings-first.js with `settings` stored, and lets it apply them. */
async function start(settings?: Partial<Settings>): Promise<void> {
  extension = installFakeExtension(settings ? { settings } : {});
  keepSettingsFirst(fixtureDataset().entities, controller.signal);
  await settle();
}

beforeEach(() => {
  controller = new AbortController();
  scripting.registered.clear();
  scripting.injected = [];
  vi.stubGlobal('__BROWSER__', 'chrome');
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

describe('keepSettingsFirst', () => {
  it('registers nothing while only the entities on by default are on, or fewer', async () => {
    await start({ highlight: { oracle: false } });
    extension.changeSettings({ highlight: { tiktok: false } });
    await settle();
    expect([...scripting.registered.keys()]).toEqual([]);
    expect(scripting.injected).toEqual([]);
  });

  it('registers settings-first.js and runs it in every open tab when an entity off by default is turned on, once', async () => {
    await start();
    extension.changeSettings({ highlight: { microsoft: true } });
    extension.changeSettings({ highlight: { microsoft: true }, hoverDelayMs: 400 });
    await vi.waitFor(() => expect(scripting.injected).toHaveLength(2));
    expect([...scripting.registered.values()]).toEqual([
      {
        id: 'backstory-settings-first',
        js: ['settings-first.js'],
        matches: ['http://*/*', 'https://*/*'],
        allFrames: true,
        runAt: 'document_start',
        matchOriginAsFallback: true,
      },
    ]);
    expect(scripting.injected).toEqual([
      { tabId: 1, allFrames: true, files: ['settings-first.js'] },
      { tabId: 2, allFrames: true, files: ['settings-first.js'] },
    ]);

    extension.changeSettings({ highlight: { microsoft: false } });
    await vi.waitFor(() => expect(scripting.registered.size).toBe(0));
    expect(scripting.injected).toHaveLength(2);
  });

  it('registers it when the background starts with such settings, without running it in the open tabs', async () => {
    await start({ highlight: { microsoft: true } });
    await vi.waitFor(() => expect(scripting.registered.size).toBe(1));
    expect(scripting.injected).toEqual([]);
  });
});
