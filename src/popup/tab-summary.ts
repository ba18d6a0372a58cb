import type { MentionSummary, TabMention } from '../shared/messages';

/** The mentions one frame of the tab answered with. */
export interface FrameMentions {
  readonly frameId: number;
  readonly mentions: readonly MentionSummary[];
}

/**
 * Every frame's mentions as one list: the top document's first, then each frame's in turn, each
 * carrying its frame, so the popup reveals it by id, however the page changed meanwhile.
 */
export function allMentions(frames: readonly FrameMentions[]): TabMention[] {
  return frames.flatMap(({ frameId, mentions }) => mentions.map((mention) => ({ ...mention, frameId })));
}
