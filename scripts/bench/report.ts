/**
 * The benchmark's results: per page, each contender's main-thread JavaScript (medians and ranges
 * over the rounds, less what the page costs with no extension at all), what Backstory and mark.js
 * add beyond the floor, and the budgets of issue 17. The printed table is format-report.ts.
 */
import type { BenchPage } from './bench-site';
import type { ContenderName } from './contenders';
import { INJECTED_AIM_BYTES, INJECTED_GOAL_BYTES, type SizeReport } from './injected-size';
import type { MatcherScaling } from './matcher-scaling';
import { MATCHER_BUDGET_RATIO } from './matcher-scaling';
import type { CardPaint } from './page-costs';
import { JS_KINDS, LONG_TASK_MS, type JsKind } from './trace-attribution';
import type { PageRun } from './trace-page';

/** Traced on every page, in this order: the four scanners, then the browser with no extension. */
export const CONTENDERS: readonly ContenderName[] = ['backstory', 'floor', 'peer', 'skeleton', 'none'];

/** One contender on one page: main-thread JavaScript beyond the no-extension run, in ms. */
export interface Cost {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The most JavaScript in one task (median over the rounds): not less the no-extension run. */
  readonly longestStretchMs: number;
  /** Wall-clock JavaScript (median, not less the no-extension run): inflated on a shared CPU. */
  readonly wallMs: number;
  /** Tasks of 50 ms or more of JavaScript (median). */
  readonly longTasks: number;
  /** Median by kind of outermost event, not less the no-extension run. */
  readonly byKind: Readonly<Record<JsKind, number>>;
  /** Style, layout and paint of the whole load (median). */
  readonly renderMs: number;
}

export interface PageResult {
  readonly page: BenchPage;
  readonly runs: Record<ContenderName, PageRun[]>;
  readonly cost: Record<ContenderName, Cost>;
  /** The no-extension run's median, which every cost is less: near zero unless the page runs a script. */
  readonly baselineMs: number;
  /** What Backstory found (its first pass's mentions), median; 0 is a page with no name. */
  readonly names: number | null;
  /** Backstory − floor, and that ÷ the floor: what we add beyond the least any scanner does. */
  readonly oursAddedMs: number;
  readonly oursAddedRatio: number;
  /** mark.js − floor, and mark.js's addition ÷ ours. */
  readonly peerAddedMs: number;
  readonly peerVsOurs: number;
  /** What the skeleton (only what the design cannot do without) adds beyond the floor, ÷ the floor. */
  readonly skeletonAddedRatio: number;
}

export interface HeapResult {
  readonly page: string;
  /** JSHeapUsedSize after GC, per round, with Backstory and with no extension. */
  readonly withBytes: readonly number[];
  readonly withoutBytes: readonly number[];
  /** Median with − median without. */
  readonly addedBytes: number;
}

/** Style, layout and paint while scrolling a page top to bottom, with and without Backstory. */
export interface ScrollResult {
  readonly page: string;
  /** Per round, in ms. */
  readonly withMs: readonly number[];
  readonly withoutMs: readonly number[];
}

export interface CardResult {
  readonly page: string;
  /** End of the hover delay to the card's first painted frame, per round (a fresh page each). */
  readonly rounds: readonly CardPaint[];
  readonly medianMs: number;
  readonly maxMs: number;
  /** Frames begun from the end of the delay to the card painted: 1 is the very next frame. */
  readonly medianFrames: number;
  readonly maxFrames: number;
}

/** Firefox, where no trace can be read: wall-clock stamps from the content scripts themselves. */
export interface FirefoxResult {
  readonly version: string;
  readonly pages: readonly {
    readonly page: string;
    /** From the first content script's start to its first pass done, per contender, median ms. */
    readonly ms: Partial<Record<ContenderName, number>>;
  }[];
}

export interface Budget {
  readonly name: string;
  readonly goal: string;
  readonly value: string;
  readonly holds: boolean | null;
  readonly aim?: { readonly goal: string; readonly holds: boolean | null };
}

