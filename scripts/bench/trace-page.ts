/**
 * One measured page load: a new tab in a contender's browser, traced from before the navigation
 * until the contender's first pass is done (or a fixed window has passed, for a page that keeps
 * changing), then the trace read for the contender's main-thread time.
 */
import type { Browser } from 'puppeteer-core';
import { attributeTrace, type Attribution, type TraceEvent } from './trace-attribution';

/**
 * Trace categories: tasks and script events (`devtools.timeline` and its disabled-by-default
 * part, which has RunTask; v8.compile is in both), microtask checkpoints (`v8.execute`), and the
 * sampling profiler, which is what tells whose code a microtask checkpoint ran. Nothing more:
 * a large page's trace is tens of megabytes, and reading it back is most of a run's time.
 */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/** Time left after the first pass for trailing work (a message to the background, observers). */
const SETTLE_MS = 500;
/** The slowest contender on the largest page stays well under this. */
const TIMEOUT_MS = 180_000;

export interface PageRun extends Attribution {
  /** From the navigation to the end of the trace, in ms. */
  readonly wallMs: number;
}

export interface TraceTarget {
  readonly browser: Browser;
  /** Where the contender's scripts come from (`chrome-extension://…`). */
  readonly origin: string;
  /** The User Timing entry that says the contender's first pass is done. */
  readonly doneEntry: string;
}

/** Loads `url` in a new tab of the target's browser, traced, and attributes the contender's time. */
export async function tracePage(target: TraceTarget, url: string, windowMs?: number): Promise<PageRun> {
  const tab = await target.browser.newPage();
  try {
    await tab.tracing.start({ categories: TRACE_CATEGORIES });
    const started = performance.now();
    await tab.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    if (windowMs !== undefined) {
      await sleep(windowMs);
    } else {
      await tab.waitForFunction(
        (name) => performance.getEntriesByName(name).length > 0,
        {
          polling: 100,
          timeout: TIMEOUT_MS,
        },
        target.doneEntry,
      );
      await sleep(SETTLE_MS);
    }
    const trace = await tab.tracing.stop();
    const wallMs = performance.now() - started;
    if (!trace) throw new Error(`No trace for ${url}`);
    const { traceEvents } = JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] };
    return { ...attributeTrace(traceEvents, target.origin), wallMs };
  } finally {
    await tab.close().catch(() => undefined);
  }
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
