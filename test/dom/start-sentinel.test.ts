/**
 * The sentinel (content/sentinel/start-sentinel.ts), what every frame of every page runs: it stays
 * quiet on a page without a name of an entity highlighted here (no engine, no message, nothing to
 * see, and without a name on by default not even a read of the settings), and loads the engine
 * (mocked here: on-demand/load.ts) at the first such name, handing it the settings; once it has
 * read them, it looks again when they change what it looks for; where settings-first.js ran, it
 * reads them first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sentinelEntities } from '../../src/core/candidate-pattern';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { SENTINEL_STATE } from '../../src/content/sentinel/sentinel-state';
import { askSettingsFirst, SETTINGS_FIRST } from '../../src/content/sentinel/settings-first';
import { installFakeExtension, type FakeExtension } from '../support/fake-extension-api';
import { fixtureDataset } from '../support/fixture-dataset';

const engine = vi.hoisted(() => ({ start: vi.fn(), loads: 0 }));

// What build.mjs writes into content.js: each entity's id, default and candidate pattern.
vi.mock('backstory:sentinel', () => ({ default: sentinelEntities(fixtureDataset().entities) }));
vi.mock('../../src/content/on-demand/load', () => ({
  onDemand: (file: string) => async () => {
    expect(file).toBe('engine.js');
    engine.loads++;
    return engine;
  },
}));

const { startSentinel } = await import('../../src/content/sentinel/start-sentinel');

const state = () => (globalThis as Record<string, unknown>)[SENTINEL_STATE];
let extension: FakeExtension;
let controller: AbortController;
/** How many times the sentinel read the settings. */
let reads: () => number;

/** Starts the sentinel on `html`, with `settings` stored (and read, if it reads them first). */
async function start(html: string, settings: Partial<Settings> = {}): Promise<void> {
  document.body.innerHTML = html;
  extension = installFakeExtension({ settings });
  const get = vi.spyOn(extension.api.storage.sync, 'get');
  reads = () => get.mock.calls.length;
  await startSentinel(controller.signal);
}

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  engine.start.mockClear();
  engine.loads = 0;
});
afterEach(async () => {
  controller.abort();
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  Reflect.deleteProperty(globalThis, SENTINEL_STATE);
  Reflect.deleteProperty(globalThis, SETTINGS_FIRST);
});

