/**
 * The labels: for each page, a verdict on every candidate, written by reading it in its context.
 * They are the truth the detection is measured against, and the record of why each was decided.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import { COMPANIES, type Company } from './read-page';

/** A candidate that names one of the companies. */
export interface TrueMention {
  /** The candidate in its context, marked `[[…]]`, as `ContextText.around` gives it. */
  readonly context: string;
  readonly entity: Company;
  /**
   * The mention's span, with the candidate marked inside it: `[[TikTok]]`, `NYSE: [[ORCL]]`,
   * `[[Oracle]] Corp.`. A detection counts when it starts where this starts.
   */
  readonly mention: string;
  /** Anything a later reader should know (a name in a text area, say). */
  readonly note?: string;
}

/** A candidate that names none of them. */
export interface FalseCandidate {
  readonly context: string;
  readonly entity: null;
  /** A few words on what it is instead: "Delphic oracle", "Baum's clockwork man". */
  readonly why: string;
}

export type Verdict = TrueMention | FalseCandidate;

/** What a skeleton writes in place of a verdict, refused by the evaluation until someone decides. */
export const UNDECIDED = '?';

/** A candidate not decided yet (in a skeleton). */
export interface Undecided {
  readonly context: string;
  readonly entity: typeof UNDECIDED;
}

export interface PageLabels<V = Verdict> {
  /** What the page is and how its candidates were decided, when that helps the next reader. */
  readonly note?: string;
  /** One verdict per candidate, in document order. */
  readonly candidates: readonly V[];
}

export interface LabelsFile<V = Verdict> {
  readonly about?: string;
  /** By page key: `corpus/<file>` or `traps/<file>`. */
  readonly pages: Readonly<Record<string, PageLabels<V>>>;
}

/** A labels file being written: some candidates may be undecided. */
export type DraftLabels = LabelsFile<Verdict | Undecided>;

/** Reads and checks the labels file, failing with the page and candidate of every broken entry. */
export async function loadLabels(file: string): Promise<LabelsFile> {
  return (await readLabels(file, false)) as LabelsFile;
}

/** Reads the labels file as a labeller sees it, undecided candidates allowed; none yet is no pages. */
export async function loadDraftLabels(file: string): Promise<DraftLabels> {
  return readLabels(file, true).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return { pages: {} };
    throw error;
  });
}

async function readLabels(file: string, undecided: boolean): Promise<DraftLabels> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const errors = checkLabels(raw, undecided);
  if (errors.length > 0) throw new Error(`Invalid labels in ${file}:\n  ${errors.join('\n  ')}`);
  return raw as DraftLabels;
}

/**
 * Writes the labels, pages in key order, one field a line (Prettier keeps objects expanded that
 * were written so), formatted as the repository's Prettier formats JSON.
 */
export async function writeLabels(file: string, labels: DraftLabels): Promise<void> {
  const pages = Object.fromEntries(Object.entries(labels.pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const options = (await prettier.resolveConfig(file)) ?? {};
  const json = JSON.stringify({ ...labels, pages }, null, 2);
  await writeFile(file, await prettier.format(json, { ...options, parser: 'json' }));
}

/** Every reason `raw` is not a `LabelsFile` (with `undecided`, a `DraftLabels`), each naming where. */
export function checkLabels(raw: unknown, undecided = false): string[] {
  if (!isObject(raw) || !isObject(raw.pages)) return ['the file must be an object with "pages"'];
  const errors: string[] = [];
  for (const [key, page] of Object.entries(raw.pages)) {
    if (!isObject(page) || !Array.isArray(page.candidates)) {
      errors.push(`${key}: must be an object with "candidates" (a list)`);
      continue;
    }
    page.candidates.forEach((verdict: unknown, index) => {
      const problem = checkVerdict(verdict, undecided);
      if (problem) errors.push(`${key} #${index + 1} ${contextOf(verdict)}: ${problem}`);
    });
  }
  return errors;
}

function checkVerdict(verdict: unknown, undecided: boolean): string | undefined {
  if (!isObject(verdict)) return 'not an object';
  if (typeof verdict.context !== 'string' || !/\[\[.+\]\]/u.test(verdict.context)) {
    return '"context" must be a string with the candidate marked [[…]]';
  }
  if (verdict.entity === UNDECIDED) return undecided ? undefined : 'not decided yet ("entity" is "?")';
  if (verdict.entity === null) {
    return typeof verdict.why === 'string' && verdict.why.trim() ? undefined : 'a false candidate needs a "why"';
  }
  if (!COMPANIES.includes(verdict.entity as Company)) {
    return `"entity" must be one of ${COMPANIES.join(', ')} or null`;
  }
  if (typeof verdict.mention !== 'string' || !/^[^[\]]*\[\[[^[\]]+\]\][^[\]]*$/u.test(verdict.mention)) {
    return 'a true mention needs its "mention", with the candidate marked [[…]] once';
  }
  return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const contextOf = (verdict: unknown) =>
  isObject(verdict) && typeof verdict.context === 'string' ? JSON.stringify(verdict.context) : '';
