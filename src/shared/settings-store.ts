/**
 * Settings in storage.sync, as one versioned object: read through `readSettings` (so a corrupted
 * key falls back alone), written whole, and watched so every context applies a change at once.
 * Through the browser's own API (shared/extension-api.ts), not the polyfill: the content scripts
 * read the settings too, and every byte of theirs is paid by the pages.
 */
import { readSettings, toStored, type Settings } from '../core/settings';
import { extensionApi } from './extension-api';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await extensionApi().storage.sync.get(KEY);
    return readSettings(stored[KEY]);
  } catch {
    return readSettings(undefined);
  }
}

/** Applies `change` to the current settings and stores the result. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await extensionApi().storage.sync.set({ [KEY]: toStored(next) });
  return next;
}

/** Calls `listener` with the new settings after every change, until `signal` aborts. */
export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && KEY in changes) listener(readSettings(changes[KEY]?.newValue));
  };
  const { storage } = extensionApi();
  storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(onChanged), { once: true });
}
