/**
 * The evaluation (npm run eval) on the trap pages, as the command runs it: the built extension in
 * Chromium, page scripts off. Its labels must stay in step with the pages, every detection it
 * reads must land in the body text, and the detection must meet its goal there: precision and
 * recall of 0.99 or better for each company. (The saved real pages of ../shared/corpus are
 * measured by `npm run eval`; they are not part of the repository.)
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePages, type Evaluation, type Score } from '../../scripts/eval/evaluate-pages';
import { loadLabels } from '../../scripts/eval/labels';
import { listPages } from '../../scripts/eval/page-sets';
import { browserExecutable, extensionDir } from './harness';

const root = join(import.meta.dirname, '../..');

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: the evaluation', () => {
  let evaluation: Evaluation;

  beforeAll(async () => {
    evaluation = await evaluatePages({
      distDir: extensionDir(root, 'chromium'),
      pages: await listPages({ traps: join(root, 'test/fixtures/eval-traps') }),
      labels: await loadLabels(join(root, 'test/fixtures/corpus-labels.json')),
    });
  });

  it('reads every trap page, its labels agreeing with its candidates', () => {
    expect(evaluation.problems).toEqual([]);
    expect(evaluation.pages.length).toBeGreaterThanOrEqual(18);
    expect(evaluation.pages.every((page) => page.candidates > 0)).toBe(true);
  });

  it('finds every highlight in the body text, painted in full', () => {
    expect(evaluation.pages.flatMap((page) => page.unmapped)).toEqual([]);
    expect(evaluation.pages.reduce((sum, page) => sum + page.unpainted, 0)).toBe(0);
  });

  it('tells each company from the same word: precision and recall of 0.99 or better', () => {
    const totals: Record<string, Score> = evaluation.totals.traps ?? {};
    expect(Object.keys(totals).sort()).toEqual(['bytedance', 'oracle', 'tiktok']);
    const misses = evaluation.pages.flatMap((page) => [...page.falsePositives, ...page.falseNegatives]);
    for (const [company, score] of Object.entries(totals)) {
      expect(score.tp, company).toBeGreaterThan(0);
      expect(score.precision ?? 0, `${company} precision; misses: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(
        0.99,
      );
      expect(score.recall ?? 0, `${company} recall; misses: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(0.99);
    }
  });
});
