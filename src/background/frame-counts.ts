/**
 * What each frame of a tab last reported, and the tab's total: pure, so the rules on frames that
 * come and go are tested in Node. A frame is told apart from an earlier document in the same frame
 * by its document's `performance.timeOrigin`: no permission (webNavigation, tabs) is needed to know
 * when a tab or a frame navigated.
 */

/** One frame's last report: its mention count, and when its document started. */
export interface FrameReport {
  readonly count: number;
  /** The reporting document's `performance.timeOrigin`. */
  readonly timeOrigin: number;
}

/** A tab's frames by frame id (0 is the top document). */
export type TabFrames = Readonly<Record<number, FrameReport>>;

const TOP = 0;

/**
 * The tab's frames after `frameId` reports. A new top document drops every frame older than it
 * (they belonged to the page the tab left: a child frame never starts before its top document);
 * a report from an older document than the one known (a late message) changes nothing.
 */
export function withReport(frames: TabFrames, frameId: number, report: FrameReport): TabFrames {
  const known = frames[frameId];
  if (known && report.timeOrigin < known.timeOrigin) return frames;
  const top = frames[TOP];
  if (frameId !== TOP && top && report.timeOrigin < top.timeOrigin) return frames;
  if (frameId === TOP && (!top || report.timeOrigin > top.timeOrigin)) {
    const kept = Object.entries(frames).filter(([, frame]) => frame.timeOrigin >= report.timeOrigin);
    return { ...Object.fromEntries(kept), [TOP]: report };
  }
  return { ...frames, [frameId]: report };
}

/** The tab's frames once the document that started at `timeOrigin` left `frameId` (pagehide). */
export function withoutFrame(frames: TabFrames, frameId: number, timeOrigin: number): TabFrames {
  if (frames[frameId]?.timeOrigin !== timeOrigin) return frames;
  return Object.fromEntries(Object.entries(frames).filter(([id]) => Number(id) !== frameId));
}

/** The tab's mention count: every frame's, summed. */
export function tabTotal(frames: TabFrames): number {
  return Object.values(frames).reduce((sum, frame) => sum + frame.count, 0);
}

/** The tab's frame ids, the top document first. */
export function frameIds(frames: TabFrames): number[] {
  return Object.keys(frames)
    .map(Number)
    .sort((a, b) => a - b);
}
