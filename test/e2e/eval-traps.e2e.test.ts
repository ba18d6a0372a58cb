/**
 * The evaluation (npm run eval) as `npm run eval -- --check` runs it: the built extension in
 * Chromium, page scripts off, on the trap pages and, where they are present beside the repository
 * (../shared/corpus), on the two corpora of real pages. Labels must stay in step with the pages,
 * every detection must land in the body text, and each company must reach a precision and recall
 * of 0.99 or better in every set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePages, type Evaluation, type Score } from '../../scripts/eval/evaluate-pages';
import { loadAllLabels } from '../../scripts/eval/label-files';
import { listPages } from '../../scripts/eval/page-sets';
import { browserExecutable, extensionDir } from './harness';

const root = join(import.meta.dirname, '../..');
const corpora = { corpus: join(root, '../shared/corpus/pages'), 'corpus-2': join(root, '../shared/corpus/pages-2') };
const present = Object.fromEntries(Object.entries(corpora).filter(([, dir]) => existsSync(dir)));
const sets = { traps: join(root, 'test/fixtures/eval-traps'), ...present };

describe.skipIf(!browserExecutable('chromium') && process.env.CI !== 'true')('chromium: the evaluation', () => {
  let evaluation: Evaluation;

  // Both corpora take about 10 minutes on a quiet 2-core machine, 20 on a busy one.
  beforeAll(async () => {
    evaluation = await evaluatePages({
      distDir: extensionDir(root, 'chromium'),
      pages: await listPages(sets),
      labels: await loadAllLabels([
        join(root, 'test/fixtures/corpus-labels.json'),
        join(root, 'test/fixtures/corpus-2-labels.json'),
      ]),
    });
  }, 1_800_000);

  it('reads every page, its labels agreeing with its candidates', () => {
    expect(evaluation.problems).toEqual([]);
    expect(evaluation.pages.filter((page) => page.page.startsWith('traps/')).length).toBeGreaterThanOrEqual(26);
    expect(Object.keys(evaluation.totals).sort()).toEqual(Object.keys(sets).sort());
  });

  it('finds every highlight in the body text', () => {
    expect(evaluation.pages.flatMap((page) => page.unmapped)).toEqual([]);
    const traps = evaluation.pages.filter((page) => page.page.startsWith('traps/'));
    expect(traps.reduce((sum, page) => sum + page.unpainted, 0)).toBe(0);
  });

  it.each(Object.keys(sets))(
    'tells each company from the same word in %s: precision and recall of 0.99 or better',
    (set) => {
      const totals: Record<string, Score> = evaluation.totals[set] ?? {};
      expect(Object.keys(totals).sort()).toEqual(['bytedance', 'oracle', 'tiktok']);
      const misses = evaluation.pages
        .filter((page) => page.page.startsWith(`${set}/`))
        .flatMap((page) => [...page.falsePositives, ...page.falseNegatives]);
      for (const [company, score] of Object.entries(totals)) {
        expect(score.tp, company).toBeGreaterThan(0);
        const why = `${set} ${company}; misses: ${JSON.stringify(misses)}`;
        expect(score.precision ?? 0, `precision, ${why}`).toBeGreaterThanOrEqual(0.99);
        expect(score.recall ?? 0, `recall, ${why}`).toBeGreaterThanOrEqual(0.99);
      }
    },
  );
});
