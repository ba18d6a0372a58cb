/**
 * Firefox, where puppeteer reads no trace (WebDriver BiDi has no tracing, and the Gecko profiler
 * is not reachable from it): wall-clock stamps that the content scripts record themselves. Each
 * contender's extension is copied with one more content script run first in its world,
 * `bench-start.js`, which marks `bench:start`; the time from that mark to the contender's first
 * pass done is what the page waited for it (its compile and evaluation included, the world's
 * creation not), with page scripts off, so nothing else of the page's runs between.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SENTINEL_STATE } from '../../src/content/sentinel/sentinel-state';
import { launchWithExtension } from '../../test/support/extension-browser';
import type { BenchPage } from './bench-site';
import type { Contender, ContenderName } from './contenders';
import { median, type FirefoxResult } from './report';

const START_MARK = 'bench:start';
/**
 * Marked, in the bench's copy only, when Backstory's sentinel says it has read the page and
 * found no candidate: such a page gets no `backstory:scan` measure. The sentinel writes its
 * state on the global object of the content scripts' sandbox, which bench-start.js shares.
 */
const QUIET_MARK = 'bench:quiet';
const START_JS = `performance.mark('${START_MARK}');
let sentinelState;
Object.defineProperty(globalThis, '${SENTINEL_STATE}', {
  configurable: true,
  get: () => sentinelState,
  set(state) {
    sentinelState = state;
    if (state === 'quiet' && performance.getEntriesByName('${QUIET_MARK}').length === 0) performance.mark('${QUIET_MARK}');
  },
});
`;
const TIMEOUT_MS = 120_000;

interface Manifest {
  content_scripts?: { js?: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

/** A copy of the contender's Firefox extension whose first content script marks its start. */
async function stampedCopy(contender: Contender, fromDir: string, workDir: string): Promise<string> {
  const dir = join(workDir, `firefox-${contender.name}`);
  await cp(fromDir, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  for (const entry of manifest.content_scripts ?? []) entry.js = ['bench-start.js', ...(entry.js ?? [])];
  manifest.browser_specific_settings ??= { gecko: { id: `bench-${contender.name}@backstory-extension` } };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'bench-start.js'), START_JS);
  return dir;
}

/**
 * Loads each page `rounds` times in Firefox with each scanner, one browser per scanner, and
 * returns the median time from its first content script's start to its first pass done.
 * `firefoxDir(contender)` is the unpacked extension to copy (Backstory's Firefox build).
 */
export async function measureFirefox(
  contenders: readonly Contender[],
  firefoxDir: (contender: Contender) => string,
  pages: readonly BenchPage[],
  url: (page: BenchPage) => string,
  options: { readonly rounds: number; readonly workDir: string; readonly log: (line: string) => void },
): Promise<FirefoxResult> {
  const times = new Map<string, Partial<Record<ContenderName, number[]>>>();
  let version = '';
  for (const contender of contenders) {
    if (!contender.doneEntry) continue;
    const done = contender.doneEntry;
    const browser = await launchWithExtension(
      'firefox',
      await stampedCopy(contender, firefoxDir(contender), options.workDir),
    );
    try {
      version = (await browser.browser.version()).replace(/^\D+\//u, '');
      for (let round = 0; round < options.rounds; round++) {
        for (const page of pages.filter((p) => p.windowMs === undefined && !p.scripted)) {
          const tab = await browser.browser.newPage();
          try {
            await tab.goto(url(page), { waitUntil: 'load', timeout: TIMEOUT_MS });
            await tab.waitForFunction(
              (name, quiet) =>
                performance.getEntriesByName(name).length + performance.getEntriesByName(quiet).length > 0,
              { polling: 100, timeout: TIMEOUT_MS },
              done,
              QUIET_MARK,
            );
            const ms = await tab.evaluate(
              (start, name, quiet) => {
                const begun = performance.getEntriesByName(start)[0];
                const ended = performance.getEntriesByName(name)[0] ?? performance.getEntriesByName(quiet)[0];
                return begun && ended ? ended.startTime + ended.duration - begun.startTime : NaN;
              },
              START_MARK,
              done,
              QUIET_MARK,
            );
            const list = times.get(page.name) ?? {};
            (list[contender.name] ??= []).push(ms);
            times.set(page.name, list);
            options.log(`firefox round ${round + 1}  ${page.name}  ${contender.name}: ${ms.toFixed(1)} ms`);
          } catch (error) {
            options.log(`firefox round ${round + 1}  ${page.name}  ${contender.name}: failed, ${String(error)}`);
          } finally {
            await tab.close().catch(() => undefined);
          }
        }
      }
    } finally {
      await browser.close();
    }
  }
  return {
    version,
    pages: [...times].map(([page, byContender]) => ({
      page,
      ms: Object.fromEntries(Object.entries(byContender).map(([name, list]) => [name, median(list)])),
    })),
  };
}
