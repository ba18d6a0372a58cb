/**
 * The evaluation: the real detection (the built extension in Chromium) over saved pages, measured
 * against labels written by reading. Returns structured results, so the command line prints them
 * and a test can assert them.
 */
import { alignLabels } from './align-labels';
import { ContextText, findCandidates } from './find-candidates';
import type { LabelsFile } from './labels';
import { COMPANIES, type Company, type PageReading } from './read-page';
import { readPages } from './read-pages';
import { scorePage, type Counts, type PageScore } from './score-page';
import type { PageRef } from './serve-pages';

export interface PageResult extends PageScore {
  readonly candidates: number;
  /** Labels whose far context changed but that still name the same candidate (worth refreshing). */
  readonly drifted: readonly { readonly label: string; readonly now: string }[];
  /** Names the scan found but did not paint: in text not rendered, or past the paint budget of a very long text. */
  readonly unpainted: number;
  /** Highlighted ranges outside the body text (never expected). */
  readonly unmapped: readonly string[];
}

/** Counts with precision and recall; `null` where nothing was found, or there was nothing to find. */
export interface Score extends Counts {
  readonly precision: number | null;
  readonly recall: number | null;
}

export interface Evaluation {
  readonly pages: readonly PageResult[];
  /** By page set (the key's first folder: `corpus`, `traps`), then company. */
  readonly totals: Readonly<Record<string, Record<Company, Score>>>;
  /** Where labels and candidates disagree; when not empty, the scores are not to be trusted. */
  readonly problems: readonly string[];
}

export interface EvaluateOptions {
  /** The built extension, `dist/chrome`. */
  readonly distDir: string;
  readonly pages: readonly PageRef[];
  readonly labels: LabelsFile;
  /** Called as each page is done, for progress. */
  readonly onPage?: (result: PageResult, index: number) => void;
}

/** Reads every page with the extension and scores it against its labels. */
export async function evaluatePages({ distDir, pages, labels, onPage }: EvaluateOptions): Promise<Evaluation> {
  const results: PageResult[] = [];
  const problems: string[] = [];
  await readPages(distDir, pages, ({ key }, reading) => {
    const result = evaluateReading(key, reading, labels, problems);
    results.push(result);
    onPage?.(result, results.length - 1);
  });
  return { pages: results, totals: totalsBySet(results), problems };
}

/** Scores one page's reading, adding any disagreement between its labels and candidates to `problems`. */
export function evaluateReading(key: string, reading: PageReading, labels: LabelsFile, problems: string[]): PageResult {
  const context = new ContextText(reading.text);
  const candidates = findCandidates(reading.text, context);
  const verdicts = labels.pages[key]?.candidates;
  if (!verdicts) problems.push(`${key}: no labels (write a skeleton with \`npm run eval -- --skeleton ${key}\`)`);
  const alignment = alignLabels(key, reading.text, candidates, verdicts ?? []);
  if (verdicts) problems.push(...alignment.problems);
  const score = scorePage(key, reading.text, context, alignment.labelled, reading.detections, reading.places);
  const painted = reading.detections.length + reading.unmapped.length;
  return {
    ...score,
    candidates: candidates.length,
    drifted: alignment.drifted,
    unpainted: reading.passes.length === 1 ? Math.max(0, (reading.passes[0] ?? 0) - painted) : 0,
    unmapped: reading.unmapped.map((u) => `${u.entity}: ${JSON.stringify(u.text)}`),
  };
}

/** Sums the counts of each page set and company, with precision and recall. */
export function totalsBySet(pages: readonly PageResult[]): Record<string, Record<Company, Score>> {
  const sums: Record<string, Record<Company, Counts>> = {};
  for (const page of pages) {
    const set = page.page.split('/')[0] ?? '';
    sums[set] ??= Object.fromEntries(COMPANIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Company, Counts>;
    for (const company of COMPANIES) {
      const sum = sums[set][company];
      const counts = page.counts[company];
      sum.tp += counts.tp;
      sum.fp += counts.fp;
      sum.fn += counts.fn;
    }
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return Object.fromEntries(
    Object.entries(sums).map(([set, byCompany]) => [
      set,
      Object.fromEntries(
        COMPANIES.map((c) => {
          const { tp, fp, fn } = byCompany[c];
          return [c, { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) }];
        }),
      ) as Record<Company, Score>,
    ]),
  );
}

/** Whether every company of every set reaches `goal` in precision and recall (nothing to find counts as reached). */
export function meetsGoal(evaluation: Evaluation, goal: number): boolean {
  return Object.values(evaluation.totals).every((byCompany) =>
    Object.values(byCompany).every((s) => (s.precision ?? 1) >= goal && (s.recall ?? 1) >= goal),
  );
}
