import type { CandidateJudge, Unsure } from '../core/judge-candidates';
import type { Candidate, MatchMentions, Mention } from '../core/match-mentions';
import type { HighlightRegistry } from './highlight-registry';
import { textAround } from './text-around';
import { insideSkipped, walkScannable, type WalkOptions } from './text-walker';
import { SLICE_BUDGET_MS, yieldToPage } from './yield-to-page';

export interface ScanResult {
  readonly textNodes: number;
  readonly mentions: number;
}

export interface ScanOptions extends WalkOptions {
  readonly match: MatchMentions;
  readonly judge: CandidateJudge;
  readonly registry: HighlightRegistry;
  readonly signal: AbortSignal;
}

/** Texts shorter than this cannot hold a name. */
const MIN_TEXT_LENGTH = 2;
/** A text longer than this (a whole book in one node) is read in windows, yielding between them. */
export const WINDOW_LENGTH = 65_536;
/** How many nodes are visited between two looks at the clock. */
const NODES_PER_CHECK = 64;

/**
 * One scan pass over `roots` (the page, or what changed in it): finds the mentions in their text
 * and registers them, in slices that yield to the page, and records a `backstory:scan` User
 * Timing measure when done. Every node visited counts towards a slice, elements too, so a DOM of
 * many elements and little text is read in slices as well.
 */
export async function scanPage(roots: readonly Node[], options: ScanOptions): Promise<ScanResult | undefined> {
  const { registry, signal } = options;
  const start = performance.now();
  let sliceStart = start;
  // What it remembers of the page's ancestors holds until the page may have changed: a slice.
  let skipped = insideSkipped(options.ownHost ?? null);
  const yieldIfDue = async (): Promise<boolean> => {
    if (performance.now() - sliceStart <= SLICE_BUDGET_MS) return true;
    await yieldToPage();
    sliceStart = performance.now();
    skipped = insideSkipped(options.ownHost ?? null);
    return !signal.aborted;
  };
  let visited = 0;
  let textNodes = 0;
  let mentions = 0;
  /** Text nodes with candidates that wait for the whole page's evidence. */
  const waiting: { node: Text; sure: Mention[]; unsure: Unsure[] }[] = [];
  const register = (node: Text, found: Mention[]) => {
    if (found.length > 0 || registry.has(node)) registry.add(node, found);
    mentions += found.length;
  };
  for (const node of nodesOf(roots, (node) => skipped(node), options)) {
    if (++visited % NODES_PER_CHECK === 0 && !(await yieldIfDue())) return undefined;
    if (node.nodeType !== Node.TEXT_NODE) continue;
    textNodes++;
    const text = (node as Text).data;
    if (text.length < MIN_TEXT_LENGTH) continue;
    const found: Candidate[] = [];
    for (let from = 0; from < text.length; from = Math.max(from + WINDOW_LENGTH, found.at(-1)?.end ?? 0)) {
      found.push(...options.match(text, from, from + WINDOW_LENGTH));
      if (!(await yieldIfDue())) return undefined;
    }
    // The node may have left the page while we yielded: its ranges would be stale at once.
    if (!node.isConnected) continue;
    const { mentions: sure, unsure } = options.judge.sort(found, (c) => textAround(node as Text, c.start, c.end));
    if (unsure.length > 0) waiting.push({ node: node as Text, sure, unsure });
    else register(node as Text, sure);
  }
  // Names that are also words wait for what the whole page says, then join their node's mentions.
  for (const { node, sure, unsure } of waiting) {
    if (!(await yieldIfDue())) return undefined;
    if (node.isConnected)
      register(
        node,
        [...sure, ...options.judge.settle(unsure)].sort((a, b) => a.start - b.start),
      );
  }
  performance.measure('backstory:scan', { start, end: performance.now(), detail: { textNodes, mentions } });
  return { textNodes, mentions };
}

/**
 * The nodes to visit under every root, each root's first, skipping what is not prose. Each root
 * is passed on as well, so that many small roots count towards a slice.
 */
function* nodesOf(roots: readonly Node[], skipped: (node: Node) => boolean, options: WalkOptions): Generator<Node> {
  for (const root of roots) {
    if (!root.isConnected || skipped(root)) continue;
    yield root;
    if (root.nodeType !== Node.TEXT_NODE) yield* walkScannable(root, options);
  }
}