describe('startSentinel', () => {
  it('stays quiet on a page without a name: no engine, no message, not even a read of the settings', async () => {
    // Microsoft is in the dataset but off by default: the sentinel does not look for it.
    await start('<p>A page about something else entirely, and Microsoft.</p>');
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(engine.loads).toBe(0);
    expect(extension.sent).toEqual([]);
    expect(reads()).toBe(0);
    expect(extension.listeners()).toBe(0);
  });

  it('reads the settings first where settings-first.js ran, and wakes for an entity they turn on', async () => {
    askSettingsFirst();
    await start('<p>A page about Microsoft.</p>', { highlight: { microsoft: true } });
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
    expect(reads()).toBe(1);
  });

  it('reads the settings at once when settings-first.js runs later, and reads the page again', async () => {
    await start('<p>A page about Microsoft.</p>');
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    // The reader turns Microsoft on: the background runs settings-first.js in the open pages.
    extension.changeSettings({ highlight: { microsoft: true } });
    askSettingsFirst();
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
    expect(engine.start).toHaveBeenCalledWith(
      expect.objectContaining({ highlight: { microsoft: true } }),
      controller.signal,
      expect.objectContaining({ roots: [document.querySelector('p')!.firstChild] }),
    );
  });

  it('hands the engine only the texts that hold a name highlighted here', async () => {
    await start('<p>TikTok</p><p>Oracle</p>', { mutedEntities: { [location.hostname]: ['tiktok'] } });
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
    expect(engine.start).toHaveBeenCalledWith(
      expect.anything(),
      controller.signal,
      expect.objectContaining({ roots: [document.querySelectorAll('p')[1]!.firstChild] }),
    );
  });

  it('loads the engine at a name and hands it the settings it read, the page to run in and the texts found', async () => {
    await start('<p>A page about TikTok.</p><p>Nothing here.</p>', { hoverDelayMs: 400 });
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
    const named = document.querySelector('p')!.firstChild;
    expect(engine.start).toHaveBeenCalledWith(
      { ...DEFAULT_SETTINGS, hoverDelayMs: 400 },
      controller.signal,
      expect.objectContaining({ roots: [named], shadowRoots: [] }),
    );
    expect(engine.loads).toBe(1);
    expect(state()).toBe('woken');
    // The engine takes over: the sentinel no longer follows the settings itself.
    expect(extension.listeners()).toBe(0);
  });

  it('is not woken by the name of an entity not highlighted here, until the reader turns it on', async () => {
    // Microsoft is in the dataset but off by default; TikTok is on by default but muted here.
    await start('<p>Microsoft and TikTok.</p>', { mutedEntities: { [location.hostname]: ['tiktok'] } });
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(engine.loads).toBe(0);

    const turnedOn: Partial<Settings> = { highlight: { microsoft: true } };
    extension.changeSettings(turnedOn);
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
    expect(engine.start).toHaveBeenCalledWith(
      { ...DEFAULT_SETTINGS, ...turnedOn },
      controller.signal,
      expect.objectContaining({ roots: [document.querySelector('p')!.firstChild] }),
    );
  });

  it('wakes for a muted name once the reader unmutes it here', async () => {
    await start('<p>TikTok</p>', { mutedEntities: { [location.hostname]: ['tiktok'] } });
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(engine.loads).toBe(0);

    extension.changeSettings({ mutedEntities: {} });
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
  });

  it('does not read the page again for a change of settings that highlights the same entities here', async () => {
    const muted: Partial<Settings> = { mutedEntities: { [location.hostname]: ['tiktok'] } };
    await start('<p>TikTok, muted here.</p>', muted);
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    const walks = vi.spyOn(document, 'createTreeWalker');

    extension.changeSettings({ ...muted, hoverDelayMs: 500, pausedSites: ['elsewhere.example'] });
    await vi.runAllTimersAsync();
    expect(walks).not.toHaveBeenCalled();
    expect(state()).toBe('quiet');
    // A change that does show more is still followed.
    extension.changeSettings({ ...muted, highlight: { microsoft: true } });
    await vi.waitFor(() => expect(walks).toHaveBeenCalled());
  });

  it('loads nothing on a paused site, and wakes when the site is resumed', async () => {
    await start('<p>TikTok</p>', { pausedSites: [location.hostname] });
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(engine.loads).toBe(0);

    extension.changeSettings({ pausedSites: [] });
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
  });

  it('wakes for a name that arrives later, then once only', async () => {
    await start('<p>Nothing yet.</p>');
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Oracle' }));
    await vi.waitFor(() => expect(engine.start).toHaveBeenCalledTimes(1));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'ByteDance' }));
    extension.changeSettings({ hoverDelayMs: 500 });
    await vi.runAllTimersAsync();
    expect(engine.loads).toBe(1);
    expect(engine.start).toHaveBeenCalledTimes(1);
  });

  it('loads nothing once the extension has disappeared under the page', async () => {
    await start('<p>Nothing yet.</p>');
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    extension.disappear();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'TikTok' }));
    await vi.runAllTimersAsync();
    expect(engine.loads).toBe(0);
    // Nor does it ask the API that is gone for the settings.
    expect(reads()).toBe(0);
    expect(extension.listeners()).toBe(0);
  });

  it('starts no engine once stopped, and no longer follows the settings', async () => {
    await start('<p>Nothing yet.</p>');
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    controller.abort();
    expect(extension.listeners()).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'TikTok' }));
    await vi.runAllTimersAsync();
    // It no longer reads the page: nothing is even loaded.
    expect(engine.loads).toBe(0);
    expect(engine.start).not.toHaveBeenCalled();
  });
});
