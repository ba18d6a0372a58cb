/**
 * `npm run bench -- --quick` in Chromium: proves the benchmark's harness works (every page traced
 * with each contender and with no extension, each scanner's script found in its trace, every
 * figure filled in). No timing is asserted: CI
 * machines are too noisy for that; the size budget, which is deterministic, has its own test.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../../scripts/bench/report';
import { e2eBrowserSlots } from './harness';

const root = join(import.meta.dirname, '../..');
const chromium = e2eBrowserSlots().find((slot) => slot.name === 'chromium');
const firefox = e2eBrowserSlots().find((slot) => slot.name === 'firefox');
const TIMEOUT = 600_000;

describe.skipIf(!chromium || chromium.skip)(`${chromium?.label}: the benchmark's quick run`, () => {
  let work: string;
  let stdout: string;
  let result: BenchResult;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'backstory-bench-test-'));
    const out = join(work, 'quick.json');
    const run = promisify(execFile);
    const args = ['scripts/run-ts.mjs', 'scripts/bench/index.ts', '--quick', '--out', out];
    ({ stdout } = await run(process.execPath, args, { cwd: root, timeout: TIMEOUT, maxBuffer: 16 << 20 }));
    result = JSON.parse(await readFile(out, 'utf8')) as BenchResult;
  }, TIMEOUT);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('traces every page with each scanner and with no extension, and finds the JavaScript of each', () => {
    expect(result.quick).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.pages.map((p) => p.page.name)).toEqual(['seed-article', 'small-no-name', 'many-mentions']);
    for (const { page, runs, cost } of result.pages) {
      for (const contender of ['backstory', 'floor', 'peer', 'skeleton', 'none'] as const) {
        const where = `${page.name}, ${contender}`;
        expect(runs[contender], where).toHaveLength(1);
        const [run] = runs[contender];
        expect(run!.longestStretchMs, where).toBeLessThanOrEqual(run!.jsMs);
        expect(Number.isFinite(cost[contender].medianMs), where).toBe(true);
        expect(cost[contender].renderMs, where).toBeGreaterThan(0);
        // Each scanner's content script was found: its world created, its script evaluated.
        if (contender !== 'none') {
          expect(run!.jsTasks, where).toBeGreaterThan(0);
          expect(run!.byKind.inject + run!.byKind.evaluate, where).toBeGreaterThan(0);
        }
      }
    }
  });

  it('says what Backstory found, and what it and mark.js add beyond the floor', () => {
    const names = (name: string) => result.pages.find((p) => p.page.name === name)?.names;
    expect(names('seed-article')).toBeGreaterThan(0);
    expect(names('small-no-name')).toBe(0);
    expect(names('many-mentions')).toBeGreaterThan(1000);
    for (const page of result.pages) {
      expect(Number.isFinite(page.baselineMs), page.page.name).toBe(true);
      expect(page.oursAddedMs).toBeCloseTo(page.cost.backstory.medianMs - page.cost.floor.medianMs, 6);
      expect(page.peerAddedMs).toBeCloseTo(page.cost.peer.medianMs - page.cost.floor.medianMs, 6);
      const floor = page.cost.floor.medianMs;
      expect(page.skeletonAddedRatio).toBeCloseTo((page.cost.skeleton.medianMs - floor) / floor, 6);
      expect(Number.isNaN(page.oursAddedRatio), page.page.name).toBe(false);
    }
  });

  it('reports the injected size, the card, the heap, scrolling and the matcher', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(result.size[browser].injected.map((file) => file.file)).toEqual(['content.js', 'highlights.css']);
    }
    expect(result.card.rounds).toHaveLength(1);
    expect(result.card.rounds[0]!.ms).toBeGreaterThan(0);
    expect(result.card.rounds[0]!.frames).toBeGreaterThanOrEqual(1);
    expect(result.heap.map((heap) => heap.page)).toEqual(['seed-article', 'many-mentions']);
    expect(result.heap.every((heap) => heap.withBytes[0]! > 0 && heap.withoutBytes[0]! > 0)).toBe(true);
    expect(result.scroll.map((scroll) => scroll.page)).toEqual(['many-mentions']);
    expect(result.scroll[0]!.withMs[0]).toBeGreaterThan(0);
    expect(result.scroll[0]!.withoutMs[0]).toBeGreaterThan(0);
    expect(result.matcher.real.msPerMb).toBeGreaterThan(0);
    expect(result.matcher.generated.aliases).toBe(result.matcher.real.aliases + 10_000);
  });

  it.skipIf(!firefox || firefox.skip)("reports Firefox's stamps for each scanner on each small page", () => {
    expect(result.firefox?.pages.map((p) => p.page)).toEqual(['seed-article', 'small-no-name', 'many-mentions']);
    for (const page of result.firefox?.pages ?? []) {
      for (const contender of ['backstory', 'floor', 'peer'] as const) {
        expect(page.ms[contender], `${page.page}, ${contender}`).toBeGreaterThan(0);
      }
    }
    expect(stdout).toMatch(/^Firefox \d+/mu);
  });

  it('prints the table and every budget', () => {
    expect(stdout).toMatch(
      /^page\s+size\s+names\s+ours\s+floor\s+mark\.js\s+skeleton\s+ours−floor\s+÷ floor\s+skel\. ÷ floor/mu,
    );
    expect(stdout).toMatch(/^small-no-name\s/mu);
    expect(result.budgets).toHaveLength(7);
    for (const budget of result.budgets) expect(stdout).toContain(budget.name);
  });
});
