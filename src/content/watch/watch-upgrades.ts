import { afterDelay, type CancelDelay } from '../after-delay';
import { guarded } from '../log-error';

/** The first check comes this soon after an undefined element is seen… */
const FIRST_CHECK_MS = 250;
/** …and checks slow down to this. */
const LAST_CHECK_MS = 4_000;
/** An element still undefined after this long is let go (a tag the page never defines). */
const GIVE_UP_MS = 60_000;
/** At most this many elements are waited for at once. */
const MAX_PENDING = 2_000;

/**
 * Waits for the page's custom elements that are not defined yet. When the page defines one, the
 * browser upgrades the elements already in the page, and they may attach a shadow root then, which
 * no mutation of the page shows (a content script cannot see `customElements.define` either). So
 * they are checked now and then, more and more rarely, and each one found defined is passed to
 * `onDefined` to be read again, its new shadow root included. Returns the function that adds an
 * element to wait for.
 */
export function watchUpgrades(
  onDefined: (elements: Element[]) => void,
  signal: AbortSignal,
): (element: Element) => void {
  const pending = new Map<Element, number>();
  let timer: CancelDelay | undefined;
  let delay = FIRST_CHECK_MS;

  const check = guarded(() => {
    timer = undefined;
    const now = performance.now();
    const defined: Element[] = [];
    for (const [element, since] of pending) {
      if (!element.isConnected || now - since > GIVE_UP_MS) pending.delete(element);
      else if (element.matches(':defined')) {
        pending.delete(element);
        defined.push(element);
      }
    }
    if (defined.length > 0) onDefined(defined);
    if (pending.size === 0 || signal.aborted) return;
    delay = Math.min(delay * 2, LAST_CHECK_MS);
    timer = afterDelay(delay, check);
  });
  signal.addEventListener(
    'abort',
    () => {
      timer?.();
      pending.clear();
    },
    { once: true },
  );
  return (element) => {
    if (signal.aborted || pending.has(element) || pending.size >= MAX_PENDING) return;
    pending.set(element, performance.now());
    delay = FIRST_CHECK_MS;
    timer ??= afterDelay(delay, check);
  };
}
