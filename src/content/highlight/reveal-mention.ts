import { CURRENT_HIGHLIGHT } from '../../shared/public-names';
import { afterDelay, type CancelDelay } from '../after-delay';
import type { CardHost } from '../card/card-host';
import { mentionAfter } from './document-order';
import type { HighlightRegistry, PageMention } from './highlight-registry';

const MARK_MS = 1600;
let unmark: CancelDelay | undefined;

/**
 * Takes the reader to a mention chosen in the popup: scrolls it to the middle of the view, marks
 * it for a moment, and opens its card.
 */
export function revealMention(registry: HighlightRegistry, card: CardHost, mentionId: number): boolean {
  const mention = registry.get(mentionId);
  return mention ? reveal(mention, card, false) : false;
}

/**
 * The keyboard's way through the page: the next mention after `previous` (the first after the
 * last), its card opened with focus inside, so Escape brings focus back where it was.
 */
export function revealNextMention(
  registry: HighlightRegistry,
  card: CardHost,
  previous: PageMention | undefined,
): PageMention | undefined {
  const next = mentionAfter(registry, previous, document);
  if (next) reveal(next, card, true);
  return next;
}

function reveal(mention: PageMention, card: CardHost, focus: boolean): boolean {
  if (!mention.node.isConnected) return false;
  mention.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(mention.range));
  // A quick second reveal keeps its mark for the full time.
  unmark?.();
  unmark = afterDelay(MARK_MS, () => CSS.highlights.delete(CURRENT_HIGHLIGHT));
  void card.open({ mention, boxIndex: 0 }, { focus });
  return true;
}
