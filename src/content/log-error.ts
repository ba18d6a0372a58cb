/**
 * Our errors stay ours: they are logged to the console and never thrown into the page, whose own
 * error handlers and monitoring must not see them. Each distinct error (its message and stack) is
 * logged once per content script's world: content.js and the modules it loads share the record,
 * which lives on the world's global object (the page cannot read it), so a failure that repeats
 * on every scan pass or every pointer move says so once, and a second, different one is still seen.
 */
const LOGGED = '__backstoryLoggedErrors';

/** Past this many distinct errors, no more are logged: an error whose message varies is not a flood. */
const MAX_DISTINCT = 100;

/**
 * What the browser says when a message finds no one to answer it because Backstory was removed,
 * disabled or reloaded under the page (Chromium: the context invalidated, or the channel closed
 * before the background answered; either browser: no receiving end). Nothing of ours failed, and
 * the run stops at its next look (watch/watch-orphaning): a page that outlives Backstory hears
 * nothing from it.
 */
const EXTENSION_GONE =
  /Extension context invalidated|message channel closed before a response|Receiving end does not exist/u;

export function logError(error: unknown): void {
  if (error instanceof Error && EXTENSION_GONE.test(error.message)) return;
  const world = globalThis as unknown as Record<typeof LOGGED, Set<string> | undefined>;
  const logged = (world[LOGGED] ??= new Set());
  const key = errorKey(error);
  if (logged.has(key) || logged.size >= MAX_DISTINCT) return;
  logged.add(key);
  console.warn('Backstory stopped an internal error:', error);
}

/** What tells one error from another: the message and where it was thrown. */
function errorKey(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  try {
    return `${typeof error}: ${String(error)}`;
  } catch {
    return typeof error;
  }
}

/** Wraps a listener so a failure in it is logged instead of thrown. */
export function guarded<Args extends unknown[]>(fn: (...args: Args) => void): (...args: Args) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      logError(error);
    }
  };
}
