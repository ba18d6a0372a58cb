/**
 * The benchmark's results as a reader wants them: the per-page table (what Backstory and mark.js
 * add beyond the floor first), where Backstory's time goes, then the other reports and the
 * budgets.
 */
import type { MatcherScaling } from './matcher-scaling';
import { median, ms, times, type BenchResult, type Cost } from './report';
import { JS_KINDS } from './trace-attribution';

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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** A median and its range over the rounds. */
const spread = (cost: Cost) => `${ms(cost.medianMs)} (${ms(cost.minMs)}–${ms(cost.maxMs)})`;
const mark = (holds: boolean | null) => (holds === null ? 'n/a' : holds ? 'yes' : 'NO');

export function formatReport(result: BenchResult): string {
  const pages = table([
    [
      'page',
      'size',
      'names',
      'ours',
      'floor',
      'mark.js',
      'skeleton',
      'ours−floor',
      '÷ floor',
      'skel. ÷ floor',
      'mark.js−floor',
      'longest',
      'none',
      'ours wall',
    ],
    ...result.pages.map((row) => {
      const { page, cost, baselineMs, names, oursAddedMs, oursAddedRatio, peerAddedMs, skeletonAddedRatio } = row;
      return [
        page.windowMs === undefined ? page.name : `${page.name} (${page.windowMs / 1000} s)`,
        kb(page.bytes),
        names === null ? '–' : String(names),
        spread(cost.backstory),
        spread(cost.floor),
        spread(cost.peer),
        spread(cost.skeleton),
        ms(oursAddedMs),
        times(oursAddedRatio),
        times(skeletonAddedRatio),
        ms(peerAddedMs),
        ms(cost.backstory.longestStretchMs),
        ms(baselineMs),
        ms(cost.backstory.wallMs),
      ];
    }),
  ]);
  const kinds = table([
    ['page', ...JS_KINDS, 'render o/f/p/s/n'],
    ...result.pages.map(({ page, cost }) => [
      page.name,
      ...JS_KINDS.map((kind) => ms(cost.backstory.byKind[kind])),
      [cost.backstory, cost.floor, cost.peer, cost.skeleton, cost.none].map((c) => ms(c.renderMs)).join('/'),
    ]),
  ]);
  const sizes = (['chrome', 'firefox'] as const)
    .map((browser) => {
      const size = result.size[browser];
      const files = size.injected.map((file) => `${file.file} ${kb(file.gzipBytes)}`).join(' + ');
      const onDemand = size.onDemand.map((file) => `${file.file} ${kb(file.gzipBytes)}`).join(', ');
      return `  ${browser}: ${kb(size.injectedGzipBytes)} gzip (${files})${onDemand ? `; on demand: ${onDemand}` : ''}`;
    })
    .join('\n');
  const { real, generated } = result.matcher;
  const matcherRun = (run: MatcherScaling['real']) =>
    `${run.aliases} aliases: compile ${run.compileMs === null ? '–' : `${ms(run.compileMs)} ms`}, ` +
    `${run.msPerMb === null ? '–' : `${ms(run.msPerMb)} ms/MB`}${run.stopped ? ` (${run.stopped})` : ''}`;
  const heap = result.heap
    .map((h) => `  ${h.page}: +${kb(h.addedBytes)} (${kb(median(h.withoutBytes))} without Backstory)`)
    .join('\n');
  const firefox = result.firefox
    ? [
        `Firefox ${result.firefox.version}, first content script's start to the first pass done (wall clock, ms, median):`,
        table([
          ['page', 'ours', 'floor', 'mark.js'],
          ...result.firefox.pages.map((p) => [
            p.page,
            ms(p.ms.backstory ?? NaN),
            ms(p.ms.floor ?? NaN),
            ms(p.ms.peer ?? NaN),
          ]),
        ]),
      ]
    : ['Firefox: not measured (no firefox, or --no-firefox)'];
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
    `Backstory benchmark: Chromium ${result.chromium}, ${result.rounds} interleaved round(s)${result.quick ? ' (quick run)' : ''}`,
    'All JavaScript on the page’s main thread, page scripts off, in ms of the thread’s CPU time: median (min–max)',
    'over the rounds, less the median with no extension at all (none, as measured). names: what Backstory found',
    '(0: a page with no name). ÷ floor: (ours − floor) ÷ floor. longest: the most JavaScript of ours in one task.',
    'ours wall: our JavaScript in wall-clock time (median): above the CPU time when the machine is shared.',
    'skeleton: only what the design cannot do without (one walk for texts and shadow roots, an observer, and where',
    'a name is, the settings and a module on demand that highlights the names and tells the badge; no judge, no',
    'card): skel. ÷ floor is the least any build of this design adds, (skeleton − floor) ÷ floor.',
    '',
    pages,
    '',
    'Where Backstory’s time goes (ms, medians, by outermost event; render: style, layout and paint of the load):',
    kinds,
    '',
    'Injected into every page:',
    sizes,
    `Card, end of the hover delay to painted (${result.card.page}): median ${ms(result.card.medianMs)} ms, ` +
      `max ${ms(result.card.maxMs)} ms; frame ${result.card.medianFrames} (max ${result.card.maxFrames})`,
    'JS heap added after GC:',
    heap,
    'Scrolling top to bottom (40 steps), style, layout and paint with and without Backstory:',
    ...result.scroll.map((s) => `  ${s.page}: ${ms(median(s.withMs))} ms with, ${ms(median(s.withoutMs))} ms without`),
    `Matcher over ${kb(result.matcher.textBytes)} of text: ${matcherRun(real)}; ${matcherRun(generated)}; ` +
      `ratio ${result.matcher.ratio === null ? '–' : times(result.matcher.ratio)}`,
    ...firefox,
    ...result.failures.map((f) => `Failed: ${f.page}, ${f.contender}, round ${f.round}: ${f.error}`),
    '',
    budgetTable,
  ].join('\n');
}
