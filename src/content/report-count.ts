import { askBackground } from '../shared/extension-api';
import { logError } from './log-error';

/**
 * Keeps the toolbar badge true for this frame: reports its mention count when it changes, and
 * that the document is gone when it hides (an iframe removed, the tab navigating; the badge sums
 * the frames, so a frame that left must not count), and back if the page returns from the
 * back-forward cache. Returns the function that reports a count.
 */
export function startCountReports(signal: AbortSignal): (count: number) => void {
  const timeOrigin = performance.timeOrigin;
  let last: number | undefined;
  const send = (count: number) => void askBackground('mentionCount', { count, timeOrigin }).catch(logError);
  addEventListener('pagehide', () => void askBackground('frameGone', { timeOrigin }).catch(logError), { signal });
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted && last !== undefined) send(last);
    },
    { signal },
  );
  return (count) => {
    if (count === last) return;
    last = count;
    send(count);
  };
}
