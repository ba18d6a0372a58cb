/**
 * `npm run bench`: what Backstory costs the pages it runs on, against the floor (the least any
 * scanner can do) and the peer (mark.js), in headless Chromium from DevTools traces, with the
 * page's own scripts off, so that all the JavaScript on the page's main thread is the extension's.
 * Prints a table and writes the results as JSON. See README, Performance.
 *
 *   npm run bench [-- --rounds N] [--quick] [--out FILE] [--corpus DIR] [--only NAME,NAME]
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  browserExecutable,
  launchWithExtension,
  missingBrowserMessage,
  type ChromiumExtensionBrowser,
} from '../../test/support/extension-browser';
import { SCAN_MEASURE } from '../../src/shared/public-names';
import { measureFirefox } from './firefox-stamps';
import { loadDatasetFrom } from '../../test/support/fixture-dataset';
import { prepareSite, serveSite, type BenchPage } from './bench-site';
import { writeContenders, type ContenderName } from './contenders';
import { measureInjectedSize } from './injected-size';
import { measureMatcherScaling } from './matcher-scaling';
import { firstCardPaint, heapUsedBytes, scrollRenderMs, type CardPaint } from './page-costs';
import { formatReport } from './format-report';
import {
  budgets,
  CONTENDERS,
  median,
  summariseCard,
  summarisePage,
  type BenchResult,
  type Failure,
  type HeapResult,
  type ScrollResult,
} from './report';
import { tracePage, type PageRun } from './trace-page';

const HELP = `Usage: npm run bench [-- options]

Loads large real pages, the seed page, pages with no name and generated worst cases in headless
Chromium with Backstory, the floor, the peer (mark.js) and no extension, each in its own browser,
interleaved, page scripts off, and reports all the JavaScript on the page's main thread (from
DevTools traces): medians and ranges, what Backstory and mark.js add beyond the floor, the
longest stretch; plus the injected size, the card's time to paint, the heap added, the matcher's
scaling, and Firefox's wall-clock stamps. Build first (npm run bench does).

  --rounds N     rounds of every page and contender; medians are reported (default 5)
  --quick        one round of three small pages: proves the harness works (CI)
  --no-firefox   leave Firefox out (its stamps take a few minutes)
  --keep-traces DIR  write every trace there (for test fixtures: scripts/bench/trim-trace.ts)
  --out FILE     where to write the JSON results (default bench-results/latest.json)
  --corpus DIR   saved real pages; those of 1 MB or more are used (default ../shared/corpus/pages)
  --only NAMES   only the pages whose names contain one of these (comma-separated), and the
                 seed page (the card and the heap are measured there)
  --help         this text`;

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results/latest.json' },
    corpus: { type: 'string', default: '../shared/corpus/pages' },
    only: { type: 'string' },
    'keep-traces': { type: 'string' },
    'no-firefox': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

// npm runs scripts from the package's root (this file runs bundled, from a cache folder).
const root = process.cwd();
const quick = args.quick;
const rounds = Number(args.rounds ?? (quick ? 1 : 5));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, not ${args.rounds}`);
if (!browserExecutable('chromium')) throw new Error(missingBrowserMessage('chromium'));
/** The pages Firefox is measured on (names contain one of these). */
const FIREFOX_PAGES = ['seed-article', 'small-no-name', 'many-mentions', 'cnbc', 'new-zealand', 'war-and-peace'];
const log = (line: string) => process.stderr.write(`${line}\n`);

