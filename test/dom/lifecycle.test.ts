/**
 * The engine's life in one document (content/lifecycle.ts), with the extension's API faked at its
 * seam (test/support/fake-extension-api.ts): it highlights the page as the stored settings say and
 * tells the badge; a paused site gets nothing and says so to the popup; pausing and resuming take
 * effect at once, without a reload; stopping, or the extension disappearing under the page, takes
 * every highlight and listener away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as pageDates from '../../src/content/page-date/find-page-date';
import { provideModule } from '../../src/content/on-demand/registry';
import { startLifecycle } from '../../src/content/lifecycle';
import { WATCH_DELAY_MS } from '../../src/content/watch/watch-page';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { installFakeExtension, type FakeExtension } from '../support/fake-extension-api';
import { useFakeHighlights, type FakeHighlight } from '../support/fake-highlights';
import { fixtureDataset } from '../support/fixture-dataset';
import { prepareMatching } from '../../src/core/prepare-matching';

useFakeHighlights();

const ENTITIES = fixtureDataset().entities.map(prepareMatching);
const PAGE = '<h1>The TikTok deal</h1><p>Oracle would host the data of TikTok users.</p>';

/** The names highlighted now, per entity. */
function highlighted(): Record<string, number> {
  const highlights = CSS.highlights as unknown as Map<string, FakeHighlight>;
  return Object.fromEntries([...highlights].filter(([, ranges]) => ranges.size > 0).map(([n, r]) => [n, r.size]));
}
const SHOWN = { 'backstory-tiktok': 2, 'backstory-oracle': 1 };

let extension: FakeExtension;
let controller: AbortController;

function start(settings?: Partial<Settings>): void {
  extension = installFakeExtension(settings ? { settings } : {});
  void startLifecycle(ENTITIES, controller.signal);
}

/** What the popup shows for this page. */
const askPopupSummary = () =>
  extension.sendToContent({ type: 'pageSummary', params: {} }) as Promise<{ paused: boolean; mentions: unknown[] }>;

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = PAGE;
  // happy-dom lays nothing out: every element gets a box, so its text counts as shown.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 600, 20));
  // The page's date module has run in this world, as if the popup had asked before.
  provideModule('page-date.js', pageDates);
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('startLifecycle', () => {
  it('highlights the page as the stored settings say, and tells the badge the count', async () => {
    start({ highlight: { oracle: false } });
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'backstory-tiktok': 2 }));
    await vi.waitFor(() => expect(extension.counts()).toEqual([2]));
    await expect(askPopupSummary()).resolves.toMatchObject({
      paused: false,
      mentions: [{ entityId: 'tiktok' }, { entityId: 'tiktok' }],
    });
  });

  it('reads only what the sentinel handed it at first, and the whole page once the settings change', async () => {
    extension = installFakeExtension({});
    const [heading, paragraph] = document.body.querySelectorAll('h1, p');
    // As handed by the sentinel: the heading's text alone (as if the paragraph held no name).
    const handoff = { roots: [heading!.firstChild!], shadowRoots: [], undefinedElements: [] };
    void startLifecycle(ENTITIES, controller.signal, DEFAULT_SETTINGS, handoff);
    await vi.waitFor(() => expect(extension.counts()).toEqual([1]));
    expect(highlighted()).toEqual({ 'backstory-tiktok': 1 });
    expect(paragraph!.textContent).toContain('TikTok');

    extension.changeSettings({ hoverDelayMs: 500 });
    await vi.waitFor(() => expect(highlighted()).toEqual(SHOWN));
  });

  it('does nothing on a paused site but say so to the popup and the badge', async () => {
    start({ pausedSites: [location.hostname] });
    await vi.waitFor(() => expect(extension.counts()).toEqual([0]));
    await expect(askPopupSummary()).resolves.toMatchObject({ paused: true, mentions: [] });
    expect(highlighted()).toEqual({});
  });

  it('resumes on a paused site as soon as the reader says so, and pauses again at once', async () => {
    start({ pausedSites: [location.hostname] });
    await vi.waitFor(() => expect(extension.counts()).toEqual([0]));
    extension.changeSettings({ pausedSites: [] });
    await vi.waitFor(() => expect(highlighted()).toEqual(SHOWN));
    await vi.waitFor(() => expect(extension.counts()).toEqual([0, 3]));

    extension.changeSettings({ pausedSites: [location.hostname] });
    expect(highlighted()).toEqual({});
    expect(extension.counts()).toEqual([0, 3, 0]);
    await expect(askPopupSummary()).resolves.toMatchObject({ paused: true });
  });

  it('follows a change of the entities shown, and of the names muted on this site', async () => {
    start();
    await vi.waitFor(() => expect(highlighted()).toEqual(SHOWN));
    extension.changeSettings({ mutedEntities: { [location.hostname]: ['tiktok'] } });
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'backstory-oracle': 1 }));
    extension.changeSettings({ highlight: { oracle: false } });
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'backstory-tiktok': 2 }));
  });

  it('leaves hidden text out of the highlights and the count, and adds it once it is shown', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="menu" style="display: none"><p>ByteDance, in a closed menu</p></div>',
    );
    start();
    await vi.waitFor(() => expect(extension.counts()).toEqual([3]));
    expect(highlighted()).toEqual(SHOWN);
    // The menu opens (happy-dom's layout knows inline styles, not the `hidden` attribute).
    document.querySelector<HTMLElement>('.menu')!.style.display = 'block';
    await vi.waitFor(() => expect(highlighted()).toEqual({ ...SHOWN, 'backstory-bytedance': 1 }));
    await vi.waitFor(() => expect(extension.counts()).toEqual([3, 4]));
  });

  it('takes every highlight and listener away when stopped, and reads the page no more', async () => {
    start();
    await vi.waitFor(() => expect(highlighted()).toEqual(SHOWN));
    vi.useFakeTimers();
    controller.abort();
    expect(highlighted()).toEqual({});
    expect(extension.listeners()).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'ByteDance' }));
    extension.changeSettings({ highlight: { microsoft: true } });
    // Every timer the engine could have set (its wait after a change, its slices) runs out.
    await vi.advanceTimersByTimeAsync(WATCH_DELAY_MS * 10);
    expect(highlighted()).toEqual({});
  });

  it('stops by itself when the extension disappears under the page, at the next pointer move', async () => {
    start();
    await vi.waitFor(() => expect(highlighted()).toEqual(SHOWN));
    vi.useFakeTimers();
    extension.disappear();
    document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
    expect(highlighted()).toEqual({});
    expect(extension.listeners()).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'ByteDance' }));
    await vi.advanceTimersByTimeAsync(WATCH_DELAY_MS * 10);
    expect(highlighted()).toEqual({});
  });
});
