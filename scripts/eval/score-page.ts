/**
 * Scores one page: which highlights are true mentions, which are not, and which true mentions
 * were missed, each with the context a reader needs to judge the rule that caused it.
 */
import type { LabelledCandidate } from './align-labels';
import type { ContextText } from './find-candidates';
import { COMPANIES, type Company, type Detection, type Place } from './read-page';

/** True positives, false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** A false positive or false negative, with what the labels say about the place. */
export interface Finding {
  readonly page: string;
  readonly entity: Company;
  readonly start: number;
  readonly context: string;
  /** For a false positive, what the labels say about that text; for a false negative, the mention. */
  readonly label: string;
  /** Where the text sits when a reader might not see it or Backstory does not read it. */
  readonly where?: string;
}

/** A true positive whose highlight ends elsewhere than the labelled mention: a note, not an error. */
export interface SpanNote {
  readonly page: string;
  readonly entity: Company;
  readonly context: string;
  readonly detected: string;
  readonly labelled: string;
}

export interface PageScore {
  readonly page: string;
  readonly counts: Record<Company, Counts>;
  readonly falsePositives: readonly Finding[];
  readonly falseNegatives: readonly Finding[];
  readonly spanNotes: readonly SpanNote[];
}

/** What `read-page` adds to a place whose text the page does not render. */
export const NOT_RENDERED = '(hidden)';

/**
 * A highlight is a true positive when a labelled mention of the same company starts where it
 * starts; every other highlight is a false positive, every unmatched mention a false negative.
 */
export function scorePage(
  page: string,
  text: string,
  context: ContextText,
  labelled: readonly LabelledCandidate[],
  detections: readonly Detection[],
  places: readonly Place[] = [],
): PageScore {
  const counts = Object.fromEntries(COMPANIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Company, Counts>;
  const truths = labelled.filter((c) => c.verdict.entity !== null && c.mention);
  const matched = new Set<LabelledCandidate>();
  const falsePositives: Finding[] = [];
  const spanNotes: SpanNote[] = [];
  const where = placeFinder(places);

  for (const detection of detections) {
    const truth = truths.find(
      (t) => !matched.has(t) && t.verdict.entity === detection.entity && t.mention?.start === detection.start,
    );
    if (truth) {
      matched.add(truth);
      counts[detection.entity].tp++;
      if (truth.mention?.end !== detection.end) {
        spanNotes.push({
          page,
          entity: detection.entity,
          context: truth.context,
          detected: detection.text,
          labelled: text.slice(truth.mention?.start, truth.mention?.end),
        });
      }
      continue;
    }
    counts[detection.entity].fp++;
    const under = labelled.find((c) => overlaps(c.mention ?? c, detection));
    falsePositives.push({
      page,
      entity: detection.entity,
      start: detection.start,
      context: under?.context ?? context.around(detection.start, detection.end),
      label: describeLabel(under, detection),
      ...where(detection.start),
    });
  }

  // A name in text the page does not render (a closed menu, `hidden`) is deliberately not
  // highlighted (README, What it does on a page): it is neither found nor missed.
  const falseNegatives = truths
    .filter((t) => !matched.has(t) && !where(t.start).where?.includes(NOT_RENDERED))
    .map((t): Finding => {
      const entity = t.verdict.entity as Company;
      counts[entity].fn++;
      return {
        page,
        entity,
        start: t.start,
        context: t.context,
        label: `mention ${JSON.stringify(text.slice(t.mention?.start, t.mention?.end))}`,
        ...where(t.start),
      };
    });
  return { page, counts, falsePositives, falseNegatives, spanNotes };
}

/** What the labels say about the text under a false positive. */
function describeLabel(under: LabelledCandidate | undefined, detection: Detection): string {
  if (!under) return `not a candidate (highlighted ${JSON.stringify(detection.text)})`;
  const { verdict } = under;
  if (verdict.entity === null) return `false candidate: ${verdict.why}`;
  if (verdict.entity !== detection.entity) return `a mention of ${verdict.entity}, not ${detection.entity}`;
  return `the mention is ${JSON.stringify(verdict.mention)}; highlighted ${JSON.stringify(detection.text)}`;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Where an offset of the body text sits (the last place starting at or before it), when that is
 * somewhere a reader might not see it or Backstory does not read: `{ where }`, else `{}`.
 */
export function placeFinder(places: readonly Place[]) {
  return (offset: number): { where?: string } => {
    let [low, high] = [0, places.length - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((places[middle]?.start ?? Infinity) <= offset) low = middle;
      else high = middle - 1;
    }
    const place = places[low];
    return place && place.start <= offset && place.where ? { where: place.where } : {};
  };
}
