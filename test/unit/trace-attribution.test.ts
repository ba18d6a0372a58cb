// The benchmark's reading of a DevTools trace: whose main-thread time is whose.
import { describe, expect, it } from 'vitest';
import { attributeTrace, union, type TraceEvent } from '../../scripts/bench/trace-attribution';

const OURS = 'chrome-extension://abc/';
const PID = 1;
const MAIN = 10;
const PROFILER = 11;

const thread = (tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  cat: '__metadata',
  ph: 'M',
  ts: 0,
  pid: PID,
  tid,
  args: { name },
});

/** A complete event on the main thread, times in ms (the trace's are µs). */
const event = (name: string, start: number, dur: number, url?: string, tid = MAIN): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts: start * 1000,
  dur: dur * 1000,
  pid: PID,
  tid,
  ...(url && { args: { data: { url } } }),
});

/** A sampling profile of the main thread: one sample every 0.2 ms from `start`, whose stack is `owners[i]`. */
function profile(start: number, owners: readonly ('ours' | 'page' | 'idle')[]): TraceEvent[] {
  const nodes = [
    { id: 1, callFrame: { url: '' } },
    { id: 2, parent: 1, callFrame: { url: `${OURS}content.js` } },
    { id: 3, parent: 1, callFrame: { url: 'http://page/app.js' } },
    { id: 4, parent: 2, callFrame: { url: '' } },
  ];
  const ids = owners.map((owner) => (owner === 'ours' ? 4 : owner === 'page' ? 3 : 1));
  return [
    {
      name: 'Profile',
      cat: 'v8',
      ph: 'P',
      ts: start * 1000,
      pid: PID,
      tid: MAIN,
      id: '0x1',
      args: { data: { startTime: start * 1000 } },
    },
    {
      name: 'ProfileChunk',
      cat: 'v8',
      ph: 'P',
      ts: start * 1000 + 1,
      pid: PID,
      tid: PROFILER,
      id: '0x1',
      args: { data: { cpuProfile: { nodes, samples: ids }, timeDeltas: ids.map((_, i) => (i === 0 ? 0 : 200)) } },
    },
  ];
}

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

describe('attributeTrace', () => {
  const metadata = [thread(MAIN, 'CrRendererMain'), thread(20, 'ServiceWorker thread')];

  it('counts the events carrying our script URL once, nested ones included, task by task', () => {
    const trace = [
      ...metadata,
      event('RunTask', 0, 60),
      event('EvaluateScript', 1, 50, `${OURS}content.js`),
      event('v8.compile', 2, 5, `${OURS}content.js`),
      event('RunTask', 100, 10),
      event('FunctionCall', 101, 4, `${OURS}content.js`),
      event('FunctionCall', 106, 2, 'http://page/app.js'),
      // The service worker's own scripts are not the page's main thread.
      event('EvaluateScript', 0, 30, `${OURS}background.js`, 20),
    ];
    expect(attributeTrace(trace, OURS)).toMatchObject({ scriptMs: 54, longestTaskMs: 50, longTasks: 1, events: 3 });
  });

  it('counts a microtask checkpoint whose JavaScript was ours, as the profiler sampled it', () => {
    const trace = [
      ...metadata,
      event('RunTask', 0, 10),
      event('RunMicrotasks', 0, 10),
      event('FunctionCall', 0, 0.5, `${OURS}content.js`),
      event('RunTask', 20, 10),
      event('RunMicrotasks', 20, 10),
      ...profile(0, [
        ...Array<'ours'>(50).fill('ours'),
        ...Array<'idle'>(50).fill('idle'),
        ...Array<'page'>(50).fill('page'),
      ]),
    ];
    const { scriptMs, longestTaskMs } = attributeTrace(trace, OURS);
    expect(scriptMs).toBeCloseTo(10);
    expect(longestTaskMs).toBeCloseTo(10);
  });

  it('adds samples of ours found outside any event it knows, for their interval', () => {
    const trace = [
      ...metadata,
      event('FunctionCall', 0, 0.1, `${OURS}content.js`),
      ...profile(50, ['idle', 'ours', 'ours', 'idle', 'idle']),
    ];
    expect(attributeTrace(trace, OURS).scriptMs).toBeCloseTo(0.1 + 0.4);
  });

  it('counts style, layout and paint over the whole trace, once', () => {
    const trace = [
      ...metadata,
      event('Layout', 0, 3),
      event('EvaluateScript', 5, 1, `${OURS}content.js`),
      event('UpdateLayoutTree', 7, 2),
      event('Paint', 10, 2),
      event('Paint', 10.5, 1),
    ];
    expect(attributeTrace(trace, OURS).renderMs).toBeCloseTo(7);
  });

  it('says so when the extension never ran on the page', () => {
    expect(() => attributeTrace([...metadata, event('RunTask', 0, 1)], OURS)).toThrow(/did not run/);
  });
});
