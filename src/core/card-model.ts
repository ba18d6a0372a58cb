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
  /** The events that matter most for the entity, newest first. */
  readonly keyEvents: readonly DealEvent[];
  readonly related: readonly { readonly id: EntityId; readonly name: string }[];
}

/** A card stays readable in ten seconds: at most this many key dates. */
export const MAX_KEY_EVENTS = 4;

/**
 * Picks what a card says about `entityId`: its status, and its most important events (turning
 * points first, then the most recent), shown newest first.
 */
export function cardModel(dataset: Dataset, entityId: EntityId): CardModel | undefined {
  const entity = dataset.entities.find((e) => e.id === entityId);
  if (!entity) return undefined;
  const status = dataset.statuses.find((s) => s.entity === entityId);
  return {
    id: entity.id,
    name: entity.name,
    identity: entity.identity,
    role: entity.role,
    ...(status && { now: { text: status.text, since: status.since, sources: status.sources } }),
    asOf: dataset.asOf,
    keyEvents: keyEvents(dataset.events, entityId),
    related: relatedEntities(dataset.entities, entity),
  };
}

function keyEvents(events: readonly DealEvent[], entityId: EntityId): DealEvent[] {
  return events
    .filter((event) => event.entities.includes(entityId))
    .sort((a, b) => b.importance - a.importance || compareDates(b.date, a.date))
    .slice(0, MAX_KEY_EVENTS)
    .sort((a, b) => compareDates(b.date, a.date));
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
