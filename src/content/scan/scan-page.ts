import type { CandidateJudge, Unsure } from '../../core/judge-candidates';
import type { Candidate, MatchMentions, Mention } from '../../core/match-mentions';
import { SCAN_MEASURE } from '../../shared/public-names';
import type { HighlightRegistry } from '../highlight/highlight-registry';
import { textAround } from './text-around';
import { insideSkipped, ScannableWalk, type WalkOptions } from './text-walker';
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
  /** Each text whose names were just registered. */
  readonly onNamed?: (node: Text) => void;
}

/** Texts shorter than this cannot hold a name. */
const MIN_TEXT_LENGTH = 2;
/** A text longer than this (a whole book in one node) is read in windows, yielding between them. */
export const WINDOW_LENGTH = 65_536;
/** How many nodes are visited between two looks at the clock… */
const CHECK_EVERY = 64;
/** …where this many characters of text read count as one node more. */
const CHARS_PER_NODE = 256;
/** How many candidates are judged between two looks at the clock. */
const CANDIDATES_PER_CHECK = 32;

/**
 * One scan pass over `roots` (the page, or what changed in it): finds the mentions in their text
 * and registers them, in slices that yield to the page, and records a `backstory:scan` User
 * Timing measure when done. Every node visited counts towards a slice, elements too, so a DOM of
 * many elements and little text is read in slices as well.
 */
export async function scanPage(roots: readonly Node[], options: ScanOptions): Promise<ScanResult | undefined> {
  const { registry, signal } = options;
  // A pass starts in a task of its own, not at the end of whatever asked for it (the engine's start).
  await yieldToPage();
  if (signal.aborted) return undefined;
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
  let textNodes = 0;
  let mentions = 0;
  /** What is left of the work between two looks at the clock, counted in nodes. */
  let untilCheck = CHECK_EVERY;
  /** Text nodes with candidates that wait for the whole page's evidence. */
  const waiting: { node: Text; sure: Mention[]; unsure: Unsure[] }[] = [];
  const register = (node: Text, found: Mention[]) => {
    if (found.length > 0 || registry.has(node)) registry.add(node, found);
    if (found.length > 0) options.onNamed?.(node);
    mentions += found.length;
  };
  for (const root of roots) {
    if (!root.isConnected || skipped(root)) continue;
    // The root is visited too, so that many small roots count towards a slice.
    const walk = root.nodeType === Node.TEXT_NODE ? undefined : new ScannableWalk(root, options);
    for (let node: Node | null = root; node; node = walk?.next() ?? null) {
      if (--untilCheck <= 0) {
        untilCheck = CHECK_EVERY;
        if (!(await yieldIfDue())) return undefined;
      }
      if (node.nodeType !== Node.TEXT_NODE) continue;
      textNodes++;
      const text = (node as Text).data;
      if (text.length < MIN_TEXT_LENGTH) continue;
      untilCheck -= text.length / CHARS_PER_NODE;
      let found: Candidate[];
      if (text.length <= WINDOW_LENGTH) {
        found = options.match(text, 0, text.length);
      } else {
        found = [];
        for (let from = 0; from < text.length; from = Math.max(from + WINDOW_LENGTH, found.at(-1)?.end ?? 0)) {
          found.push(...options.match(text, from, from + WINDOW_LENGTH));
          if (!(await yieldIfDue())) return undefined;
        }
        // The node may have left the page while we yielded: its ranges would be stale at once.
        if (!node.isConnected) continue;
      }
      if (found.length === 0) {
        if (registry.has(node as Text)) register(node as Text, []);
        continue;
      }
      // Each candidate that needs context is read in its surroundings: many of them (a whole
      // book in one node) are read a few at a time, yielding between.
      const sure: Mention[] = [];
      const unsure: Unsure[] = [];
      const around = (candidate: Candidate) => textAround(node as Text, candidate.start, candidate.end);
      for (let i = 0; i < found.length; i += CANDIDATES_PER_CHECK) {
        const sorted = options.judge.sort(found.slice(i, i + CANDIDATES_PER_CHECK), around);
        sure.push(...sorted.mentions);
        unsure.push(...sorted.unsure);
        // Reading the first candidates of an entity compiles its rules: a look at the clock each time.
        if (!(await yieldIfDue())) return undefined;
      }
      if (!node.isConnected) continue;
      if (unsure.length > 0) waiting.push({ node: node as Text, sure, unsure });
      else register(node as Text, sure);
    }
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
  performance.measure(SCAN_MEASURE, { start, end: performance.now(), detail: { textNodes, mentions } });
  return { textNodes, mentions };
}
