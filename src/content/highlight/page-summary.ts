import { snippetAround, type Snippet } from '../../core/snippet';
import type { MentionSummary } from '../../shared/messages';
import type { HighlightRegistry, PageMention } from './highlight-registry';
import { inDocumentOrder } from './document-order';
import { textAround } from '../scan/text-around';
import { SLICE_BUDGET_MS, yieldToPage } from '../scan/yield-to-page';

/** Characters of context on each side of a name in the popup's list. */
const SNIPPET_RADIUS = 80;
/**
 * What one frame sends the popup: at most this many mentions (the rest are not listed)…
 * (About 50 bytes each by name alone.)
 */
export const MAX_LISTED = 10_000;
/** …of which at most this many with their sentence (about 200 bytes each), the others by name alone… */
export const MAX_SNIPPETS = 1_000;
/** …and only as many sentences as are cut within this time, so the popup never waits on a busy page. */
export const SNIPPET_TIME_MS = 150;

/**
 * The page's mentions for the popup, in document order: each with its id and the words around it,
 * as plain text. The work yields to the page every slice, so opening the popup never freezes it;
 * each sentence is cut from the text next to its name (never from its whole section).
 */
export async function pageSummary(registry: Pick<HighlightRegistry, 'shown'>): Promise<MentionSummary[]> {
  const mentions = (await inDocumentOrder(registry.shown(), document)).slice(0, MAX_LISTED);
  const deadline = performance.now() + SNIPPET_TIME_MS;
  let sliceStart = performance.now();
  const summary: MentionSummary[] = [];
  for (const mention of mentions) {
    const now = performance.now();
    if (now - sliceStart > SLICE_BUDGET_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    // The page may have changed meanwhile: a mention that left it is no longer listed.
    if (!mention.node.isConnected) continue;
    const withSentence = summary.length < MAX_SNIPPETS && now < deadline;
    summary.push({
      mentionId: mention.id,
      entityId: mention.entityId,
      snippet: withSentence ? snippetOf(mention) : { before: '', name: mention.text, after: '' },
    });
  }
  return summary;
}

/** The words around a mention, read from the neighbouring text of its paragraph. */
function snippetOf({ node, range }: Pick<PageMention, 'node' | 'range'>): Snippet {
  // One character more than is shown tells whether text was cut there (an ellipsis).
  const { before, after } = textAround(node, range.startOffset, range.endOffset, SNIPPET_RADIUS + 1);
  const name = node.data.slice(range.startOffset, range.endOffset);
  return snippetAround(before + name + after, before.length, before.length + name.length, SNIPPET_RADIUS);
}
