/**
 * One measured page load: a new tab in a contender's browser, traced from before the navigation
 * until the contender's first pass is done (or a fixed window has passed, for a page that keeps
 * changing; or the load has settled, with no extension), then all the JavaScript on the page's
 * main thread read from the trace.
 */
import type { Browser } from 'puppeteer-core';
import { startTracing } from './read-trace';
import { watchSentinel } from './sentinel-done';
import { attributeTrace, type Attribution } from './trace-attribution';

/**
 * Trace categories, and what the attribution reads in each: tasks and script events
 * (`devtools.timeline` and its disabled-by-default part: RunTask, FrameCommittedInBrowser),
 * microtask checkpoints (`v8.execute`), calls into JavaScript from C++ and GC steps (`v8`),
 * the content script's injection with its world (`extensions`), and Blink's C++ microtasks
 * (`renderer.scheduler`). Nothing more: a large page's trace is megabytes, and reading it back
 * takes time.
 */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'extensions',
  'renderer.scheduler',
];

/** Time left after the first pass (or the load) for trailing work: a message, observers, GC. */
const SETTLE_MS = 500;
/** The slowest contender on the largest page stays well under this. */
const TIMEOUT_MS = 180_000;

export interface PageRun extends Attribution {
  /** From the navigation to the end of the trace, in ms. */
  readonly wallMs: number;
  /** Names the contender reported finding (Backstory's `backstory:scan` mentions, mark.js's marks). */
  readonly found: number | null;
  /** The trace's size as Chromium wrote it, in bytes (mark.js on War and Peace: past V8's longest string). */
  readonly traceBytes: number;
}

export interface TraceTarget {
  readonly browser: Browser;
  /** The User Timing entry that says the contender's first pass is done (none: no extension). */
  readonly doneEntry?: string;
  /**
   * Backstory: where its sentinel finds no candidate, `doneEntry` is never recorded, and the
   * sentinel's own world says when it is done (./sentinel-done.ts).
   */
  readonly sentinel?: boolean;
  /** Where to write the whole trace (for fixtures: scripts/bench/trim-trace.ts). */
  readonly keepTrace?: string;
}

/** Loads `url` in a new tab of the target's browser, traced, and reads its main thread's JavaScript. */
export async function tracePage(target: TraceTarget, url: string, windowMs?: number): Promise<PageRun> {
  const tab = await target.browser.newPage();
  try {
    const tracing = await startTracing(tab, TRACE_CATEGORIES);
    const started = performance.now();
    await tab.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    let found: number | null = null;
    if (windowMs !== undefined) {
      await sleep(windowMs);
    } else if (target.doneEntry && target.sentinel) {
      const watch = await watchSentinel(tab, target.doneEntry);
      try {
        found = await watch.done(TIMEOUT_MS);
      } finally {
        await watch.detach();
      }
      await sleep(SETTLE_MS);
    } else if (target.doneEntry) {
      const entry = target.doneEntry;
      await tab.waitForFunction(
        (name) => performance.getEntriesByName(name).length > 0,
        {
          polling: 100,
          timeout: TIMEOUT_MS,
        },
        entry,
      );
      found = await tab.evaluate((name) => {
        const detail = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
        const { mentions, marks } = (detail?.detail ?? {}) as { mentions?: unknown; marks?: unknown };
        const count = mentions ?? marks;
        return typeof count === 'number' ? count : null;
      }, entry);
      await sleep(SETTLE_MS);
    } else {
      await sleep(SETTLE_MS);
    }
    const { events, bytes } = await tracing.stop(target.keepTrace);
    const wallMs = performance.now() - started;
    return { ...attributeTrace(events, url), wallMs, found, traceBytes: bytes };
  } finally {
    await tab.close().catch(() => undefined);
  }
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
