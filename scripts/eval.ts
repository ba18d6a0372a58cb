/**
 * `npm run eval`: measures the built extension's detection on real pages against their labels, and
 * prints precision and recall per company with every false positive and false negative in context.
 * Run `npm run eval -- --help` for the options; README.md ("Measuring the detection") explains the
 * output and how to label a page.
 */
import { access, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluatePages, meetsGoal, type Evaluation } from './eval/evaluate-pages';
import { formatReport } from './eval/format-report';
import { formatCandidates, skeletonFor } from './eval/label-tools';
import { fileOfSet, loadAllDraftLabels, loadAllLabels, writeLabelsBySet } from './eval/label-files';
import { UNDECIDED } from './eval/labels';
import { findPage, listPages, type PageSets } from './eval/page-sets';
import { readPages } from './eval/read-pages';

/** The precision and recall every company must reach with --check. */
const GOAL = 0.99;

const HELP = `Usage: npm run eval -- [options]

Runs the built extension (dist/chrome) in headless Chromium over the corpus and the trap pages,
page scripts off, and compares its highlights with the labels.

  --pages corpus|corpus-2|traps|all
                            which pages (default all; a set whose folder is missing is left out
                            with a word, unless named)
  --only TEXT               only the pages whose key contains TEXT
  --by-page                 also a table of TP/FP/FN per page
  --json FILE               write the results as JSON
  --check                   exit 1 when a company is under ${GOAL} precision or recall in a set
  --corpus DIR              the real pages (default ../shared/corpus/pages)
  --corpus-2 DIR            the second set of real pages (default ../shared/corpus/pages-2)
  --traps DIR               the trap pages (default test/fixtures/eval-traps)
  --labels FILE             the labels (default test/fixtures/corpus-labels.json)
  --labels-2 FILE           the second corpus's labels (default test/fixtures/corpus-2-labels.json)
  --dist DIR                the built extension (default dist/chrome)

For labelling (PAGE is a key such as corpus/wiki-en-mozilla.html, or a file name):
  --candidates PAGE         print the page's candidates in a wide context, with label and highlight
  --width N                 context characters on each side for --candidates (default 100)
  --skeleton PAGE           write the page's labels to the labels file: kept verdicts, new
                            candidates as "entity": "?" to decide, labels with no candidate dropped

Exits 1 whenever labels and candidates disagree (a page, a candidate with no label, a label with
no candidate), so labels never silently fall out of step with the pages.`;

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: 'all' },
    only: { type: 'string' },
    'by-page': { type: 'boolean', default: false },
    json: { type: 'string' },
    check: { type: 'boolean', default: false },
    corpus: { type: 'string', default: '../shared/corpus/pages' },
    'corpus-2': { type: 'string', default: '../shared/corpus/pages-2' },
    traps: { type: 'string', default: 'test/fixtures/eval-traps' },
    labels: { type: 'string', default: 'test/fixtures/corpus-labels.json' },
    'labels-2': { type: 'string', default: 'test/fixtures/corpus-2-labels.json' },
    dist: { type: 'string', default: 'dist/chrome' },
    candidates: { type: 'string', multiple: true },
    width: { type: 'string', default: '100' },
    skeleton: { type: 'string', multiple: true },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const sets: PageSets = { corpus: values.corpus, 'corpus-2': values['corpus-2'], traps: values.traps };
const labelFiles = { 'corpus-2': values['labels-2'] };
const fileOf = (set: string) => fileOfSet(labelFiles, values.labels, set);
const allLabelFiles = [values.labels, ...Object.values(labelFiles)];

if (values.candidates || values.skeleton) {
  await label(values.candidates ?? [], values.skeleton ?? []);
} else {
  process.exitCode = await evaluate();
}

async function evaluate(): Promise<number> {
  const chosen = values.pages === 'all' ? await presentSets() : [values.pages];
  const labels = await loadAllLabels(allLabelFiles);
  const pages = (await listPages(sets, chosen)).filter((page) => !values.only || page.key.includes(values.only));
  const started = Date.now();
  const progress = (line: string) =>
    process.stderr.isTTY && process.stderr.write(`\r${line.padEnd(99).slice(0, 99)}\r`);
  const evaluation = await evaluatePages({
    distDir: values.dist,
    pages,
    labels,
    onPage: (result, index) => progress(`${index + 1}/${pages.length} ${result.page}`),
  });
  progress('');
  const stale = values.only
    ? []
    : Object.keys(labels.pages)
        .filter((key) => chosen.includes(key.split('/')[0] ?? '') && !pages.some((page) => page.key === key))
        .map((key) => `${key}: labels for a page that is not there`);
  const problems = [...evaluation.problems, ...stale];
  if (values.json) await writeFile(values.json, JSON.stringify({ ...evaluation, problems }, null, 2) + '\n');
  if (problems.length > 0) {
    console.error(
      `Labels and candidates disagree (${problems.length}); fix the labels first:\n  ${problems.join('\n  ')}`,
    );
    return 1;
  }
  console.log(
    `${header(evaluation, Date.now() - started)}\n\n${formatReport(evaluation, { byPage: values['by-page'] })}`,
  );
  if (values.check && !meetsGoal(evaluation, GOAL)) {
    console.error(`\nUnder ${GOAL * 100}% precision or recall for at least one company (--check).`);
    return 1;
  }
  return 0;
}

function header(evaluation: Evaluation, ms: number): string {
  return `Backstory detection (${values.dist}) on ${evaluation.pages.length} pages, page scripts off, in ${(ms / 1000).toFixed(0)} s`;
}

async function label(toList: readonly string[], toSkeleton: readonly string[]): Promise<void> {
  const draft = await loadAllDraftLabels(allLabelFiles);
  const keys = async (names: readonly string[]) =>
    new Set((await Promise.all(names.map((name) => findPage(sets, name)))).map((page) => page.key));
  const [listed, skeletons] = [await keys(toList), await keys(toSkeleton)];
  const wanted = await listPages(sets).then((all) => all.filter((p) => listed.has(p.key) || skeletons.has(p.key)));
  const pages = { ...draft.pages };
  await readPages(values.dist, wanted, ({ key }, reading) => {
    if (listed.has(key)) console.log(formatCandidates(key, reading, pages[key], Number(values.width)) + '\n');
    if (skeletons.has(key)) {
      const { labels, dropped } = skeletonFor(key, reading, pages[key]);
      pages[key] = labels;
      const undecided = labels.candidates.filter((c) => c.entity === UNDECIDED).length;
      console.log(
        `${key}: ${labels.candidates.length} candidates, ${undecided} to decide, ${dropped.length} labels dropped`,
      );
      for (const gone of dropped) console.log(`  dropped: ${gone.context}`);
    }
  });
  if (toSkeleton.length > 0) await writeLabelsBySet(fileOf, pages);
}

/** The page sets whose folder is there (the corpora live outside the repository). */
async function presentSets(): Promise<string[]> {
  const present: string[] = [];
  for (const [set, dir] of Object.entries(sets)) {
    if (
      await access(dir).then(
        () => true,
        () => false,
      )
    )
      present.push(set);
    else console.error(`The ${set} pages are not there (${dir}): left out.`);
  }
  return present;
}
