/**
 * Reads a Chromium DevTools trace of one page load and tells how much JavaScript ran on the page's
 * main thread. Pure: trace events in, numbers out, so it is tested without a browser, on trimmed
 * real traces (test/fixtures/traces).
 *
 * The bench serves its pages with their own scripts off, so every bit of JavaScript on the page's
 * main thread is the extension's: counting all of it catches what events tagged with the
 * extension's URL miss (creating the content script's world, compiling, the microtasks that run
 * an `async` function after each `await`, GC). What counts, read from Chromium 156's traces:
 *
 * - a JavaScript event, whole, with everything nested in it: `ScriptInjection::InjectJs` (the
 *   isolated world created, the script compiled and evaluated), `EvaluateScript`, `v8.compile`,
 *   `v8.run`, `FunctionCall` and `v8.callFunction` (listeners, observers, extension API
 *   callbacks), `TimerFire`, `FireAnimationFrame`, `FireIdleCallback`, and V8's garbage
 *   collector (`MinorGC`, `MajorGC`, `V8.GC…`), which a page with scripts off also pays for its
 *   DOM (hence the bench's run with no extension at all);
 * - a microtask checkpoint (`RunMicrotasks`), where a promise's reactions run with no event of
 *   their own, except Blink's own C++ microtasks (`RunPendingMicrotask`: an image fetch, say),
 *   of which only the JavaScript events nested inside count (a MutationObserver's callback).
 *
 * An event is counted at its outermost JavaScript ancestor, so nested events are never counted
 * twice, in the main thread's CPU time (the event's `tdur`): on a machine whose CPU is shared a
 * task's wall-clock time holds the time other processes had the core (a 240 ms evaluation was
 * 23 ms of CPU at a load average of 25 on 2 cores); the wall-clock figures are kept beside. Not counted: the page's own world created at commit, parsing, style, layout and paint
 * (reported apart, as render time), DevTools' own interrupts (`V8.InvokeApiInterruptCallbacks`
 * outside any script).
 */
import { findPageThread, type PageThread } from './trace-threads';

/** One event of Chromium's JSON trace format (times in microseconds). */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) duration, where the category records it. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

/** What the main thread's JavaScript was doing, by its outermost event. */
export type JsKind = 'inject' | 'evaluate' | 'microtasks' | 'calls' | 'gc';
export const JS_KINDS: readonly JsKind[] = ['inject', 'evaluate', 'microtasks', 'calls', 'gc'];

/** The page's main-thread JavaScript in one trace, in milliseconds. */
export interface Attribution {
  /**
   * All of it, in main-thread CPU time (each event's thread duration, `tdur`): what the script
   * cost, whatever else the machine was doing. On an idle machine it is the wall-clock time.
   */
  readonly jsMs: number;
  /** The same in wall-clock time (the union of the intervals): inflated when the CPU is shared. */
  readonly jsWallMs: number;
  /** The most of it (CPU) in one task of the main thread: the longest the page could not answer. */
  readonly longestStretchMs: number;
  /** The same task's JavaScript in wall-clock time. */
  readonly longestStretchWallMs: number;
  /** Tasks with 50 ms or more of it (CPU; each a long task the user may feel). */
  readonly longTasks: number;
  /** Tasks with any of it. */
  readonly jsTasks: number;
  /** `jsMs` by the kind of its outermost event. */
  readonly byKind: Readonly<Record<JsKind, number>>;
  /**
   * Style, layout and paint on the page's main thread over the whole trace (CPU, outside any
   * script: a layout our script forces is ours): not JavaScript, but what an extension adds (its
   * style sheet's rules, its highlights, a peer's DOM changes) shows against a run without it.
   */
  readonly renderMs: number;
}

/** A task this long blocks input noticeably (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Events that are JavaScript running, with what they are. */
const JS_EVENTS: ReadonlyMap<string, JsKind> = new Map([
  ['ScriptInjection::InjectJs', 'inject'],
  ['EvaluateScript', 'evaluate'],
  ['v8.compile', 'evaluate'],
  ['v8.compileModule', 'evaluate'],
  ['v8.evaluateModule', 'evaluate'],
  ['v8.run', 'evaluate'],
  ['FunctionCall', 'calls'],
  ['v8.callFunction', 'calls'],
  ['TimerFire', 'calls'],
  ['FireAnimationFrame', 'calls'],
  ['FireIdleCallback', 'calls'],
  ['RunMicrotasks', 'microtasks'],
]);
const GC = /^(?:MinorGC|MajorGC|V8\.GC)/u;
/** A C++ closure run at a microtask checkpoint: only the JavaScript it calls counts. */
const NATIVE_MICROTASK = 'RunPendingMicrotask';
/**
 * Categories of the events that only schedule work: a GC met below them ran in a task of its own
 * (idle time, a scheduled marking step). A GC met below any other work (parsing, style, layout:
 * Blink's DOM and layout objects live in the same heap) is the page's, paid with no script too.
 */
const SCHEDULING_CATEGORIES = new Set(['toplevel', 'base', 'renderer.scheduler', 'sequence_manager', 'mojom']);
/** The scheduler's task: the unit of "the page could not answer meanwhile". */
const TASK = 'RunTask';

/** Main-thread events that are the page being rendered (not run by any script). */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

type Interval = readonly [start: number, end: number];

interface Node {
  readonly event: TraceEvent;
  readonly end: number;
  readonly children: Node[];
}

