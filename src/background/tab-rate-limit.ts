/**
 * Lets something happen at most once per `intervalMs` for each tab: faster than any reader
 * clicks, slower than a page script's loop.
 */
export class TabRateLimit {
  readonly #intervalMs: number;
  readonly #last = new Map<number, number>();

  constructor(intervalMs: number) {
    this.#intervalMs = intervalMs;
  }

  /** Whether the tab may have it now (and, if so, counts it). */
  allow(tabId: number, now: number): boolean {
    const last = this.#last.get(tabId);
    if (last !== undefined && now - last < this.#intervalMs) return false;
    this.#last.set(tabId, now);
    return true;
  }

  /** Forgets a tab that was closed. */
  forget(tabId: number): void {
    this.#last.delete(tabId);
  }
}
