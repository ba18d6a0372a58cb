import type { MatchMentions } from '../core/match-mentions';
import type { HighlightRegistry } from './highlight-registry';
import { scannableTextNodes } from './text-walker';
import { SLICE_BUDGET_MS, yieldToPage } from './yield-to-page';

export interface ScanResult {
  readonly textNodes: number;
  readonly mentions: number;
}

export interface ScanOptions {
  readonly match: MatchMentions;
  readonly registry: HighlightRegistry;
  /** Our card's host, never scanned. */
  readonly ownHost: Element | null;
  readonly signal: AbortSignal;
}

/** Texts shorter than this cannot hold a name. */
const MIN_TEXT_LENGTH = 2;

/**
 * One scan pass over `root`: finds the mentions in its text and registers them, in slices that
 * yield to the page, and records a `backstory:scan` User Timing measure when done.
 */
export async function scanPage(root: Node, options: ScanOptions): Promise<ScanResult | undefined> {
  const { match, registry, ownHost, signal } = options;
  const start = performance.now();
  let sliceStart = start;
  let textNodes = 0;
  let mentions = 0;
  for (const node of scannableTextNodes(root, ownHost)) {
    textNodes++;
    const text = node.data;
    if (text.length >= MIN_TEXT_LENGTH) {
      const found = match(text);
      if (found.length > 0) {
        registry.add(node, found);
        mentions += found.length;
      }
    }
    if ((textNodes & 31) === 0 && performance.now() - sliceStart > SLICE_BUDGET_MS) {
      await yieldToPage();
      if (signal.aborted) return undefined;
      sliceStart = performance.now();
    }
  }
  performance.measure('backstory:scan', { start, end: performance.now(), detail: { textNodes, mentions } });
  return { textNodes, mentions };
}
