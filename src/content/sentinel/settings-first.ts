/**
 * Whether the sentinel reads the settings before the page. It does only while the settings turn
 * on an entity that is off by default, which it cannot know otherwise: then the background runs
 * settings-first.js in every frame (background/keep-settings-first.ts), at the start of each new
 * document and at once in those open. Every other page is read for the names on by default, and
 * the settings only once one is found, so that a page without a name never touches the
 * extension's API (creating its bindings costs each frame about 4 ms in Chromium).
 */
export const SETTINGS_FIRST = '__backstorySettingsFirst';

const world = globalThis as Record<string, unknown>;

/** What settings-first.js does in the content scripts' world: it says so, and to a sentinel already reading the page. */
export function askSettingsFirst(): void {
  const waiting = world[SETTINGS_FIRST];
  world[SETTINGS_FIRST] = true;
  if (typeof waiting === 'function') waiting();
}

/**
 * For the sentinel: true if settings-first.js ran in this document; otherwise `whenAsked` runs if
 * it does later, until `signal` aborts.
 */
export function settingsFirst(whenAsked: () => void, signal: AbortSignal): boolean {
  if (world[SETTINGS_FIRST] === true) return true;
  world[SETTINGS_FIRST] = whenAsked;
  const forget = () => {
    if (world[SETTINGS_FIRST] === whenAsked) Reflect.deleteProperty(world, SETTINGS_FIRST);
  };
  signal.addEventListener('abort', forget, { once: true });
  return false;
}
