/**
 * The benchmark's results: medians over the rounds, the ratios that are its headline (against
 * the floor and the peer; bare times depend on the machine), the budgets of issue 7, and the
 * table printed at the end of a run.
 */
import type { ContenderName } from './contenders';
import type { SizeReport } from './injected-size';
import { INJECTED_AIM_BYTES, INJECTED_BUDGET_BYTES } from './injected-size';
import type { MatcherScaling } from './matcher-scaling';
import { MATCHER_BUDGET_RATIO } from './matcher-scaling';
import type { CardPaint } from './page-costs';
import type { BenchPage } from './bench-site';
import type { PageRun } from './trace-page';
import { LONG_TASK_MS } from './trace-attribution';

export const CONTENDERS: readonly ContenderName[] = ['backstory', 'floor', 'peer'];

/** Medians over the rounds of one contender on one page, in ms (longTasks: a count). */
export type Medians = Omit<PageRun, 'events'>;

export interface PageResult {
  readonly page: BenchPage;
  readonly runs: Record<ContenderName, PageRun[]>;
  readonly median: Record<ContenderName, Medians>;
  /** Backstory's time ÷ the floor's: the cost over the least any scanner can do. */
  readonly vsFloor: number;
  /** The peer's time ÷ Backstory's: how many times slower keyword highlighting is. */
  readonly peerVsOurs: number;
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
  readonly failures: readonly Failure[];
  readonly budgets: readonly Budget[];
}

