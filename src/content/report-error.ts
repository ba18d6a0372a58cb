/**
 * Our errors stay ours: they are logged once to the console and never thrown into the page,
 * whose own error handlers and monitoring must not see them.
 */
let reported = false;

export function reportError(error: unknown): void {
  if (reported) return;
  reported = true;
  console.warn('Backstory stopped an internal error:', error);
}

/** Wraps a listener so a failure in it is reported instead of thrown. */
export function guarded<Args extends unknown[]>(fn: (...args: Args) => void): (...args: Args) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      reportError(error);
    }
  };
}
