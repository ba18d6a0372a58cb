import type { Candidate, MatchMentions, Mention } from '../core/match-mentions';
import type { HighlightRegistry } from './highlight-registry';
import type { CandidateJudge, Unsure } from '../core/judge-candidates';
import { textAround } from './text-around';
import { isInsideSkipped, scannableTextNodes } from './text-walker';
import { SLICE_BUDGET_MS, yieldToPage } from './yield-to-page';

export interface ScanResult {
  readonly textNodes: number;
  readonly mentions: number;
}

export interface ScanOptions {
  readonly match: MatchMentions;
  readonly judge: CandidateJudge;
  readonly registry: HighlightRegistry;
  /** Our card's host, never scanned. */
  readonly ownHost: Element | null;
  /** Called with each open shadow root the scan enters, so it can be watched too. */
  readonly onShadowRoot?: (shadow: ShadowRoot) => void;
  readonly signal: AbortSignal;
}

/** Texts shorter than this cannot hold a name. */
const MIN_TEXT_LENGTH = 2;
/** A text longer than this (a whole book in one node) is read in windows, yielding between them. */
export const WINDOW_LENGTH = 65_536;

/**
 * One scan pass over `roots` (the page, or what changed in it): finds the mentions in their text
 * and registers them, in slices that yield to the page, and records a `backstory:scan` User
 * Timing measure when done.
 */
export async function scanPage(roots: readonly Node[], options: ScanOptions): Promise<ScanResult | undefined> {
  const { registry, signal } = options;
  const start = performance.now();
  let sliceStart = start;
  let textNodes = 0;
  let mentions = 0;
  /** Text nodes with candidates that wait for the whole page's evidence. */
  const waiting: { node: Text; sure: Mention[]; unsure: Unsure[] }[] = [];
  const register = (node: Text, found: Mention[]) => {
    if (found.length > 0 || registry.has(node)) registry.add(node, found);
    mentions += found.length;
  };
  for (const node of textNodesOf(roots, options)) {
    textNodes++;
    const text = node.data;
    if (text.length >= MIN_TEXT_LENGTH) {
      const found: Candidate[] = [];
      for (let from = 0; from < text.length; from = Math.max(from + WINDOW_LENGTH, found.at(-1)?.end ?? 0)) {
        found.push(...options.match(text, from, from + WINDOW_LENGTH));
        if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
          await yieldToPage();
          if (signal.aborted) return undefined;
          sliceStart = performance.now();
        }
      }
      const { mentions: sure, unsure } = options.judge.sort(found, (c) => textAround(node, c.start, c.end));
      if (unsure.length > 0) waiting.push({ node, sure, unsure });
      else register(node, sure);
    }
    if ((textNodes & 31) === 0 && performance.now() - sliceStart > SLICE_BUDGET_MS) {
      await yieldToPage();
      if (signal.aborted) return undefined;
      sliceStart = performance.now();
    }
  }
  for (const { node, sure, unsure } of waiting) {
    if (node.isConnected)
      register(
        node,
        [...sure, ...options.judge.settle(unsure)].sort((a, b) => a.start - b.start),
      );
  }
  performance.measure('backstory:scan', { start, end: performance.now(), detail: { textNodes, mentions } });
  return { textNodes, mentions };
}

/** The text nodes of every root, each root's own text nodes first, skipping what is not prose. */
function* textNodesOf(roots: readonly Node[], { ownHost, onShadowRoot }: ScanOptions): Generator<Text> {
  for (const root of roots) {
    if (!root.isConnected || isInsideSkipped(root, ownHost)) continue;
    if (root.nodeType === Node.TEXT_NODE) yield root as Text;
    else yield* scannableTextNodes(root, ownHost, onShadowRoot);
  }
}
