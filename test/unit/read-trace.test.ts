/** The bench reads a trace event by event from pieces cut anywhere, never as one string. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceEventSplitter } from '../../scripts/bench/read-trace';

const events = [
  { name: 'RunTask', cat: 'devtools.timeline', ph: 'X', ts: 1, dur: 2, pid: 1, tid: 2, args: {} },
  {
    name: 'a "quoted" {brace} in a string \\',
    cat: 'v8',
    ph: 'B',
    ts: 3,
    pid: 1,
    tid: 2,
    args: { data: { x: [1, { y: '}]' }] } },
  },
  { name: 'é, ünïcode ✓', cat: 'v8', ph: 'E', ts: 4, pid: 1, tid: 2 },
];
const trace = `{"traceEvents":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}],\n"metadata":{"note":"{not an event}"}}`;

describe('TraceEventSplitter', () => {
  it('reads every event of a trace given whole', () => {
    const splitter = new TraceEventSplitter();
    splitter.push(trace);
    expect(splitter.finish()).toEqual(events);
  });

  it('reads the same events however the text is cut', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: trace.length - 1 }), { maxLength: 12 }), (cuts) => {
        const splitter = new TraceEventSplitter();
        const at = [0, ...cuts.sort((a, b) => a - b), trace.length];
        for (let i = 1; i < at.length; i++) splitter.push(trace.slice(at[i - 1], at[i]));
        expect(splitter.finish()).toEqual(events);
      }),
    );
  });

  it('says so when the text is no trace, or ends inside an event', () => {
    const none = new TraceEventSplitter();
    none.push('{"other":[]}');
    expect(() => none.finish()).toThrow(/no "traceEvents"/);
    const cut = new TraceEventSplitter();
    cut.push(trace.slice(0, 40));
    expect(() => cut.finish()).toThrow(/ends inside an event/);
  });
});
