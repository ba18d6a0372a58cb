/**
 * Cuts a small fixture out of a real Chromium trace for the attribution's unit tests
 * (test/fixtures/traces): the page's main thread only, the tasks that start in a window, events
 * shorter than a threshold left out unless they matter to the attribution, and arguments cut to
 * what it reads. Checks that the fixture attributes exactly as that window of the whole trace does.
 *
 *   node scripts/run-ts.mjs scripts/bench/trim-trace.ts TRACE OUT --from MS --to MS [--min-us N]
 *
 * MS are milliseconds from the first event of the page's main thread (bench traces are written
 * by `npm run bench -- --keep-traces DIR`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { attributeTrace, type TraceEvent } from './trace-attribution';
import { findPageThread } from './trace-threads';

/** Events the attribution reads at any length (JavaScript, Blink's C++ microtasks, tasks, rendering). */
const KEEP =
  /^(?:UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|UpdateLayer|RunTask|RunMicrotasks|RunPendingMicrotask|ScriptInjection::InjectJs|EvaluateScript|v8\.|FunctionCall|TimerFire|Fire|MinorGC|MajorGC|V8\.GC)/u;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, to: { type: 'string' }, 'min-us': { type: 'string', default: '20' } },
});
const [input, output] = positionals;
if (!input || !output || values.from === undefined || values.to === undefined) {
  throw new Error('Usage: trim-trace.ts TRACE OUT --from MS --to MS [--min-us N]');
}
const parsed = JSON.parse(await readFile(input, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
const thread = findPageThread(events);
if (!thread) throw new Error(`${input}: no page main thread`);
const main = events
  .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid)
  .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
const origin = main[0]?.ts ?? 0;
const from = origin + Number(values.from) * 1000;
const to = origin + Number(values.to) * 1000;

// Whole top-level events that start in the window, with everything inside them.
const kept: TraceEvent[] = [];
let rootEnd = -Infinity;
let inWindow = false;
for (const event of main) {
  if (event.ts >= rootEnd) {
    rootEnd = event.ts + (event.dur ?? 0);
    inWindow = event.ts >= from && event.ts < to;
  }
  if (inWindow) kept.push(event);
}
const minUs = Number(values['min-us']);
const frameEvents = events.filter((e) => e.name === 'FrameCommittedInBrowser' || e.name === 'TracingStartedInBrowser');
const threadName = events.filter(
  (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === thread.pid && e.tid === thread.tid,
);
const slim = (e: TraceEvent): TraceEvent => {
  const data = e.args?.['data'] as { url?: unknown; functionName?: unknown } | undefined;
  const rest = { ...e };
  delete rest.args;
  return data?.url ? { ...rest, args: { data: { url: data.url, functionName: data.functionName } } } : rest;
};
const fixture = [
  ...threadName,
  ...frameEvents,
  ...kept.filter((e) => KEEP.test(e.name) || (e.dur ?? 0) >= minUs).map(slim),
];

const window = [...threadName, ...frameEvents, ...kept];
const expected = JSON.stringify(attributeTrace(window));
const actual = JSON.stringify(attributeTrace(fixture));
if (expected !== actual) throw new Error(`The fixture attributes differently:\n${actual}\nnot\n${expected}`);
await writeFile(output, `${JSON.stringify({ traceEvents: fixture })}\n`);
console.log(`${output}: ${fixture.length} events of ${events.length}; ${actual}`);