const work = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
const browsers: ChromiumExtensionBrowser[] = [];
try {
  const siteDir = join(work, 'site');
  await mkdir(siteDir);
  const only = args.only?.split(',').filter(Boolean);
  const pages = (
    await prepareSite(siteDir, {
      corpusDir: resolve(root, args.corpus),
      seedFile: join(root, 'test/fixtures/pages/seed-article.html'),
      quick,
    })
  ).filter((page) => !only || page.kind === 'seed' || only.some((name) => page.name.includes(name)));
  const server = await serveSite(siteDir, pages);

  // A copy of the builds, so that building again during a run changes nothing in it.
  const builds = join(work, 'dist');
  await cp(join(root, 'dist'), builds, { recursive: true });
  const dataset = loadDatasetFrom(join(root, 'src/data'), join(root, 'src/data/schema.json'));
  const names = dataset.entities
    .filter((entity) => entity.highlightByDefault)
    .flatMap((e) => e.aliases.map((a) => a.text));
  const contenders = await writeContenders(
    join(work, 'extensions'),
    join(builds, 'chrome'),
    names,
    join(root, 'node_modules/mark.js/dist/mark.min.js'),
  );
  const launched = new Map<ContenderName, ChromiumExtensionBrowser>();
  for (const contender of contenders) {
    const browser = await launchWithExtension('chromium', contender.dir);
    browsers.push(browser);
    launched.set(contender.name, browser);
  }
  const backstory = launched.get('backstory') as ChromiumExtensionBrowser;
  const blank = launched.get('none') as ChromiumExtensionBrowser;
  const keepTraces = args['keep-traces'] ? resolve(root, args['keep-traces']) : undefined;
  if (keepTraces) await mkdir(keepTraces, { recursive: true });
  const url = (page: BenchPage) => `${server.origin}/${page.file}`;

  // Every page, each contender in turn (in a rotating order), round after round.
  const noRuns = () =>
    Object.fromEntries(CONTENDERS.map((name): [ContenderName, PageRun[]] => [name, []])) as Record<
      ContenderName,
      PageRun[]
    >;
  const runs = new Map(pages.map((page) => [page, noRuns()]));
  const seed = pages.find((page) => page.kind === 'seed');
  if (!seed) throw new Error('The seed page is missing');
  // One unmeasured load in each browser first, so that no contender pays alone for a cold start.
  for (const contender of contenders) {
    const browser = launched.get(contender.name) as ChromiumExtensionBrowser;
    await (await browser.newPage(url(seed))).close();
  }
  const failures: Failure[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [index, page] of pages.entries()) {
      const shift = (round + index) % contenders.length;
      for (const contender of [...contenders.slice(shift), ...contenders.slice(0, shift)]) {
        const browser = launched.get(contender.name) as ChromiumExtensionBrowser;
        const target = {
          browser: browser.browser,
          ...(contender.doneEntry && { doneEntry: contender.doneEntry }),
          ...(contender.sentinel && { sentinel: true }),
          ...(keepTraces && { keepTrace: join(keepTraces, `${page.name}-${contender.name}-${round + 1}.json`) }),
        };
        const where = `round ${round + 1}/${rounds}  ${page.name}  ${contender.name}`;
        try {
          const run = await tracePage(target, url(page), page.windowMs);
          runs.get(page)?.[contender.name].push(run);
          log(
            `${where}: ${run.jsMs.toFixed(1)} ms CPU, ${run.jsWallMs.toFixed(1)} ms wall (longest ${run.longestStretchMs.toFixed(1)}; trace ${(run.traceBytes / 1e6).toFixed(0)} MB)`,
          );
        } catch (error) {
          // One page that a contender cannot finish must not cost the whole run.
          failures.push({ page: page.name, contender: contender.name, round: round + 1, error: String(error) });
          log(`${where}: failed, ${String(error)}`);
        }
      }
    }
  }

  // The measures after the traces: one that fails (a timeout on a loaded machine) is reported
  // with the traces' failures, and the run goes on.
  const attempt = async <T>(what: string, page: BenchPage, round: number, run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error) {
      failures.push({ page: page.name, contender: 'backstory', round: round + 1, error: `${what}: ${String(error)}` });
      log(`${what}: ${page.name}, round ${round + 1}: failed, ${String(error)}`);
      return undefined;
    }
  };
  const cardRounds: CardPaint[] = [];
  for (let round = 0; round < rounds; round++) {
    const paint = await attempt('card', seed, round, () => firstCardPaint(backstory.browser, url(seed)));
    if (paint) cardRounds.push(paint);
  }
  const card = summariseCard(seed.name, cardRounds);
  log(`card: ${cardRounds.map((paint) => `${paint.ms.toFixed(1)} ms (frame ${paint.frames})`).join(', ')}`);

  const largest = [...pages].filter((page) => page.kind !== 'generated').sort((a, b) => b.bytes - a.bytes)[0] ?? seed;
  const mostMentions = pages.find((page) => page.name === 'many-mentions');
  const heap: HeapResult[] = [];
  for (const page of [largest, ...(mostMentions ? [mostMentions] : [])]) {
    const withBytes: number[] = [];
    const withoutBytes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const measured = await attempt('heap', page, round, async () => [
        await heapUsedBytes(backstory.browser, url(page), SCAN_MEASURE),
        await heapUsedBytes(blank.browser, url(page)),
      ]);
      if (!measured) continue;
      withBytes.push(measured[0] ?? NaN);
      withoutBytes.push(measured[1] ?? NaN);
    }
    heap.push({ page: page.name, withBytes, withoutBytes, addedBytes: median(withBytes) - median(withoutBytes) });
    log(`heap: ${page.name} done`);
  }

  // What many highlights cost the page's repaints: the page with the most of them, scrolled.
  const scroll: ScrollResult[] = [];
  for (const page of mostMentions ? [mostMentions] : []) {
    const withMs: number[] = [];
    const withoutMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const measured = await attempt('scroll', page, round, async () => [
        await scrollRenderMs(backstory.browser, url(page), SCAN_MEASURE),
        await scrollRenderMs(blank.browser, url(page)),
      ]);
      if (!measured) continue;
      withMs.push(measured[0] ?? NaN);
      withoutMs.push(measured[1] ?? NaN);
    }
    scroll.push({ page: page.name, withMs, withoutMs });
    log(`scroll: ${page.name} done`);
  }

  const matcher = await measureMatcherScaling(join(siteDir, largest.file), {
    root,
    workDir: work,
    passes: quick ? 1 : 3,
    capMs: quick ? 20_000 : 60_000,
  });
  log('matcher: done');

  // Firefox: stamps, on the pages a reader meets most (small, news, no name, the largest book).
  const firefoxPages = pages.filter((page) => FIREFOX_PAGES.some((name) => page.name.includes(name)));
  const firefox =
    !args['no-firefox'] && browserExecutable('firefox')
      ? ((await attempt('firefox', seed, 0, () =>
          measureFirefox(
            // The skeleton is Chromium's: its background is a service worker, which Firefox lacks.
            contenders.filter((contender) => contender.name !== 'skeleton'),
            (contender) => (contender.name === 'backstory' ? join(builds, 'firefox') : contender.dir),
            firefoxPages,
            url,
            { rounds, workDir: work, log },
          ),
        )) ?? null)
      : null;

  const partial: Omit<BenchResult, 'budgets'> = {
    date: new Date().toISOString(),
    chromium: (await backstory.browser.version()).replace(/^\D+\//u, ''),
    rounds,
    quick,
    pages: pages.map((page) => summarisePage(page, runs.get(page) ?? noRuns())),
    size: {
      chrome: await measureInjectedSize(join(builds, 'chrome')),
      firefox: await measureInjectedSize(join(builds, 'firefox')),
    },
    card,
    heap,
    scroll,
    matcher,
    firefox,
    failures,
  };
  const result: BenchResult = { ...partial, budgets: budgets(partial) };
  const out = resolve(root, args.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatReport(result));
  console.log(`\nResults: ${out}`);
  await server.close();
} finally {
  for (const browser of browsers) await browser.close();
  await rm(work, { recursive: true, force: true });
}
