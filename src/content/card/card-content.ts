import type { CardModel } from '../../core/card-model';
import type { EntityId, IsoDate } from '../../core/dataset-types';

/** Asks the background for an entity's card, given the page's date when it has one. */
export type FetchCardModel = (entityId: EntityId, pageDate: IsoDate | undefined) => Promise<CardModel | undefined>;

/** Reads the date the page was written (or last updated), if it says. */
export type ReadPageDate = () => Promise<IsoDate | undefined>;

/**
 * What the cards of one page show: each entity's card, fetched once and kept while the page
 * stays the same page, and the page's date they depend on, read when the first card is wanted
 * (most pages never show one). A single-page app's navigation may change the date: `forget()`.
 */
export class CardContent {
  readonly #fetch: FetchCardModel;
  readonly #readPageDate: ReadPageDate;
  readonly #models = new Map<EntityId, Promise<CardModel | undefined>>();
  #pageDate: Promise<IsoDate | undefined> | undefined;

  constructor(fetch: FetchCardModel, readPageDate: ReadPageDate) {
    this.#fetch = fetch;
    this.#readPageDate = readPageDate;
  }

  /** Starts getting a card while the pointer rests on its name, so it is there when the delay ends. */
  prefetch(entityId: EntityId): void {
    this.model(entityId).catch(() => undefined);
  }

  /** An entity's card; a failed or empty answer is not remembered, so the next hover asks again. */
  model(entityId: EntityId): Promise<CardModel | undefined> {
    let model = this.#models.get(entityId);
    if (!model) {
      // A date that could not be read gives cards without "since this page", and is tried again.
      const pageDate = (this.#pageDate ??= this.#readPageDate().catch(() => {
        this.#pageDate = undefined;
        return undefined;
      }));
      model = pageDate.then((date) => this.#fetch(entityId, date));
      this.#models.set(entityId, model);
      model.then(
        (found) => found ?? this.#models.delete(entityId),
        () => this.#models.delete(entityId),
      );
    }
    return model;
  }

  /** The page may be another page now: its date and every card are read again. */
  forget(): void {
    this.#pageDate = undefined;
    this.#models.clear();
  }
}
