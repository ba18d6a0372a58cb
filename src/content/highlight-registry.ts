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
 * per entity, holding exactly the live ranges of the current mentions. It keeps its own sets of
 * ranges because Firefox forbids content scripts to iterate a `Highlight`.
 */
export class HighlightRegistry {
  readonly #byNode = new Map<Text, PageMention[]>();
  readonly #byEntity = new Map<EntityId, Set<PageMention>>();
  readonly #highlights = new Map<EntityId, Highlight>();
  /** Elements whose own text holds a mention: a cheap first test for the pointer. */
  readonly #parents = new WeakSet<Element>();

  /** Registers the mentions found in `node`, replacing any it had. */
  add(node: Text, mentions: readonly Mention[]): void {
    this.remove(node);
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
      this.#entitySet(record.entityId).add(record);
      this.#highlight(record.entityId).add(record.range);
    }
  }

  /** Forgets the mentions of `node` and takes their ranges out of the highlights. */
  remove(node: Text): void {
    const records = this.#byNode.get(node);
    if (!records) return;
    this.#byNode.delete(node);
    for (const record of records) {
      this.#byEntity.get(record.entityId)?.delete(record);
      this.#highlights.get(record.entityId)?.delete(record.range);
    }
  }

  /**
   * Drops the mentions whose text left the page or whose range no longer covers it (the DOM
   * collapses a range when its node is removed), and returns the nodes still in the page that
   * must be read again.
   */
  prune(): Text[] {
    const rescan: Text[] = [];
    for (const [node, records] of this.#byNode) {
      const intact = records.every((r) => !r.range.collapsed && r.range.startContainer === node);
      if (node.isConnected && intact) continue;
      this.remove(node);
      if (node.isConnected) rescan.push(node);
    }
    return rescan;
  }

  /** Whether `node` has registered mentions. */
  has(node: Text): boolean {
    return this.#byNode.has(node);
  }

  /** The mentions inside one text node, in text order. */
  mentionsIn(node: Text): readonly PageMention[] {
    return this.#byNode.get(node) ?? [];
  }

  /** Whether `element` directly holds text with a mention. */
  holdsMentions(element: Element): boolean {
    return this.#parents.has(element);
  }

  /** Every mention, in document order. */
  all(): PageMention[] {
    return [...this.#byNode.values()].flat().sort(inDocumentOrder);
  }

  get size(): number {
    let size = 0;
    for (const set of this.#byEntity.values()) size += set.size;
    return size;
  }

  /** Removes every highlight this registry registered. */
  clear(): void {
    for (const entityId of this.#highlights.keys()) CSS.highlights.delete(highlightName(entityId));
    this.#highlights.clear();
    this.#byEntity.clear();
    this.#byNode.clear();
  }

  #entitySet(entityId: EntityId): Set<PageMention> {
    let set = this.#byEntity.get(entityId);
    if (!set) this.#byEntity.set(entityId, (set = new Set()));
    return set;
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

function inDocumentOrder(a: PageMention, b: PageMention): number {
  if (a.node === b.node) return a.range.startOffset - b.range.startOffset;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
