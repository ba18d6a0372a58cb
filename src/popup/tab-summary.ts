import type { EntityId } from '../core/dataset-types';
import type { MentionSummary } from '../shared/messages';

/** The mentions one frame of the tab answered with. */
export interface FrameMentions {
  readonly frameId: number;
  readonly mentions: readonly MentionSummary[];
}

/** Every frame's mentions as one list: the top document's first, then each frame's in turn. */
export function allMentions(frames: readonly FrameMentions[]): MentionSummary[] {
  return frames.flatMap((frame) => frame.mentions);
}

/**
 * Where the `index`-th mention of an entity in `allMentions(frames)` lives: its frame, and its
 * index among that entity's mentions in the frame (what the frame's content script reveals).
 */
export function locateMention(
  frames: readonly FrameMentions[],
  entityId: EntityId,
  index: number,
): { frameId: number; index: number } | undefined {
  let rest = index;
  for (const { frameId, mentions } of frames) {
    const inFrame = mentions.filter((mention) => mention.entityId === entityId).length;
    if (rest < inFrame) return { frameId, index: rest };
    rest -= inFrame;
  }
  return undefined;
}
