/**
 * Which of the deal's events the timeline shows, and in what order: a company filter, a search
 * by words (each word must appear in the event's title, summary, its entities' names or its
 * sources' outlets and titles, ignoring case and accents), newest or oldest first. Pure, so the
 * rules are tested in Node.
 */
import type { DealEvent, EntityId } from './dataset-types';

export interface TimelineQuery {
  /** Only the events of this entity, or undefined for all. */
  readonly entity: EntityId | undefined;
  /** What the reader typed in the search box. */
  readonly search: string;
  readonly newestFirst: boolean;
}

/** Lower case, accents off, so "bytedance" finds "ByteDance" and "zolle" finds "Zölle". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search, folded; empty for a blank search. */
export function searchWords(search: string): string[] {
  return foldText(search)
    .split(/[\s,;]+/u)
    .filter((word) => word.length > 0);
}

/** Everything a search reads in an event, folded once. */
function searchableText(event: DealEvent, entityNames: ReadonlyMap<EntityId, string>): string {
  return foldText(
    [
      event.title,
      event.summary,
      event.disagreement ?? '',
      ...event.entities.map((id) => entityNames.get(id) ?? id),
      ...event.sources.flatMap((source) => [source.publisher, source.title]),
    ].join('\n'),
  );
}

/** The events to show, in the order to show them. */
export function queryEvents(
  events: readonly DealEvent[],
  query: TimelineQuery,
  entityNames: ReadonlyMap<EntityId, string>,
): DealEvent[] {
  const words = searchWords(query.search);
  const shown = events.filter((event) => {
    if (query.entity !== undefined && !event.entities.includes(query.entity)) return false;
    if (words.length === 0) return true;
    const text = searchableText(event, entityNames);
    return words.every((word) => text.includes(word));
  });
  const oldestFirst = [...shown].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return query.newestFirst ? oldestFirst.reverse() : oldestFirst;
}

/** Events grouped by year, keeping their order. */
export function groupByYear(events: readonly DealEvent[]): [string, DealEvent[]][] {
  const years = new Map<string, DealEvent[]>();
  for (const event of events) {
    const year = event.date.slice(0, 4);
    const list = years.get(year) ?? [];
    list.push(event);
    years.set(year, list);
  }
  return [...years];
}

/** Whether an event came after the page's date (compared at the precision both have). */
export function isAfterDate(event: DealEvent, date: string | undefined): boolean {
  return date !== undefined && event.date.slice(0, date.length) > date;
}
