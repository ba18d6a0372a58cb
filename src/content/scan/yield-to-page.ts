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

/**
 * How long one slice of our work may run before it yields: well under a frame, with room for
 * the garbage collector, whose pauses (a scavenge, a marking step: 2–8 ms on a long page, as our
 * walk makes a wrapper of each node) land inside a slice. At 8 ms the longest task of ours was
 * 19.6 ms on Wikipedia New Zealand and 15.8 on the seed page (medians of 5); at 5, 15.9 and 11.4.
 */
export const SLICE_BUDGET_MS = 5;
