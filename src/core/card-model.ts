import type { Dataset, DealEvent, Entity, EntityId, IsoDate, Source } from './dataset-types';

/** Everything a card shows for one entity, chosen from the dataset. */
export interface CardModel {
  readonly id: EntityId;
  readonly name: string;
  readonly identity: string;
  readonly role: string;
  /** Where things stand; absent for entities the dataset keeps no status for. */
  readonly now?: { readonly text: string; readonly since: IsoDate; readonly sources: readonly Source[] };
  readonly asOf: IsoDate;
  /** The day the dataset was last checked against its sources: with asOf, how old the card's facts are. */
  readonly checkedOn: IsoDate;
  /** The events that matter most for the entity, newest first. */
  readonly keyEvents: readonly DealEvent[];
  readonly related: readonly { readonly id: EntityId; readonly name: string }[];
  /** What happened to the entity after the page was written, when the page says when that was. */
  readonly sincePage?: { readonly date: IsoDate; readonly count: number; readonly events: readonly DealEvent[] };
}

/** "Since this page": the events that matter most, at most this many. */
export const MAX_SINCE_EVENTS = 3;

/**
 * A card stays readable in ten seconds: at most this many key dates (more sit behind the
 * card's "More"), and fewer when "since this page" already shows events.
 */
export const MAX_KEY_EVENTS = 6;

/**
 * Picks what a card says about `entityId`: its status, and its most important events (turning
 * points first, then those that changed the story most), shown newest first; and, given the date
 * the page was written (or last updated), what came after it, ranked the same way.
 */
export function cardModel(dataset: Dataset, entityId: EntityId, pageDate?: IsoDate): CardModel | undefined {
  const entity = dataset.entities.find((e) => e.id === entityId);
  if (!entity) return undefined;
  const status = dataset.statuses.find((s) => s.entity === entityId);
  const history = dataset.events.filter((event) => event.entities.includes(entityId));
  const since = pageDate === undefined ? undefined : sincePage(history, pageDate);
  // Key dates do not repeat what "since this page" already shows.
  const shown = new Set(since?.events.map((e) => e.id));
  return {
    id: entity.id,
    name: entity.name,
    identity: entity.identity,
    role: entity.role,
    ...(status && { now: { text: status.text, since: status.since, sources: status.sources } }),
    asOf: dataset.asOf,
    checkedOn: dataset.checkedOn,
    keyEvents: mostImportant(
      history.filter((e) => !shown.has(e.id)),
      history,
      MAX_KEY_EVENTS,
    ),
    related: relatedEntities(dataset.entities, entity),
    ...(since && { sincePage: since }),
  };
}

/** The entity's events after the page's date (`history`: all of them, oldest first). */
function sincePage(history: readonly DealEvent[], date: IsoDate): NonNullable<CardModel['sincePage']> {
  const after = history.filter((event) => event.date.slice(0, date.length) > date);
  return { date, count: after.length, events: mostImportant(after, history, MAX_SINCE_EVENTS) };
}

/**
 * The `count` events of `events` that matter most, shown newest first: the most important
 * first, and among equally important ones those that changed the story most (see
 * {@link storyChange}). `history` is every event of the entity, oldest first, which that
 * measure reads.
 */
function mostImportant(events: readonly DealEvent[], history: readonly DealEvent[], count: number): DealEvent[] {
  const change = storyChange(history);
  return [...events]
    .sort((a, b) => b.importance - a.importance || (change.get(b) ?? 0) - (change.get(a) ?? 0))
    .slice(0, count)
    .sort((a, b) => compareDates(b.date, a.date));
}

/**
 * How much each event changed the entity's story, among events of its importance or more: the
 * latest of them is where the story stands now and counts most; each other counts the days
 * since the one before it, so a turn that comes long after the last one opens a new chapter
 * (the 2024 law, the Supreme Court's ruling nine months later) while one a day after another
 * is that one's aftermath (the app going dark the day after the ruling).
 */
function storyChange(history: readonly DealEvent[]): Map<DealEvent, number> {
  const change = new Map<DealEvent, number>();
  for (const importance of [1, 2, 3]) {
    const level = history.filter((event) => event.importance >= importance);
    level.forEach((event, index) => {
      if (event.importance !== importance) return;
      const before = level[index - 1];
      const isLatest = index === level.length - 1 || level.slice(index + 1).every((e) => e.importance > importance);
      change.set(event, isLatest ? Infinity : before ? daysBetween(before.date, event.date) : Infinity);
    });
  }
  return change;
}

function relatedEntities(entities: readonly Entity[], entity: Entity): CardModel['related'] {
  return entity.related.flatMap((id) => {
    const other = entities.find((e) => e.id === id);
    return other ? [{ id: other.id, name: other.name }] : [];
  });
}

/** Days from `a` to `b` (a month-only date counts from its first day). */
function daysBetween(a: IsoDate, b: IsoDate): number {
  const day = (date: IsoDate) => Date.parse(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`) / 86_400_000;
  return day(b) - day(a);
}

function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
