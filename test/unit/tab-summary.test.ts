import { describe, expect, it } from 'vitest';
import { allMentions, type FrameMentions } from '../../src/popup/tab-summary';

let ids = 0;
const mention = (entityId: string, name: string) => ({
  mentionId: ++ids,
  entityId,
  snippet: { before: '', name, after: '' },
});

const frames: FrameMentions[] = [
  { frameId: 0, mentions: [mention('tiktok', 'TikTok'), mention('oracle', 'Oracle')] },
  { frameId: 5, mentions: [] },
  { frameId: 8, mentions: [mention('oracle', 'Oracle'), mention('tiktok', 'TikTok'), mention('oracle', 'Oracle')] },
];

describe('the popup’s list over a tab’s frames', () => {
  it('lists the top document’s mentions first, then each frame’s', () => {
    expect(allMentions(frames).map((m) => m.entityId)).toEqual(['tiktok', 'oracle', 'oracle', 'tiktok', 'oracle']);
  });

  it('names each mention by its frame and its id there, not by its place in a list', () => {
    expect(allMentions(frames).map(({ frameId, mentionId }) => [frameId, mentionId])).toEqual([
      [0, 1],
      [0, 2],
      [8, 3],
      [8, 4],
      [8, 5],
    ]);
  });
});
