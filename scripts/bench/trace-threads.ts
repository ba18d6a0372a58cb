/**
 * Which thread of a Chromium trace is the traced page's main thread. A tab's trace holds every
 * process of the browser (the extension's service worker, other tabs' renderers); the browser
 * process says which renderer committed the page (`FrameCommittedInBrowser`, or the frames listed
 * in `TracingStartedInBrowser`), and that renderer's `CrRendererMain` is the page's main thread.
 */
import type { TraceEvent } from './trace-attribution';

export interface PageThread {
  readonly pid: number;
  readonly tid: number;
}

interface FrameData {
  readonly url?: string;
  readonly processId?: number;
  readonly isOutermostMainFrame?: boolean;
}

/**
 * The main thread of the renderer that last committed `url` in an outermost main frame (any URL
 * but about:blank when none is given), or undefined when the trace does not say.
 */
export function findPageThread(events: readonly TraceEvent[], url?: string): PageThread | undefined {
  const frames: FrameData[] = [];
  for (const event of events) {
    const data = event.args?.['data'] as { frames?: FrameData[] } & FrameData;
    if (event.name === 'TracingStartedInBrowser') frames.push(...(data.frames ?? []));
    else if (event.name === 'FrameCommittedInBrowser') frames.push(data);
  }
  const wanted = (frame: FrameData) =>
    frame.isOutermostMainFrame !== false && (url ? frame.url === url : frame.url !== 'about:blank');
  const pid = frames.filter(wanted).at(-1)?.processId;
  if (pid === undefined) return undefined;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.['name'] === 'CrRendererMain',
  );
  return main ? { pid, tid: main.tid } : undefined;
}
