/**
 * Pairs a page's labels with its candidates, by context and in order, so a label can never drift
 * onto another candidate unnoticed: every candidate must get exactly one label and every label a
 * candidate, or the page is reported by name with the candidates that disagree.
 */
import type { Candidate } from './find-candidates';
import type { Verdict } from './labels';

/** A candidate with its verdict; a true mention also with its span in the body text. */
export interface LabelledCandidate extends Candidate {
  readonly verdict: Verdict;
  /** The labelled mention's span (true mentions only). */
  readonly mention?: { readonly start: number; readonly end: number };
}

export interface Alignment {
  readonly labelled: readonly LabelledCandidate[];
  /** Labels whose context changed but that still agree next to their candidate (refresh with --skeleton). */
  readonly drifted: readonly { readonly label: string; readonly now: string }[];
  /** Disagreements between labels and candidates, each a line naming the page. */
  readonly problems: readonly string[];
}

/** Characters next to the candidate (both sides together) that must still agree for a drifted label to keep it. */
const AGREEING_CHARS = 12;

/** Which label each candidate got (by index), and where they disagree. */
export interface Pairing {
  readonly labelOf: ReadonlyMap<number, number>;
  readonly drifted: Alignment['drifted'];
  readonly problems: readonly string[];
}

/**
 * Pairs `labels` with `candidates` (both in document order): first on identical contexts (a
 * longest common subsequence, so one added or removed candidate leaves the rest paired), then,
 * between two paired ones, on the candidate and the context still next to it (a change in the
 * page near a candidate changes its context, not its label).
 */
export function pairLabels(
  page: string,
  candidates: readonly Candidate[],
  labels: readonly { readonly context: string }[],
): Pairing {
  const now = candidates.map((c) => c.context);
  const was = labels.map((l) => l.context);
  const drifted: { label: string; now: string }[] = [];
  const problems: string[] = [];
  const labelOf = new Map<number, number>();
  let [fromCandidate, fromLabel] = [0, 0];
  for (const [candidate, label] of [...commonSubsequence(now, was), [now.length, was.length] as const]) {
    // Between two pairs of identical contexts: pair what still agrees near the candidate.
    const gapNow = now.slice(fromCandidate, candidate);
    const gapWas = was.slice(fromLabel, label);
    const near = alignDrifted(gapNow, gapWas);
    for (const [c, l] of near) {
      labelOf.set(fromCandidate + c, fromLabel + l);
      drifted.push({ label: gapWas[l] ?? '', now: gapNow[c] ?? '' });
    }
    const pairedNow = new Set(near.map(([c]) => c));
    const pairedWas = new Set(near.map(([, l]) => l));
    gapNow.forEach((context, c) => pairedNow.has(c) || problems.push(`${page}: candidate with no label: ${context}`));
    gapWas.forEach((context, l) => pairedWas.has(l) || problems.push(`${page}: label with no candidate: ${context}`));
    if (candidate < now.length) labelOf.set(candidate, label);
    [fromCandidate, fromLabel] = [candidate + 1, label + 1];
  }
  return { labelOf, drifted, problems };
}

/** Gives each candidate its verdict (see `pairLabels`), and each true mention its span. */
export function alignLabels(
  page: string,
  text: string,
  candidates: readonly Candidate[],
  verdicts: readonly Verdict[],
): Alignment {
  const { labelOf, drifted, problems } = pairLabels(page, candidates, verdicts);
  const labelled: LabelledCandidate[] = [];
  const mismatches: string[] = [];
  candidates.forEach((candidate, index) => {
    const verdict = verdicts[labelOf.get(index) ?? -1];
    if (!verdict) return;
    if (verdict.entity === null) return void labelled.push({ ...candidate, verdict });
    const mention = mentionSpan(text, candidate, verdict.mention);
    if (!mention)
      mismatches.push(`${page}: mention ${JSON.stringify(verdict.mention)} does not fit ${candidate.context}`);
    labelled.push({ ...candidate, verdict, ...(mention && { mention }) });
  });
  return { labelled, drifted, problems: [...problems, ...mismatches] };
}

/**
 * Where the labelled mention lies: the candidate, extended by the text written before and after
 * its mark (white space in the label matches any run of white space in the page).
 */
function mentionSpan(text: string, candidate: Candidate, mention: string) {
  const [, before = '', inner = '', after = ''] = /^(.*)\[\[(.+)\]\](.*)$/su.exec(mention) ?? [];
  if (inner.replace(/\s+/gu, ' ') !== candidate.text.replace(/\s+/gu, ' ')) return undefined;
  const flexible = (part: string) =>
    part
      .split(/\s+/u)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
      .join('\\s+');
  const head = new RegExp(`${flexible(before)}$`, 'u').exec(
    text.slice(Math.max(0, candidate.start - 200), candidate.start),
  );
  const tail = new RegExp(`^${flexible(after)}`, 'u').exec(text.slice(candidate.end, candidate.end + 200));
  if (!head || !tail) return undefined;
  return { start: candidate.start - head[0].length, end: candidate.end + tail[0].length };
}

/**
 * Pairs drifted contexts, in order, that mark the same text and still agree on at least
 * `AGREEING_CHARS` characters right next to it, choosing the pairing that agrees the most.
 */
function alignDrifted(now: readonly string[], was: readonly string[]): (readonly [number, number])[] {
  return bestPairing(now.length, was.length, (i, j) => {
    const shared = agreement(now[i] ?? '', was[j] ?? '');
    return shared >= AGREEING_CHARS ? shared : 0;
  });
}

/** How many characters two contexts share next to their candidates, or 0 when the candidates differ. */
function agreement(a: string, b: string): number {
  const [x, y] = [splitContext(a), splitContext(b)];
  if (x.inner !== y.inner) return 0;
  let shared = 0;
  while (shared < x.before.length && x.before.at(-1 - shared) === y.before.at(-1 - shared)) shared++;
  for (let i = 0; i < x.after.length && x.after[i] === y.after[i]; i++) shared++;
  return shared;
}

function splitContext(context: string) {
  const [, before = '', inner = '', after = ''] = /^(.*?)\[\[(.+?)\]\](.*)$/su.exec(context) ?? [];
  return { before, inner, after };
}

/** Index pairs of a longest common subsequence of `a` and `b` (equal strings), in order. */
function commonSubsequence(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  return bestPairing(a.length, b.length, (i, j) => (a[i] === b[j] ? 1 : 0));
}

/**
 * The in-order pairing of `0…m-1` with `0…n-1` whose pairs score the most in total, pairing only
 * where `score` is positive (with equality as the score, a longest common subsequence).
 */
function bestPairing(m: number, n: number, score: (i: number, j: number) => number): (readonly [number, number])[] {
  const width = n + 1;
  // best(i, j): the most a pairing of i… with j… can score.
  const table = new Float64Array((m + 1) * width);
  const best = (i: number, j: number) => table[i * width + j] ?? 0;
  const paired = (i: number, j: number) => {
    const points = score(i, j);
    return points > 0 ? points + best(i + 1, j + 1) : 0;
  };
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) table[i * width + j] = Math.max(paired(i, j), best(i + 1, j), best(i, j + 1));
  }
  const pairs: (readonly [number, number])[] = [];
  for (let i = 0, j = 0; i < m && j < n;) {
    if (score(i, j) > 0 && best(i, j) === paired(i, j)) pairs.push([i++, j++]);
    else if (best(i + 1, j) >= best(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}
