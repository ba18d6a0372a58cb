/**
 * Help for the person labelling a page: its candidates in a wide context with what the labels and
 * the detection say of each, and a skeleton of its labels to fill in.
 */
import { pairLabels } from './align-labels';
import { ContextText, findCandidates } from './find-candidates';
import { UNDECIDED, type PageLabels, type Undecided, type Verdict } from './labels';
import type { PageReading } from './read-page';
import { placeFinder } from './score-page';

type Draft = Verdict | Undecided;

/**
 * One block per candidate: its number, a wide context (`width` characters each side), the label's
 * verdict if it has one, and what Backstory highlighted there.
 */
export function formatCandidates(
  key: string,
  reading: PageReading,
  page: PageLabels<Draft> | undefined,
  width: number,
) {
  const context = new ContextText(reading.text);
  const candidates = findCandidates(reading.text, context);
  const drafts = page?.candidates ?? [];
  const { labelOf, problems } = pairLabels(key, candidates, drafts);
  const where = placeFinder(reading.places);
  const lines = [
    `${key}: ${candidates.length} candidates, ${reading.detections.length} highlights${page ? '' : ', no labels yet'}`,
  ];
  candidates.forEach((candidate, index) => {
    const draft = drafts[labelOf.get(index) ?? -1];
    const highlights = reading.detections.filter((d) => d.start < candidate.end && candidate.start < d.end);
    const place = where(candidate.start).where;
    lines.push(
      '',
      `#${index + 1} at ${candidate.start}${place ? ` [in ${place}]` : ''}: ${context.around(candidate.start, candidate.end, width)}`,
      `   label: ${draft ? describe(draft) : 'none'}`,
      `   highlighted: ${highlights.map((d) => `${d.entity} ${JSON.stringify(d.text)}`).join(', ') || 'no'}`,
    );
  });
  if (page && problems.length > 0) lines.push('', ...problems);
  return lines.join('\n');
}

function describe(draft: Draft): string {
  if (draft.entity === UNDECIDED) return 'undecided';
  if (draft.entity === null) return `not a company (${draft.why})`;
  return `${draft.entity} ${draft.mention}${draft.note ? ` (${draft.note})` : ''}`;
}

/**
 * The page's labels brought up to date with its candidates: each candidate keeps its verdict if it
 * has one (with its context refreshed), new ones come in undecided; labels with no candidate go
 * (returned, to be told).
 */
export function skeletonFor(key: string, reading: PageReading, page: PageLabels<Draft> | undefined) {
  const candidates = findCandidates(reading.text);
  const drafts = page?.candidates ?? [];
  const { labelOf } = pairLabels(key, candidates, drafts);
  const kept = new Set(labelOf.values());
  const labels: PageLabels<Draft> = {
    ...(page?.note !== undefined && { note: page.note }),
    candidates: candidates.map((candidate, index): Draft => {
      const draft = drafts[labelOf.get(index) ?? -1];
      return draft ? { ...draft, context: candidate.context } : { context: candidate.context, entity: UNDECIDED };
    }),
  };
  return { labels, dropped: drafts.filter((_, index) => !kept.has(index)) };
}
