/**
 * The evaluation (npm run eval) on the trap pages, as the command runs it: the built extension in
 * Chromium, page scripts off. Its labels must stay in step with the pages, and every detection it
 * reads must land in the body text, whatever the detection's scores are today.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePages, type Evaluation } from '../../scripts/eval/evaluate-pages';
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

  it('pairs highlights with labelled mentions of the three companies', () => {
    expect(Object.keys(evaluation.totals.traps ?? {}).sort()).toEqual(['bytedance', 'oracle', 'tiktok']);
    const found = Object.values(evaluation.totals.traps ?? {}).reduce((sum, score) => sum + score.tp, 0);
    expect(found).toBeGreaterThan(0);
  });
});
