import { afterDelay } from '../after-delay';

/**
 * Gives the main thread back to the page between slices of our work. `scheduler.yield()` keeps
 * our place in the queue where the browser has it; elsewhere a macrotask does the same job.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => afterDelay(0, resolve));
}

/** How long one slice of our work may run before it yields: well under a frame. */
export const SLICE_BUDGET_MS = 8;
