import { extensionApi } from '../../shared/extension-api';

/**
 * Chromium leaves a content script running in the pages open when its extension is disabled,
 * removed or updated, with the extension's API cut off, and tells it nothing: it would go on
 * highlighting (and Chromium even keeps the manifest's CSS in those pages). So whenever Backstory
 * is about to act, after a scan pass and when the pointer moves, it asks whether its extension is
 * still there, and `onGone` stops everything if not. Returns that check: true once gone.
 */
export function watchOrphaning(onGone: () => void, signal: AbortSignal): () => boolean {
  const check = (): boolean => {
    if (signal.aborted) return true;
    if (extensionApi().runtime?.id !== undefined) return false;
    onGone();
    return true;
  };
  addEventListener('pointermove', check, { capture: true, passive: true, signal });
  return check;
}