interface Slice {
  readonly start: number;
  readonly end: number;
  readonly kind: JsKind;
  /** Index of the top-level task it ran in (or of its own root event outside any task). */
  readonly task: number;
  /** Its main-thread CPU time, in µs. */
  readonly cpu: number;
}

/**
 * The JavaScript on the main thread of the page at `url` (the document the tab committed last;
 * the first outermost frame the trace names when no URL is given).
 */
export function attributeTrace(events: readonly TraceEvent[], url?: string): Attribution {
  const thread = findPageThread(events, url);
  if (!thread) throw new Error(`The trace names no renderer main thread for ${url ?? 'the page'}`);
  const { slices, renderUs } = jsSlices(nest(onThread(events, thread)));
  const perTask = new Map<number, { cpu: number; wall: number }>();
  const byKind = Object.fromEntries(JS_KINDS.map((kind) => [kind, 0])) as Record<JsKind, number>;
  for (const slice of slices) {
    const task = perTask.get(slice.task) ?? { cpu: 0, wall: 0 };
    task.cpu += slice.cpu;
    task.wall += slice.end - slice.start;
    perTask.set(slice.task, task);
    byKind[slice.kind] += slice.cpu / 1000;
  }
  const tasks = [...perTask.values()];
  const longest = tasks.reduce((most, task) => (task.cpu > most.cpu ? task : most), { cpu: 0, wall: 0 });
  return {
    jsMs: slices.reduce((sum, slice) => sum + slice.cpu, 0) / 1000,
    jsWallMs: total(union(slices.map((s) => [s.start, s.end]))) / 1000,
    longestStretchMs: longest.cpu / 1000,
    longestStretchWallMs: longest.wall / 1000,
    longTasks: tasks.filter((task) => task.cpu >= LONG_TASK_MS * 1000).length,
    jsTasks: perTask.size,
    byKind,
    renderMs: renderUs / 1000,
  };
}

/**
 * Style, layout and paint over the whole trace on the renderer main thread that did the most of
 * it (the traced page's), in milliseconds.
 */
export function renderTime(events: readonly TraceEvent[]): number {
  const byThread = new Map<string, Interval[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !RENDERING.has(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), span(e)]);
  }
  return Math.max(0, ...[...byThread.values()].map((thread) => total(union(thread)) / 1000));
}

/** The thread's complete events, in the order a nesting walk wants them (outer before inner). */
function onThread(events: readonly TraceEvent[], { pid, tid }: PageThread): TraceEvent[] {
  return events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.pid === pid && e.tid === tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/** The events as a forest: each event inside the last open one that contains it. */
function nest(sorted: readonly TraceEvent[]): Node[] {
  const roots: Node[] = [];
  const open: Node[] = [];
  for (const event of sorted) {
    const node: Node = { event, end: event.ts + (event.dur ?? 0), children: [] };
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= event.ts) open.pop();
    const parent = open.at(-1);
    // An event that overruns its parent (clock rounding) is still counted, as a sibling.
    if (parent && node.end <= parent.end) parent.children.push(node);
    else roots.push(node);
    open.push(node);
  }
  return roots;
}

/** The JavaScript slices of the forest, each at its outermost JavaScript event; and the render time. */
function jsSlices(roots: readonly Node[]): { slices: Slice[]; renderUs: number } {
  const slices: Slice[] = [];
  let renderUs = 0;
  let tasks = 0;
  const visit = (node: Node, outer: number, inPageWork: boolean) => {
    const { name, ts } = node.event;
    // The innermost task holds the slice; outside any task, its root stands for one.
    const task = name === TASK ? tasks++ : outer;
    const kind = JS_EVENTS.get(name) ?? (GC.test(name) && !inPageWork ? 'gc' : undefined);
    const below = inPageWork || !isScheduling(node.event);
    if (kind === 'microtasks') {
      // The checkpoint, less Blink's C++ microtasks (but with the JavaScript those call). Its
      // CPU time is shared among its pieces by their length.
      const natives = node.children.filter((c) => c.event.name === NATIVE_MICROTASK);
      const cpu = Math.max(0, cpuOf(node.event) - natives.reduce((sum, c) => sum + cpuOf(c.event), 0));
      const pieces: Interval[] = [];
      let from = ts;
      for (const child of natives) {
        if (child.event.ts > from) pieces.push([from, child.event.ts]);
        for (const grandchild of child.children) visit(grandchild, task, below);
        from = Math.max(from, child.end);
      }
      if (node.end > from) pieces.push([from, node.end]);
      const wall = total(pieces);
      for (const [start, end] of pieces) {
        slices.push({ start, end, kind, task, cpu: wall > 0 ? (cpu * (end - start)) / wall : 0 });
      }
    } else if (kind) {
      slices.push({ start: ts, end: node.end, kind, task, cpu: cpuOf(node.event) });
    } else if (RENDERING.has(name)) {
      renderUs += cpuOf(node.event);
    } else {
      for (const child of node.children) visit(child, task, below);
    }
  };
  for (const root of roots) visit(root, root.event.name === TASK ? -1 : tasks++, false);
  return { slices, renderUs };
}

/** An event's main-thread CPU time (its thread duration), or its wall-clock time where the trace has none. */
const cpuOf = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;

/** The scheduler running a task or a message, as opposed to the work it runs. */
const isScheduling = (e: TraceEvent) =>
  e.name === TASK || e.cat.split(',').every((category) => SCHEDULING_CATEGORIES.has(category));

const span = (e: TraceEvent): Interval => [e.ts, e.ts + (e.dur ?? 0)];

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
