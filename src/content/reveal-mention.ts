import type { EntityId } from '../core/dataset-types';
import type { CardHost } from './card-host';
import type { HighlightRegistry } from './highlight-registry';

/** Highlight name of the mention the popup just took the reader to (restyle it like the others). */
export const CURRENT_HIGHLIGHT = 'backstory-current';
const MARK_MS = 1600;

/**
 * Takes the reader to a mention chosen in the popup: scrolls it to the middle of the view, marks
 * it for a moment, and opens its card.
 */
export function revealMention(registry: HighlightRegistry, card: CardHost, entityId: EntityId, index: number): boolean {
  const mention = registry.all().filter((m) => m.entityId === entityId)[index];
  if (!mention?.node.isConnected) return false;
  mention.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(mention.range));
  setTimeout(() => CSS.highlights.delete(CURRENT_HIGHLIGHT), MARK_MS);
  void card.open({ mention, boxIndex: 0 });
  return true;
}
