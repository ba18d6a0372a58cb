import { logError } from './log-error';

/** Stops a call `afterDelay` planned, if it has not run yet. */
export type CancelDelay = () => void;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { delay: number; signal: AbortSignal }): Promise<void>;
}

/**
 * Calls `callback` once, `ms` from now: the content script's one timer. A task posted to
 * `scheduler` where the browser has it, because in Chromium, on a page whose own scripts are
 * blocked (the site setting "JavaScript: blocked"), `setTimeout` never fires in the content
 * script's world either, while scheduled tasks, animation frames and `scheduler.yield` still run.
 */
export function afterDelay(ms: number, callback: () => void): CancelDelay {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const controller = new AbortController();
    scheduler.postTask(callback, { delay: ms, signal: controller.signal }).catch((error: unknown) => {
      // Cancelled: the task rejects with the abort, which is no error.
      if (!controller.signal.aborted) logError(error);
    });
    return () => controller.abort();
  }
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
}