/** Pages where the floor itself is real work: the ratio budgets apply there. */
export const REAL_WORK_MS = 5;
const FLOOR_BUDGET = 1.5;
const PEER_BUDGET = 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Medians and ratios for one page, from each contender's runs. */
export function summarisePage(page: BenchPage, runs: Record<ContenderName, PageRun[]>): PageResult {
  const medians = (list: PageRun[]): Medians => ({
    scriptMs: median(list.map((run) => run.scriptMs)),
    longestTaskMs: median(list.map((run) => run.longestTaskMs)),
    longTasks: median(list.map((run) => run.longTasks)),
    renderMs: median(list.map((run) => run.renderMs)),
    wallMs: median(list.map((run) => run.wallMs)),
  });
  const median_ = { backstory: medians(runs.backstory), floor: medians(runs.floor), peer: medians(runs.peer) };
  return {
    page,
    runs,
    median: median_,
    vsFloor: median_.backstory.scriptMs / median_.floor.scriptMs,
    peerVsOurs: median_.peer.scriptMs / median_.backstory.scriptMs,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => (!Number.isFinite(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const times = (ratio: number) =>
  Number.isFinite(ratio) ? `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×` : '–';

/** Whether each budget of issue 7 holds, with the figure that decides it. */
export function budgets(result: Omit<BenchResult, 'budgets'>): Budget[] {
  const realWork = result.pages.filter((p) => p.median.floor.scriptMs >= REAL_WORK_MS && p.page.windowMs === undefined);
  const worstFloor = Math.max(...realWork.map((p) => p.vsFloor));
  const worstPeer = Math.min(...realWork.map((p) => p.peerVsOurs));
  const longest = Math.max(...result.pages.map((p) => p.median.backstory.longestTaskMs));
  const longestPage = result.pages.find((p) => p.median.backstory.longestTaskMs === longest)?.page.name ?? '';
  const injected = Math.max(result.size.chrome.injectedGzipBytes, result.size.firefox.injectedGzipBytes);
  const { ratio } = result.matcher;
  const none = realWork.length === 0;
  return [
    {
      name: 'Backstory vs the floor',
      goal: `≤ ${FLOOR_BUDGET}× where the floor takes ≥ ${REAL_WORK_MS} ms`,
      value: none ? 'no such page' : `worst ${times(worstFloor)} (${realWork.length} pages)`,
      holds: none ? null : worstFloor <= FLOOR_BUDGET,
    },
    {
      name: 'mark.js vs Backstory',
      goal: `≥ ${PEER_BUDGET}× slower on the same pages`,
      value: none ? 'no such page' : `least ${times(worstPeer)}`,
      holds: none ? null : worstPeer >= PEER_BUDGET,
    },
    {
      name: 'Longest task of ours',
      goal: `< ${LONG_TASK_MS} ms on every page`,
      value: `${ms(longest)} ms (${longestPage})`,
      holds: longest < LONG_TASK_MS,
      aim: { goal: '< 16 ms', holds: longest < 16 },
    },
    {
      name: 'Injected into every page',
      goal: `≤ ${kb(INJECTED_BUDGET_BYTES)} gzip`,
      value: `${kb(injected)} (larger build)`,
      holds: injected <= INJECTED_BUDGET_BYTES,
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
      value: `${cardFigures(result.card)}`,
      holds: result.card.maxFrames <= 1,
    },
  ];
}

/** Lays out rows as a plain-text table (first column left-aligned, the others right-aligned). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))),
    )
    .map((cells) => cells.join('  ').trimEnd())
    .join('\n');
}

const cardFigures = (card: CardResult) =>
  `median ${ms(card.medianMs)} ms, max ${ms(card.maxMs)} ms; frame ${card.medianFrames} (max ${card.maxFrames})`;

const mark = (holds: boolean | null) => (holds === null ? 'n/a' : holds ? 'yes' : 'NO');

/** The run as a reader wants it: the per-page table (ratios first), then the other reports and the budgets. */
export function formatReport(result: BenchResult): string {
  const pages = table([
    ['page', 'size', '× floor', 'peer ÷ ours', 'longest', '≥50ms', 'ours', 'floor', 'peer', 'render o/f/p'],
    ...result.pages.map(({ page, median: m, vsFloor, peerVsOurs }) => [
      page.windowMs === undefined ? page.name : `${page.name} (${page.windowMs / 1000} s)`,
      kb(page.bytes),
      times(vsFloor),
      times(peerVsOurs),
      `${ms(m.backstory.longestTaskMs)} ms`,
      String(m.backstory.longTasks),
      `${ms(m.backstory.scriptMs)} ms`,
      `${ms(m.floor.scriptMs)} ms`,
      `${ms(m.peer.scriptMs)} ms`,
      `${ms(m.backstory.renderMs)}/${ms(m.floor.renderMs)}/${ms(m.peer.renderMs)}`,
    ]),
  ]);
  const sizes = (['chrome', 'firefox'] as const)
    .map((browser) => {
      const size = result.size[browser];
      const files = size.injected.map((file) => `${file.file} ${kb(file.gzipBytes)}`).join(' + ');
      const onDemand = size.onDemand.map((file) => `${file.file} ${kb(file.gzipBytes)}`).join(', ');
      return `  ${browser}: ${kb(size.injectedGzipBytes)} gzip (${files})${onDemand ? `; on first hover: ${onDemand}` : ''}`;
    })
    .join('\n');
  const { real, generated } = result.matcher;
  const matcherRun = (run: MatcherScaling['real']) =>
    `${run.aliases} aliases: compile ${run.compileMs === null ? '–' : `${ms(run.compileMs)} ms`}, ` +
    `${run.msPerMb === null ? '–' : `${ms(run.msPerMb)} ms/MB`}${run.stopped ? ` (${run.stopped})` : ''}`;
  const heap = result.heap
    .map((h) => `  ${h.page}: +${kb(h.addedBytes)} (${kb(median(h.withoutBytes))} without Backstory)`)
    .join('\n');
  const budgetTable = table([
    ['budget', 'goal', 'measured', 'holds', 'aim'],
    ...result.budgets.map((b) => [
      b.name,
      b.goal,
      b.value,
      mark(b.holds),
      b.aim ? `${b.aim.goal}: ${mark(b.aim.holds)}` : '',
    ]),
  ]);
  return [
    `Backstory benchmark: Chromium ${result.chromium}, ${result.rounds} round(s), medians${result.quick ? ' (quick run)' : ''}`,
    "× floor: our main-thread time ÷ the floor's (a walk that reads every text node once).",
    "peer ÷ ours: mark.js's time ÷ ours. longest: our most in one task; ≥50ms: our tasks of 50 ms or more.",
    'render: style, layout and paint of the whole load (ours/floor/peer), in ms: the floor adds none.',
    '',
    pages,
    '',
    'Injected into every page:',
    sizes,
    `Card, end of the hover delay to painted (${result.card.page}): ${cardFigures(result.card)}`,
    'JS heap added after GC:',
    heap,
    'Scrolling top to bottom (40 steps), style, layout and paint with and without Backstory:',
    ...result.scroll.map((s) => `  ${s.page}: ${ms(median(s.withMs))} ms with, ${ms(median(s.withoutMs))} ms without`),
    `Matcher over ${kb(result.matcher.textBytes)} of text: ${matcherRun(real)}; ${matcherRun(generated)}; ` +
      `ratio ${result.matcher.ratio === null ? '–' : times(result.matcher.ratio)}`,
    ...result.failures.map((f) => `Failed: ${f.page}, ${f.contender}, round ${f.round}: ${f.error}`),
    '',
    budgetTable,
  ].join('\n');
}