/** A page load that did not finish (a timeout, a crash): left out of the medians. */
export interface Failure {
  readonly page: string;
  readonly contender: ContenderName;
  readonly round: number;
  readonly error: string;
}

export interface BenchResult {
  readonly date: string;
  readonly chromium: string;
  readonly rounds: number;
  readonly quick: boolean;
  readonly pages: readonly PageResult[];
  readonly size: Record<'chrome' | 'firefox', SizeReport>;
  readonly card: CardResult;
  readonly heap: readonly HeapResult[];
  readonly scroll: readonly ScrollResult[];
  readonly matcher: MatcherScaling;
  readonly firefox: FirefoxResult | null;
  readonly failures: readonly Failure[];
  readonly budgets: readonly Budget[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The card's rounds, summarised. */
export function summariseCard(page: string, rounds: readonly CardPaint[]): CardResult {
  const ms = rounds.map((round) => round.ms);
  const frames = rounds.map((round) => round.frames);
  return {
    page,
    rounds,
    medianMs: median(ms),
    maxMs: Math.max(...ms),
    medianFrames: median(frames),
    maxFrames: Math.max(...frames),
  };
}

/** One contender's runs, less `baseMs` (the no-extension run's median). */
function cost(runs: readonly PageRun[], baseMs: number): Cost {
  const js = runs.map((run) => run.jsMs - baseMs);
  const byKind = Object.fromEntries(
    JS_KINDS.map((kind) => [kind, median(runs.map((run) => run.byKind[kind]))]),
  ) as Record<JsKind, number>;
  return {
    medianMs: median(js),
    minMs: Math.min(...js),
    maxMs: Math.max(...js),
    longestStretchMs: median(runs.map((run) => run.longestStretchMs)),
    wallMs: median(runs.map((run) => run.jsWallMs)),
    longTasks: median(runs.map((run) => run.longTasks)),
    byKind,
    renderMs: median(runs.map((run) => run.renderMs)),
  };
}

/** Medians, ranges and what each scanner adds beyond the floor, for one page. */
export function summarisePage(page: BenchPage, runs: Record<ContenderName, PageRun[]>): PageResult {
  const base = median(runs.none.map((run) => run.jsMs));
  const baseMs = Number.isFinite(base) ? base : 0;
  const costs = Object.fromEntries(CONTENDERS.map((name) => [name, cost(runs[name], baseMs)])) as Record<
    ContenderName,
    Cost
  >;
  const found = runs.backstory.map((run) => run.found).filter((n): n is number => n !== null);
  const floor = costs.floor.medianMs;
  const oursAddedMs = costs.backstory.medianMs - floor;
  const peerAddedMs = costs.peer.medianMs - floor;
  return {
    page,
    runs,
    cost: costs,
    baselineMs: baseMs,
    names: found.length > 0 ? median(found) : null,
    oursAddedMs,
    oursAddedRatio: oursAddedMs / floor,
    peerAddedMs,
    peerVsOurs: peerAddedMs / oursAddedMs,
    skeletonAddedRatio: (costs.skeleton.medianMs - floor) / floor,
  };
}

/** Issue 17's goals: ours − floor ≤ the floor (aim half); no-name pages ≤ 1.1× the floor. */
const ADDED_BUDGET = 1;
const ADDED_AIM = 0.5;
const NO_NAME_BUDGET = 0.1;
/** mark.js adds at least as much as we do where there are names (aim 5×). */
const PEER_BUDGET = 1;
const PEER_AIM = 5;
const STRETCH_AIM_MS = 16;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number) =>
  !Number.isFinite(value) ? '–' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
export const times = (ratio: number) =>
  Number.isFinite(ratio) ? `${Math.abs(ratio) >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×` : '–';

/** Whether each budget of issue 17 holds, with the figure that decides it. */
export function budgets(result: Omit<BenchResult, 'budgets'>): Budget[] {
  const measured = result.pages.filter((p) => p.page.windowMs === undefined && Number.isFinite(p.oursAddedRatio));
  const worst = (list: readonly PageResult[], pick: (p: PageResult) => number, most = true) =>
    list.reduce<PageResult | undefined>(
      (found, p) => (!found || (most ? pick(p) > pick(found) : pick(p) < pick(found)) ? p : found),
      undefined,
    );
  const added = worst(measured, (p) => p.oursAddedRatio);
  const noName = worst(
    measured.filter((p) => p.names === 0),
    (p) => p.oursAddedRatio,
  );
  const withNames = measured.filter((p) => (p.names ?? 0) > 0);
  const peer = worst(withNames, (p) => p.peerVsOurs, false);
  const stretch = worst(result.pages, (p) => p.cost.backstory.longestStretchMs);
  const longest = stretch?.cost.backstory.longestStretchMs ?? NaN;
  const injected = Math.max(result.size.chrome.injectedGzipBytes, result.size.firefox.injectedGzipBytes);
  const { ratio } = result.matcher;
  const at = (p: PageResult | undefined, figure: string) => (p ? `${figure} (${p.page.name})` : 'no such page');
  const holds = (p: PageResult | undefined, ok: boolean) => (p ? ok : null);
  return [
    {
      name: 'Ours − floor',
      goal: `≤ ${ADDED_BUDGET}× the floor on every page`,
      value: at(added, `worst ${times(added?.oursAddedRatio ?? NaN)}`),
      holds: holds(added, (added?.oursAddedRatio ?? 0) <= ADDED_BUDGET),
      aim: { goal: `≤ ${ADDED_AIM}×`, holds: holds(added, (added?.oursAddedRatio ?? 0) <= ADDED_AIM) },
    },
    {
      name: 'Pages with no name',
      goal: `≤ ${1 + NO_NAME_BUDGET}× the floor`,
      value: at(noName, `worst ${times(1 + (noName?.oursAddedRatio ?? NaN))}`),
      holds: holds(noName, (noName?.oursAddedRatio ?? 0) <= NO_NAME_BUDGET),
    },
    {
      name: 'mark.js added ÷ ours',
      goal: `≥ ${PEER_BUDGET}× where there are names`,
      value: at(peer, `least ${times(peer?.peerVsOurs ?? NaN)}`),
      holds: holds(peer, (peer?.peerVsOurs ?? 0) >= PEER_BUDGET),
      aim: { goal: `≥ ${PEER_AIM}×`, holds: holds(peer, (peer?.peerVsOurs ?? 0) >= PEER_AIM) },
    },
    {
      name: 'Longest stretch of ours',
      goal: `< ${LONG_TASK_MS} ms on every page`,
      value: at(stretch, `${ms(longest)} ms`),
      holds: holds(stretch, longest < LONG_TASK_MS),
      aim: { goal: `< ${STRETCH_AIM_MS} ms`, holds: holds(stretch, longest < STRETCH_AIM_MS) },
    },
    {
      name: 'Injected into every page',
      goal: `≤ ${kb(INJECTED_GOAL_BYTES)} gzip`,
      value: `${kb(injected)} (larger build)`,
      holds: injected <= INJECTED_GOAL_BYTES,
      aim: { goal: `≤ ${kb(INJECTED_AIM_BYTES)}`, holds: injected <= INJECTED_AIM_BYTES },
    },
    {
      name: 'Matcher with 10,000 aliases',
      goal: `≤ ${MATCHER_BUDGET_RATIO}× the real dataset's time`,
      value: ratio === null ? (result.matcher.generated.stopped ?? 'no figure') : times(ratio),
      holds: ratio === null ? false : ratio <= MATCHER_BUDGET_RATIO,
    },
    {
      name: 'Card painted after the hover delay',
      goal: 'in the next frame',
      value: `median ${ms(result.card.medianMs)} ms, frame ${result.card.medianFrames} (max ${result.card.maxFrames})`,
      holds: result.card.maxFrames <= 1,
    },
  ];
}
