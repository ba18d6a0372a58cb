/**
 * The matcher's cost as the number of aliases grows, in Node: the real dataset, then the real
 * dataset with 10,000 generated aliases, compiled and run over the same text (a large saved
 * page's text), their passes in turn. A matcher that reads a text once whatever its aliases (an
 * automaton, one combined pattern) stays flat. Both run in one child process (time-matcher.ts)
 * that is stopped at a time cap, so a matcher that does not scale is reported, not waited for.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface MatcherRun {
  readonly aliases: number;
  /** matcherFrom (of aliases prepared beforehand, as the build does) plus a first call (engines compile patterns lazily), in ms; null if cut short. */
  readonly compileMs: number | null;
  /** Median over the passes; a lower bound when `coverage` < 1. */
  readonly msPerMb: number | null;
  readonly mentions: number;
  /** Share of the text read before the time cap (1: all of it). */
  readonly coverage: number;
  /** Why the run stopped early: the time cap, or the matcher's own error. */
  readonly stopped: string | null;
}

export interface MatcherScaling {
  readonly textBytes: number;
  readonly real: MatcherRun;
  readonly generated: MatcherRun;
  /** generated ÷ real time per MB: 1 is flat; a lower bound when the generated run was cut short. */
  readonly ratio: number | null;
}

export const GENERATED_ALIASES = 10_000;
/** The budget: 10,000 aliases within this factor of the real dataset's time (issue 7). */
export const MATCHER_BUDGET_RATIO = 1.5;

interface Options {
  /** The repository (the child reads src/data and runs through scripts/run-ts.mjs). */
  readonly root: string;
  /** A folder for the extracted text. */
  readonly workDir: string;
  readonly passes: number;
  /** Each run (compile and passes) is stopped after this long. */
  readonly capMs: number;
}

/** Times the real entities, then the real ones plus 10,000 generated aliases, over the page's text. */
export async function measureMatcherScaling(htmlFile: string, options: Options): Promise<MatcherScaling> {
  const text = pageText(await readFile(htmlFile, 'utf8'));
  const textFile = join(options.workDir, 'matcher-text.txt');
  await writeFile(textFile, text);
  const size = { length: text.length, megabytes: Buffer.byteLength(text) / 1_000_000 };
  const { real, generated } = await timeMatchers(textFile, size, options);
  const ratio = real.msPerMb && generated.msPerMb ? generated.msPerMb / real.msPerMb : null;
  return { textBytes: Buffer.byteLength(text), real, generated, ratio };
}

interface Progress {
  run?: 'real' | 'generated';
  aliases?: number;
  compileMs?: number;
  pass?: number;
  read?: number;
  ms?: number;
  mentions?: number;
  error?: string;
}

/** Both matchers in one child process (time-matcher.ts), their passes in turn. */
async function timeMatchers(
  textFile: string,
  size: { length: number; megabytes: number },
  options: Options,
): Promise<Pick<MatcherScaling, 'real' | 'generated'>> {
  const args = ['scripts/run-ts.mjs', 'scripts/bench/time-matcher.ts', '--text', textFile];
  args.push('--generated', String(GENERATED_ALIASES), '--passes', String(options.passes));
  const child = spawn(process.execPath, args, { cwd: options.root, stdio: ['ignore', 'pipe', 'inherit'] });
  let capped = false;
  const timer = setTimeout(() => {
    capped = true;
    child.kill('SIGKILL');
  }, options.capMs);
  const exited = new Promise<number | null>((done) => child.once('close', done));
  const lines: Progress[] = [];
  for await (const line of createInterface({ input: child.stdout })) lines.push(JSON.parse(line) as Progress);
  const code = await exited;
  clearTimeout(timer);
  const error = lines.find((line) => line.error !== undefined)?.error;
  const stopped = capped
    ? `stopped after ${options.capMs / 1000} s`
    : code === 0
      ? null
      : (error ?? `exit code ${code}`);
  return {
    real: matcherRun(
      lines.filter((line) => line.run === 'real'),
      size,
      stopped,
    ),
    generated: matcherRun(
      lines.filter((line) => line.run === 'generated'),
      size,
      stopped,
    ),
  };
}

/** One matcher's figures from its lines; a pass cut short counts at its rate so far. */
function matcherRun(
  lines: readonly Progress[],
  { length, megabytes }: { length: number; megabytes: number },
  stopped: string | null,
): MatcherRun {
  // Each pass's last line.
  const passes = new Map<number, Progress>();
  for (const line of lines) if (line.pass !== undefined) passes.set(line.pass, line);
  const rates = [...passes.values()]
    .filter((pass) => (pass.read ?? 0) > 0)
    .map((pass) => (pass.ms ?? 0) / (megabytes * ((pass.read ?? 0) / length)))
    .sort((a, b) => a - b);
  const last = [...passes.values()].at(-1);
  const coverage = passes.size === 0 ? 0 : Math.min(...[...passes.values()].map((pass) => (pass.read ?? 0) / length));
  return {
    aliases: lines.find((line) => line.aliases !== undefined)?.aliases ?? NaN,
    compileMs: lines.find((line) => line.compileMs !== undefined)?.compileMs ?? null,
    msPerMb: rates[rates.length >> 1] ?? null,
    mentions: last?.mentions ?? 0,
    coverage,
    // A matcher that read all its passes was not stopped, whatever became of the other.
    stopped: coverage === 1 && passes.size > 0 ? null : stopped,
  };
}

/** The text a reader sees of an HTML page, near enough: no scripts, styles or tags. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<[^>]*>/gu, ' ')
    .replace(/&nbsp;/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
}
