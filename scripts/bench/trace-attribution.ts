/**
 * Reads a Chromium DevTools trace and tells how much of the page's main thread one extension's
 * code took. Pure: trace events in, numbers out, so it is tested without a browser.
 *
 * What counts as ours, on the renderer main thread running the page:
 * - every complete event whose script URL (`args.data.url`, `args.fileName`) is the extension's:
 *   EvaluateScript, v8.compile, v8.run, FunctionCall (listeners, timers, observers, frames)… with
 *   whatever runs nested in them (GC, forced layout, microtasks they drain);
 * - a microtask checkpoint (`RunMicrotasks`) whose JavaScript, as the V8 sampling profiler saw
 *   it, is ours: an `async` function resumed after an `await` runs there, with no URL on any
 *   event, and that is where most of a sliced scan runs;
 * - any other profiler sample with our script on its stack, for its sampling interval.
 * The union of these intervals is our time, so nested events are never counted twice.
 */

/** One event of Chromium's JSON trace format (times in microseconds). */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

/** What one extension cost a page, in milliseconds. */
export interface Attribution {
  /** Main-thread time of the extension's code: the union of its intervals. */
  readonly scriptMs: number;
  /** The most of it that ran in one task of the main thread. */
  readonly longestTaskMs: number;
  /** Tasks in which it ran for 50 ms or more (each one a long task the user may feel). */
  readonly longTasks: number;
  /**
   * Style, layout and paint on the page's main thread over the whole trace: not attributable to
   * a script, but what the extension adds (its style sheet's rules, its highlights, a peer's DOM
   * changes) shows against the floor, which adds none.
   */
  readonly renderMs: number;
  /** How many trace events carried the extension's script URL. */
  readonly events: number;
}

/** A task this long blocks input noticeably (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Main-thread events that are the page being rendered (not run by any script). */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

type Interval = readonly [start: number, end: number];

/**
 * Attributes the main-thread time of the code served from `origin` (`chrome-extension://<id>/`).
 * Throws when no event carries the origin: the extension did not run on the page.
 */
export function attributeTrace(events: readonly TraceEvent[], origin: string): Attribution {
  const isOurs = (url: unknown) => typeof url === 'string' && url.startsWith(origin);
  const own = events.filter((e) => e.ph === 'X' && isOurs(scriptUrl(e)));
  const thread = pageThread(events, own);
  if (!thread) throw new Error(`No trace event of a page's main thread carries ${origin}: the extension did not run`);
  const onMain = (e: TraceEvent) => e.pid === thread.pid && e.tid === thread.tid;
  const main = events.filter((e) => e.ph === 'X' && e.dur !== undefined && onMain(e));
  const ownOnMain = own.filter(onMain);

  const intervals: Interval[] = ownOnMain.map(span);
  const samples = profileSamples(events, thread.pid, thread.tid, isOurs);
  const times = samples.map((s) => s.ts);
  for (const checkpoint of main.filter((e) => e.name === 'RunMicrotasks')) {
    const [start, end] = span(checkpoint);
    const inside = samples.slice(firstAtOrAfter(times, start), firstAtOrAfter(times, end));
    const ours = inside.filter((s) => s.owner === 'ours').length;
    if (ours > 0 && ours >= inside.filter((s) => s.owner === 'other').length) intervals.push([start, end]);
  }
  const covered = union(intervals);
  const starts = covered.map(([start]) => start);
  for (const sample of samples) {
    const before = covered[firstAtOrAfter(starts, sample.ts + 1) - 1];
    const isCovered = before !== undefined && sample.ts < before[1];
    if (sample.owner === 'ours' && !isCovered) intervals.push([sample.ts, sample.ts + sample.dur]);
  }
  const ours = union(intervals);

  const tasks = main.filter((e) => e.name === 'RunTask').map(span);
  const perTask = tasks.length > 0 ? tasks.map((task) => overlap(ours, task)) : ours.map(([s, e]) => e - s);
  const rendering = union(main.filter((e) => RENDERING.has(e.name)).map(span));
  return {
    scriptMs: total(ours) / 1000,
    longestTaskMs: Math.max(0, ...perTask) / 1000,
    longTasks: perTask.filter((us) => us >= LONG_TASK_MS * 1000).length,
    renderMs: total(rendering) / 1000,
    events: ownOnMain.length,
  };
}

