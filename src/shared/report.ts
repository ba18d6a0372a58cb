/**
 * "Report a problem": what the report page is told (by the card, about one mention, or by the
 * popup), carried in its address. Nothing is sent anywhere: the reader copies the prepared report
 * and files it at the issue tracker themselves.
 */
import type { EntityId } from '../core/dataset-types';

/** Where readers file reports: the one place the project's issue tracker is named. */
export const ISSUE_TRACKER_URL = 'https://github.com/backstory-extension/backstory/issues/new';

/** What a report starts from; every field is optional (the popup knows no mention). */
export interface ReportContext {
  readonly entityId?: EntityId;
  /** The name as highlighted on the page. */
  readonly name?: string;
  /** The sentence it stands in. */
  readonly sentence?: string;
  /** The page's address: put in the report only if the reader ticks the box. */
  readonly pageUrl?: string;
}

const FIELDS = ['entityId', 'name', 'sentence', 'pageUrl'] as const;
/** Bounds on what an address carries, so a page's huge text cannot bloat it. */
const MAX_LENGTH = 2_000;

/** The report page's address (relative to the extension's root). */
export function reportPageUrl(context: ReportContext): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = context[field];
    if (value) params.set(field, value.slice(0, MAX_LENGTH));
  }
  const query = params.toString();
  return query ? `report.html?${query}` : 'report.html';
}

/** The context back from the report page's query string; anything else in it is ignored. */
export function readReportContext(search: string): ReportContext {
  const params = new URLSearchParams(search);
  const context: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value) context[field] = value.slice(0, MAX_LENGTH);
  }
  return context;
}
