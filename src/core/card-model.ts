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

/** A card stays readable in ten seconds: at most this many key dates. */
export const MAX_KEY_EVENTS = 4;

/**
 * Picks what a card says about `entityId`: its status, and its most important events (turning
 * points first, then the most recent), shown newest first; and, given the date the page was
 * written (or last updated), what came after it.
 */
export function cardModel(dataset: Dataset, entityId: EntityId, pageDate?: IsoDate): CardModel | undefined {
  const entity = dataset.entities.find((e) => e.id === entityId);
  if (!entity) return undefined;
  const status = dataset.statuses.find((s) => s.entity === entityId);
  const since = pageDate === undefined ? undefined : sincePage(dataset.events, entityId, pageDate);
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
    keyEvents: keyEvents(
      dataset.events.filter((e) => !shown.has(e.id)),
      entityId,
    ),
    related: relatedEntities(dataset.entities, entity),
    ...(since && { sincePage: since }),
  };
}

function sincePage(
  events: readonly DealEvent[],
  entityId: EntityId,
  date: IsoDate,
): NonNullable<CardModel['sincePage']> {
  const after = events.filter((event) => event.entities.includes(entityId) && event.date.slice(0, date.length) > date);
  return { date, count: after.length, events: mostImportant(after, MAX_SINCE_EVENTS) };
}

/** Turning points first, then the most recent; shown newest first. */
function mostImportant(events: readonly DealEvent[], count: number): DealEvent[] {
  return [...events]
    .sort((a, b) => b.importance - a.importance || compareDates(b.date, a.date))
    .slice(0, count)
    .sort((a, b) => compareDates(b.date, a.date));
}

function keyEvents(events: readonly DealEvent[], entityId: EntityId): DealEvent[] {
  return mostImportant(
    events.filter((event) => event.entities.includes(entityId)),
    MAX_KEY_EVENTS,
  );
}

function relatedEntities(entities: readonly Entity[], entity: Entity): CardModel['related'] {
  return entity.related.flatMap((id) => {
    const other = entities.find((e) => e.id === id);
    return other ? [{ id: other.id, name: other.name }] : [];
  });
}

function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