/**
 * Style, layout and paint over the whole trace on the renderer main thread that did the most of
 * it (the traced page's), in milliseconds.
 */
export function renderTime(events: readonly TraceEvent[]): number {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !RENDERING.has(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  return Math.max(0, ...[...byThread.values()].map((thread) => total(union(thread.map(span))) / 1000));
}

/** The renderer main thread (`CrRendererMain`) where most of the extension's events ran. */
function pageThread(
  events: readonly TraceEvent[],
  own: readonly TraceEvent[],
): { pid: number; tid: number } | undefined {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const counts = new Map<string, number>();
  for (const e of own) {
    const key = `${e.pid}:${e.tid}`;
    if (mainThreads.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!busiest) return undefined;
  const [pid, tid] = busiest.split(':').map(Number);
  return { pid: pid ?? 0, tid: tid ?? 0 };
}

/** The script an event ran, where the trace says. */
function scriptUrl(event: TraceEvent): unknown {
  const args = event.args ?? {};
  return (args['data'] as { url?: unknown } | undefined)?.url ?? args['fileName'];
}

const span = (e: TraceEvent): Interval => [e.ts, e.ts + (e.dur ?? 0)];

interface Sample {
  readonly ts: number;
  /** Until the next sample, at most twice the usual interval (a gap means the thread slept). */
  readonly dur: number;
  /** Whose JavaScript is on the stack: ours, someone else's, or none (idle, GC, the engine). */
  readonly owner: 'ours' | 'other' | 'none';
}

interface ProfileNode {
  readonly id: number;
  readonly parent?: number;
  readonly callFrame: { readonly url?: string };
}

interface ProfileChunk {
  readonly cpuProfile?: { readonly nodes?: readonly ProfileNode[]; readonly samples?: readonly number[] };
  readonly timeDeltas?: readonly number[];
}

/** The V8 sampling profiler's samples for one thread (category disabled-by-default-v8.cpu_profiler). */
function profileSamples(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  isOurs: (url: unknown) => boolean,
): Sample[] {
  const samples: { ts: number; owner: Sample['owner'] }[] = [];
  for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)) {
    let ts = (profile.args?.['data'] as { startTime?: number } | undefined)?.startTime ?? profile.ts;
    const owners = new Map<number, Sample['owner']>();
    const chunks = events
      .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)
      .sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) {
      const data = (chunk.args?.['data'] ?? {}) as ProfileChunk;
      for (const node of data.cpuProfile?.nodes ?? []) {
        const url = node.callFrame.url;
        const inherited = node.parent === undefined ? 'none' : (owners.get(node.parent) ?? 'none');
        owners.set(node.id, inherited !== 'none' ? inherited : isOurs(url) ? 'ours' : url ? 'other' : 'none');
      }
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      ids.forEach((id, i) => {
        ts += deltas[i] ?? 0;
        samples.push({ ts, owner: owners.get(id) ?? 'none' });
      });
    }
  }
  samples.sort((a, b) => a.ts - b.ts);
  const gaps = samples.slice(1).map((s, i) => s.ts - (samples[i]?.ts ?? s.ts));
  const usual = [...gaps].sort((a, b) => a - b)[gaps.length >> 1] ?? 0;
  return samples.map((s, i) => ({ ...s, dur: Math.min(gaps[i] ?? usual, 2 * usual) }));
}

/** Sorted, non-overlapping intervals covering exactly the given ones. */
export function union(intervals: readonly Interval[]): Interval[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const total = (intervals: readonly Interval[]) => intervals.reduce((sum, [start, end]) => sum + end - start, 0);

function overlap(intervals: readonly Interval[], [from, to]: Interval): number {
  let sum = 0;
  for (const [start, end] of intervals) sum += Math.max(0, Math.min(end, to) - Math.max(start, from));
  return sum;
}

/** Index of the first of the sorted `values` at or after `value` (binary search). */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
