// The benchmark's reading of a DevTools trace: how much JavaScript ran on the page's main thread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeTrace, union, type TraceEvent } from '../../scripts/bench/trace-attribution';
import { findPageThread } from '../../scripts/bench/trace-threads';

const PID = 1;
const MAIN = 10;
const URL = 'http://127.0.0.1/page.html';

/** A trimmed real trace of Chromium 156 (scripts/bench/trim-trace.ts made them from bench runs). */
const fixture = (name: string): TraceEvent[] =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/traces', `${name}.json`), 'utf8')) as {
      traceEvents: TraceEvent[];
    }
  ).traceEvents;

const metadata: TraceEvent[] = [
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 2, tid: 20, args: { name: 'CrRendererMain' } },
  {
    name: 'FrameCommittedInBrowser',
    cat: 'disabled-by-default-devtools.timeline',
    ph: 'I',
    ts: 0,
    pid: 99,
    tid: 99,
    args: { data: { url: URL, processId: PID, isOutermostMainFrame: true } },
  },
];

/** A complete event, times in ms (the trace's are µs), on the page's main thread unless told. */
const event = (name: string, start: number, dur: number, cat = 'devtools.timeline', pid = PID): TraceEvent => ({
  name,
  cat,
  ph: 'X',
  ts: start * 1000,
  dur: dur * 1000,
  pid,
  tid: pid === PID ? MAIN : 20,
});

describe('attributeTrace on real traces (page scripts off)', () => {
  it('finds no JavaScript on a page without any extension: the baseline is near zero', () => {
    // The seed page: Blink's own C++ microtasks (an image fetch) run at a checkpoint; the
    // checkpoint's own bookkeeping around them is all that is left.
    const seed = attributeTrace(fixture('seed-no-extension'));
    expect(seed.jsMs).toBeLessThan(1);
    expect(seed.byKind).toMatchObject({ inject: 0, evaluate: 0, calls: 0, gc: 0 });
    // War and Peace: the garbage collector runs inside layout (DOM and layout objects share
    // V8's heap); that is the page's, paid with no script at all.
    const book = attributeTrace(fixture('war-and-peace-no-extension'));
    expect(book.jsMs).toBe(0);
    expect(book.renderMs).toBeGreaterThan(500);
  });

  it("counts Backstory's world, compile, evaluation and microtasks on the seed page, each once", () => {
    const run = attributeTrace(fixture('seed-backstory'));
    // Recorded on a loaded machine: ScriptInjection::InjectJs (the isolated world created) took
    // 94 ms of wall-clock time for 7.8 ms of the main thread's CPU; the evaluation task (compile
    // and run content.js) 240 ms for 23 ms; the scan, in microtasks, 36 ms of CPU.
    expect(run.byKind.inject).toBeCloseTo(7.779, 2);
    expect(run.byKind.evaluate).toBeCloseTo(23.247, 2);
    expect(run.byKind.microtasks).toBeCloseTo(36.163, 2);
    expect(run.jsMs).toBeCloseTo(67.674, 2);
    const parts = Object.values(run.byKind).reduce((sum, ms) => sum + ms, 0);
    expect(run.jsMs).toBeCloseTo(parts, 6);
    expect(run.jsWallMs).toBeCloseTo(411.635, 2);
    expect(run.longestStretchMs).toBeCloseTo(29.797, 2);
    expect(run.longTasks).toBe(0);
    expect(run.jsTasks).toBe(8);
  });

  it('counts a garbage collection that runs inside our microtasks', () => {
    // An 80 ms scavenge (MinorGC) inside the checkpoint that resumed our scan on War and Peace,
    // mostly spent waiting for its helper threads on a loaded machine: 4.3 ms of CPU in 93 ms.
    const run = attributeTrace(fixture('war-and-peace-backstory-gc'));
    expect(run.byKind.microtasks).toBeCloseTo(4.343, 2);
    expect(run.jsWallMs).toBeCloseTo(93.026, 2);
    expect(run.longestStretchWallMs).toBeCloseTo(93.026, 2);
    expect(run.jsTasks).toBe(1);
  });

  it("counts a MutationObserver's callback, run by a C++ microtask, and the page's own timers", () => {
    const run = attributeTrace(fixture('changing-page-observer'));
    expect(run.byKind.calls).toBeCloseTo(1.271, 2);
    expect(run.jsWallMs).toBeCloseTo(4.215, 2);
    expect(run.byKind.microtasks).toBeLessThan(0.05);
    expect(run.jsTasks).toBe(3);
  });
});

