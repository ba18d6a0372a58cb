import { snippetAround } from '../core/snippet';
import type { MentionSummary } from '../shared/messages';
import type { HighlightRegistry, PageMention } from './highlight-registry';

/** Elements whose text reads as one passage, for a mention's snippet. */
const PASSAGE = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, dd, dt, figcaption, caption, pre, article, section';

/** The page's mentions for the popup: each with the words around it, as plain text. */
export function pageSummary(registry: HighlightRegistry): MentionSummary[] {
  return registry.all().map((mention) => ({ entityId: mention.entityId, snippet: snippetOf(mention) }));
}

function snippetOf({ node, range }: PageMention) {
  const passage = node.parentElement?.closest(PASSAGE) ?? node.parentElement;
  if (!passage) return snippetAround(node.data, range.startOffset, range.endOffset);
  const before = node.ownerDocument.createRange();
  before.setStart(passage, 0);
  before.setEnd(node, range.startOffset);
  const start = before.toString().length;
  const text = passage.textContent ?? '';
  return snippetAround(text, start, start + (range.endOffset - range.startOffset));
}
