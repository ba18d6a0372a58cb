/** The first-run page opens on install only, and the shortcut is assigned where the browser left none. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  listener: undefined as undefined | ((details: { reason: string }) => Promise<void>),
  created: [] as string[],
  updated: [] as { name: string; shortcut: string }[],
  shortcut: '' as string,
}));

vi.mock('../../src/shared/browser', () => ({
  browser: {
    runtime: {
      onInstalled: {
        addListener: (listener: typeof calls.listener) => (calls.listener = listener),
        removeListener: () => {},
      },
      getURL: (path: string) => `moz-extension://id/${path}`,
    },
    tabs: { create: async ({ url }: { url: string }) => void calls.created.push(url) },
    commands: {
      getAll: async () => [{ name: 'next-mention', shortcut: calls.shortcut }],
      update: async (detail: { name: string; shortcut: string }) => void calls.updated.push(detail),
    },
  },
}));

beforeEach(() => {
  calls.created = [];
  calls.updated = [];
  calls.shortcut = '';
  vi.stubGlobal('__BROWSER__', 'firefox');
});

describe('startFirstRun', () => {
  it('opens the first-run page once on install, and never on an update or a browser update', async () => {
    const { startFirstRun, welcomeOnInstall } = await import('../../src/background/first-run');
    startFirstRun(new AbortController().signal);
    expect(calls.listener).toBeDefined();
    await welcomeOnInstall({ reason: 'update', temporary: false });
    await welcomeOnInstall({ reason: 'browser_update', temporary: false });
    expect(calls.created).toEqual([]);
    await welcomeOnInstall({ reason: 'install', temporary: false });
    expect(calls.created).toEqual(['moz-extension://id/welcome.html']);
  });

  it('assigns the suggested keys where the browser left the command without any (Firefox)', async () => {
    const { welcomeOnInstall } = await import('../../src/background/first-run');
    await welcomeOnInstall({ reason: 'install', temporary: false });
    expect(calls.updated).toEqual([{ name: 'next-mention', shortcut: 'Alt+Shift+B' }]);
    calls.updated = [];
    calls.shortcut = 'Ctrl+Shift+Y';
    await welcomeOnInstall({ reason: 'install', temporary: false });
    expect(calls.updated).toEqual([]);
  });
});