describe('attributeTrace rules', () => {
  it('counts CPU time where the trace has it, and wall-clock time apart', () => {
    const trace = [
      ...metadata,
      event('RunTask', 0, 60, 'disabled-by-default-devtools.timeline'),
      { ...event('EvaluateScript', 10, 40), tdur: 12_000 },
    ];
    expect(attributeTrace(trace, URL)).toMatchObject({ jsMs: 12, jsWallMs: 40, longestStretchMs: 12 });
  });

  it('counts nested JavaScript events once, at the outermost', () => {
    const trace = [
      ...metadata,
      event('RunTask', 0, 60, 'disabled-by-default-devtools.timeline'),
      event('ScriptInjection::InjectJs', 1, 5, 'extensions'),
      event('EvaluateScript', 10, 40),
      event('v8.compile', 10, 10),
      event('MinorGC', 30, 5),
      event('RunTask', 100, 10, 'disabled-by-default-devtools.timeline'),
      event('FunctionCall', 101, 4),
      event('FunctionCall', 102, 2),
    ];
    expect(attributeTrace(trace, URL)).toMatchObject({
      jsMs: 49,
      longestStretchMs: 45,
      jsTasks: 2,
      longTasks: 0,
      byKind: { inject: 5, evaluate: 40, microtasks: 0, calls: 4, gc: 0 },
    });
  });

  it("counts a microtask checkpoint less Blink's C++ microtasks, with the JavaScript those call", () => {
    const trace = [
      ...metadata,
      event('RunTask', 0, 20, 'disabled-by-default-devtools.timeline'),
      event('RunMicrotasks', 0, 20, 'v8.execute'),
      event('RunPendingMicrotask', 2, 6, 'renderer.scheduler'),
      event('FunctionCall', 3, 1),
      event('RunPendingMicrotask', 12, 8, 'renderer.scheduler'),
    ];
    // 0–2 and 8–12 are promise reactions; 3–4 an observer's callback.
    expect(attributeTrace(trace, URL).byKind).toMatchObject({ microtasks: 6, calls: 1 });
    expect(attributeTrace(trace, URL).jsMs).toBe(7);
  });

  it('counts a GC in a task of its own, not one inside parsing or layout', () => {
    const trace = [
      ...metadata,
      event('RunTask', 0, 20, 'disabled-by-default-devtools.timeline'),
      event('ThreadControllerImpl::RunTask', 0, 20, 'toplevel'),
      event('V8.GCIncrementalMarking', 1, 3, 'v8'),
      event('RunTask', 30, 20, 'disabled-by-default-devtools.timeline'),
      event('Layout', 30, 20),
      event('V8.GCIncrementalMarking', 31, 7, 'v8'),
    ];
    expect(attributeTrace(trace, URL)).toMatchObject({ jsMs: 3, byKind: { gc: 3 } });
  });

  it("reads only the page's main thread, and says when the trace names none", () => {
    const trace = [...metadata, event('EvaluateScript', 0, 30, 'devtools.timeline', 2), event('FunctionCall', 0, 1)];
    expect(attributeTrace(trace, URL).jsMs).toBe(1);
    expect(() => attributeTrace(trace, 'http://127.0.0.1/other.html')).toThrow(/no renderer main thread/);
  });

  it('counts style, layout and paint apart, once', () => {
    const trace = [
      ...metadata,
      event('Layout', 0, 3),
      event('UpdateLayoutTree', 7, 2),
      event('Paint', 10, 2),
      event('Paint', 10.5, 1),
    ];
    expect(attributeTrace(trace, URL)).toMatchObject({ jsMs: 0, renderMs: 7 });
  });
});

describe('findPageThread', () => {
  it('takes the renderer that committed the page last, not about:blank', () => {
    const started: TraceEvent = {
      name: 'TracingStartedInBrowser',
      cat: 'disabled-by-default-devtools.timeline',
      ph: 'I',
      ts: 0,
      pid: 99,
      tid: 99,
      args: { data: { frames: [{ url: 'about:blank', processId: 2, isOutermostMainFrame: true }] } },
    };
    expect(findPageThread([started, ...metadata])).toEqual({ pid: PID, tid: MAIN });
    expect(findPageThread([started, ...metadata], URL)).toEqual({ pid: PID, tid: MAIN });
    expect(findPageThread([started, metadata[1]!])).toBeUndefined();
  });
});

describe('union', () => {
  it('merges overlapping and touching intervals, and keeps the others apart', () => {
    expect(
      union([
        [5, 8],
        [0, 2],
        [1, 3],
        [3, 4],
        [10, 11],
      ]),
    ).toEqual([
      [0, 4],
      [5, 8],
      [10, 11],
    ]);
  });
});
