import type { Entity } from '../core/dataset-types';
import { isHighlighted, type Settings } from '../core/settings';
import { browser } from '../shared/browser';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';

const ID = 'backstory-settings-first';
const FILE = 'settings-first.js';

/** What the background needs to know of an entity here. */
type WithDefault = Pick<Entity, 'id' | 'highlightByDefault'>;

/** Whether the settings turn on an entity that is off by default, which the sentinel cannot know by itself. */
function needsSettingsFirst(entities: readonly WithDefault[], settings: Settings): boolean {
  return entities.some((entity) => !entity.highlightByDefault && isHighlighted(settings, entity));
}

/**
 * Keeps settings-first.js running in every frame, where the content script runs, while the
 * settings turn on an entity that is off by default (content/sentinel/settings-first.ts): a
 * content script registered for every new document (kept across sessions by the browser, checked
 * again each time the background starts), and run at once in the frames open when the reader
 * turns one on. Changes are applied one after the other.
 */
export function keepSettingsFirst(entities: readonly WithDefault[], signal: AbortSignal): void {
  let applied = Promise.resolve();
  const apply = (settings: Settings, now: boolean) => {
    applied = applied
      .then(() => settingsFirstFor(needsSettingsFirst(entities, settings), now))
      .catch((error: unknown) => console.warn('Backstory: settings-first.js not kept:', error));
  };
  void loadSettings().then((settings) => apply(settings, false));
  onSettingsChanged((settings) => apply(settings, true), signal);
}

/** Registers settings-first.js if `wanted` and not yet (then runs it in the open tabs if `now`), or unregisters it. */
async function settingsFirstFor(wanted: boolean, now: boolean): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ID] })).length > 0;
  if (wanted === registered) return;
  if (!wanted) return browser.scripting.unregisterContentScripts({ ids: [ID] });
  const [script] = browser.runtime.getManifest().content_scripts ?? [];
  await browser.scripting.registerContentScripts([
    {
      id: ID,
      js: [FILE],
      matches: script?.matches ?? [],
      allFrames: true,
      runAt: 'document_start',
      // As the manifest's content script: about:blank and srcdoc frames too (Firefox 128+).
      matchOriginAsFallback: true,
    },
  ]);
  if (!now) return;
  const tabs = await browser.tabs.query({});
  await Promise.allSettled(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [FILE] }),
    ),
  );
}
