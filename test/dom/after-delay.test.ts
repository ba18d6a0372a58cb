/**
 * The content script's one timer: a task posted to `scheduler` where the browser has one (in
 * Chromium `setTimeout` never fires in our world on a page whose scripts are blocked), else a
 * timeout; either way called once after its delay, and not at all once cancelled.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterDelay } from '../../src/content/after-delay';

/** A scheduler like Chromium's, over the (fake) timers: `postTask` with a delay and a signal. */
const fakeScheduler = {
  postTask: (callback: () => void, { delay, signal }: { delay: number; signal: AbortSignal }) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => resolve(callback()), delay);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe.each([
  ['through scheduler.postTask', fakeScheduler],
  ['through setTimeout, where there is no scheduler', undefined],
])('afterDelay, %s', (_, scheduler) => {
  it('calls back once, after the delay', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('scheduler', scheduler);
    const callback = vi.fn();
    afterDelay(200, callback);
    await vi.advanceTimersByTimeAsync(199);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('never calls back once cancelled, and reports no error for it', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('scheduler', scheduler);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const callback = vi.fn();
    const cancel = afterDelay(200, callback);
    await vi.advanceTimersByTimeAsync(100);
    cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(callback).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
