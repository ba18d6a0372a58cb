import { describe, expect, it } from 'vitest';
import { allMentions, locateMention, type FrameMentions } from '../../src/popup/tab-summary';

const mention = (entityId: string, name: string) => ({
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

  it('finds the frame of the n-th mention of a company, and its index there', () => {
    expect(locateMention(frames, 'oracle', 0)).toEqual({ frameId: 0, index: 0 });
    expect(locateMention(frames, 'oracle', 1)).toEqual({ frameId: 8, index: 0 });
    expect(locateMention(frames, 'oracle', 2)).toEqual({ frameId: 8, index: 1 });
    expect(locateMention(frames, 'tiktok', 1)).toEqual({ frameId: 8, index: 0 });
    expect(locateMention(frames, 'oracle', 3)).toBeUndefined();
  });
});
