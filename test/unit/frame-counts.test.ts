import { describe, expect, it } from 'vitest';
import { frameIds, tabTotal, withoutFrame, withReport, type TabFrames } from '../../src/background/frame-counts';

/** A tab whose top document started at 1000, with two frames. */
const tab: TabFrames = {
  0: { count: 3, timeOrigin: 1000 },
  7: { count: 2, timeOrigin: 1010 },
  9: { count: 4, timeOrigin: 1020 },
};

describe('a tab’s count over its frames', () => {
  it('sums every frame, and lists the top document first', () => {
    expect(tabTotal(tab)).toBe(9);
    expect(frameIds({ 12: tab[9]!, 0: tab[0]!, 7: tab[7]! })).toEqual([0, 7, 12]);
  });

  it('follows a frame’s new count, and a new document in a frame', () => {
    expect(tabTotal(withReport(tab, 7, { count: 0, timeOrigin: 1010 }))).toBe(7);
    expect(withReport(tab, 7, { count: 5, timeOrigin: 2000 })[7]).toEqual({ count: 5, timeOrigin: 2000 });
  });

  it('ignores a late report from a document a frame has left', () => {
    expect(withReport(tab, 7, { count: 50, timeOrigin: 1005 })).toBe(tab);
  });

  it('drops the frames of the page the tab left when its new top document reports', () => {
    const next = withReport(tab, 0, { count: 1, timeOrigin: 5000 });
    expect(next).toEqual({ 0: { count: 1, timeOrigin: 5000 } });
    // A frame of the new page that reported before its top document is kept.
    const early = withReport(tab, 11, { count: 2, timeOrigin: 5010 });
    expect(withReport(early, 0, { count: 1, timeOrigin: 5000 })).toEqual({
      0: { count: 1, timeOrigin: 5000 },
      11: { count: 2, timeOrigin: 5010 },
    });
  });

  it('ignores a frame older than the top document (a message from the page the tab left)', () => {
    expect(withReport(tab, 11, { count: 6, timeOrigin: 900 })).toBe(tab);
  });

  it('forgets a frame whose document went away, but not a newer document in it', () => {
    expect(tabTotal(withoutFrame(tab, 9, 1020))).toBe(5);
    expect(withoutFrame(tab, 9, 1000)).toBe(tab);
    expect(withoutFrame(tab, 4, 1000)).toBe(tab);
  });
});
