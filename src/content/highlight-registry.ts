import type { EntityId } from '../core/dataset-types';
import type { Mention } from '../core/match-mentions';

/** A mention in the page: where it is, as a live Range, and whose it is. */
export interface PageMention {
  readonly entityId: EntityId;
  readonly node: Text;
  readonly range: Range;
}

/** The name each entity's highlight is registered under, documented for users who restyle. */
export const highlightName = (entityId: EntityId): string => `backstory-${entityId}`;

/**
 * Holds the page's mentions and the `CSS.highlights` entries that paint them, one `Highlight`
 * per entity. It keeps its own arrays of ranges because Firefox forbids content scripts to
 * iterate a `Highlight`.
 */
export class HighlightRegistry {
  readonly #byNode = new WeakMap<Text, PageMention[]>();
  readonly #byEntity = new Map<EntityId, PageMention[]>();
  readonly #highlights = new Map<EntityId, Highlight>();
  /** Elements whose own text holds a mention: a cheap first test for the pointer. */
  readonly #parents = new WeakSet<Element>();

  add(node: Text, mentions: readonly Mention[]): void {
    if (mentions.length === 0) return;
    const records = mentions.map((mention): PageMention => {
      const range = node.ownerDocument.createRange();
      range.setStart(node, mention.start);
      range.setEnd(node, mention.end);
      return { entityId: mention.entityId, node, range };
    });
    this.#byNode.set(node, records);
    if (node.parentElement) this.#parents.add(node.parentElement);
    for (const record of records) {
      this.#entityList(record.entityId).push(record);
      this.#highlight(record.entityId).add(record.range);
    }
  }

  /** The mentions inside one text node, in text order. */
  mentionsIn(node: Text): readonly PageMention[] {
    return this.#byNode.get(node) ?? [];
  }

  /** Whether `element` directly holds text with a mention. */
  holdsMentions(element: Element): boolean {
    return this.#parents.has(element);
  }

  /** Every mention, in the order it was found (document order for a first scan). */
  all(): PageMention[] {
    return [...this.#byEntity.values()].flat();
  }

  get size(): number {
    let size = 0;
    for (const list of this.#byEntity.values()) size += list.length;
    return size;
  }

  /** Removes every highlight this registry registered. */
  clear(): void {
    for (const entityId of this.#highlights.keys()) CSS.highlights.delete(highlightName(entityId));
    this.#highlights.clear();
    this.#byEntity.clear();
  }

  #entityList(entityId: EntityId): PageMention[] {
    let list = this.#byEntity.get(entityId);
    if (!list) this.#byEntity.set(entityId, (list = []));
    return list;
  }

  #highlight(entityId: EntityId): Highlight {
    let highlight = this.#highlights.get(entityId);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(highlightName(entityId), highlight);
      this.#highlights.set(entityId, highlight);
    }
    return highlight;
  }
}
