import type { EntityId } from '../../core/dataset-types';
import type { Mention } from '../../core/match-mentions';
import { highlightName } from '../../shared/public-names';

/** A mention in the page: where it is, as a live Range, and whose it is. */
export interface PageMention {
  /**
   * Stable for as long as the mention stays in the page (a pass that reads its text again keeps
   * it), never reused in this document: what the popup names a mention by.
   */
  readonly id: number;
  readonly entityId: EntityId;
  readonly node: Text;
  readonly range: Range;
  /** The name as it was found, to tell whether the range still spells it after an edit. */
  readonly text: string;
}

/**
 * Chromium repaints the highlights of a text node at a cost of its whole length for each range
 * (measured: 100 names in a 400 KB block, 0.66 s; 1,000 in 4 MB, 59 s of frozen page). So one
 * text node gets at most this budget divided by its length of highlighted names; a paragraph of
 * 2,000 characters is never capped (1,000 names), a 400 KB block gets 5. See README, Limitations.
 */
export const PAINT_BUDGET = 2_000_000;

/**
 * The budget this build applies: Chromium's only. Firefox's cost per range does not grow with the
 * node's length (1,000 names in one 4 MB node: a pass of 0.43 s, in slices), so it paints them all.
 */
export const BROWSER_PAINT_BUDGET = __BROWSER__ === 'chrome' ? PAINT_BUDGET : Infinity;

/** How many of a text node's mentions may be highlighted, given its length and a paint budget. */
export const paintableIn = (length: number, budget = PAINT_BUDGET): number => Math.floor(budget / Math.max(length, 1));

/** Mention ids: unique for the content script's lifetime, across runs (a site paused and resumed). */
let nextId = 1;

export interface RegistryOptions {
  /**
   * A test for one batch of work (see `renderedTextTest`): whether a text is rendered. Mentions in
   * text that is not are kept, but neither highlighted, counted nor listed until it is.
   * Default: every text is.
   */
  readonly renderedTest?: () => (node: Text) => boolean;
  /** See `paintableIn`; `Infinity` paints every mention. Default: this build's, `BROWSER_PAINT_BUDGET`. */
  readonly paintBudget?: number;
}

/**
 * Holds the page's mentions and the `CSS.highlights` entries that paint them, one `Highlight`
 * per entity, holding exactly the live ranges of the current mentions in rendered text. It keeps
 * its own sets of ranges because Firefox forbids content scripts to iterate a `Highlight`.
 */
export class HighlightRegistry {
  readonly #byNode = new Map<Text, PageMention[]>();
  readonly #byEntity = new Map<EntityId, Set<PageMention>>();
  readonly #byId = new Map<number, PageMention>();
  readonly #highlights = new Map<EntityId, Highlight>();
  /** Text nodes whose mentions are kept but not shown: their text is not rendered. */
  readonly #unrendered = new Set<Text>();
  /** Elements whose own text holds a mention: a cheap first test for the pointer. */
  readonly #parents = new WeakSet<Element>();
  /** Mentions left out by the paint budget, by text node. */
  readonly #capped = new Map<Text, number>();
  readonly #renderedTest: () => (node: Text) => boolean;
  readonly #paintBudget: number;

  constructor({ renderedTest = () => () => true, paintBudget = BROWSER_PAINT_BUDGET }: RegistryOptions = {}) {
    this.#renderedTest = renderedTest;
    this.#paintBudget = paintBudget;
  }

  /**
   * Registers the mentions found in `node`, replacing any it had, within the paint budget. A
   * mention already registered at the same place keeps its id.
   */
  add(node: Text, found: readonly Mention[], rendered = this.#renderedTest()): void {
    const before = this.#byNode.get(node) ?? [];
    this.remove(node);
    const mentions = found.slice(0, paintableIn(node.length, this.#paintBudget));
    if (mentions.length < found.length) this.#capped.set(node, found.length - mentions.length);
    if (mentions.length === 0) return;
    // Read once: in Firefox each read of a page node's `data` copies its text (4 MB per mention
    // froze the page for over 15 s; read once, the pass took 0.43 s).
    const data = node.data;
    const records = mentions.map((mention): PageMention => {
      const same = before.find(
        (old) =>
          old.entityId === mention.entityId &&
          old.range.startContainer === node &&
          old.range.startOffset === mention.start &&
          old.range.endOffset === mention.end,
      );
      const range = same?.range ?? node.ownerDocument.createRange();
      if (!same) {
        range.setStart(node, mention.start);
        range.setEnd(node, mention.end);
      }
      const id = same?.id ?? nextId++;
      return { id, entityId: mention.entityId, node, range, text: data.slice(mention.start, mention.end) };
    });
    this.#byNode.set(node, records);
    if (node.parentElement) this.#parents.add(node.parentElement);
    for (const record of records) this.#byId.set(record.id, record);
    if (rendered(node)) this.#show(records);
    else this.#unrendered.add(node);
  }

  /** Forgets the mentions of `node` and takes their ranges out of the highlights. */
  remove(node: Text): void {
    this.#capped.delete(node);
    this.#unrendered.delete(node);
    const records = this.#byNode.get(node);
    if (!records) return;
    this.#byNode.delete(node);
    this.#forget(records);
  }

  /**
   * After `node`'s text changed: drops at once its mentions whose range no longer spells the name
   * found there (the DOM moves and shrinks live ranges with the text), keeps the others, so an
   * edit elsewhere in the text does not make them blink. The next pass reads the node again.
   */
  keepIntact(node: Text): void {
    const records = this.#byNode.get(node);
    if (!records) return;
    const intact = records.filter((r) => r.range.startContainer === node && r.range.toString() === r.text);
    if (intact.length === records.length) return;
    if (intact.length === 0) return this.remove(node);
    this.#forget(records.filter((record) => !intact.includes(record)));
    this.#byNode.set(node, intact);
  }

  /**
   * Drops the mentions whose text left the page or whose range no longer covers it (the DOM
   * collapses a range when its node is removed), forgets every text that left the page, and
   * returns the nodes still in the page that must be read again.
   */
  prune(): Text[] {
    const rescan: Text[] = [];
    for (const [node, records] of this.#byNode) {
      const intact = records.every((r) => !r.range.collapsed && r.range.startContainer === node);
      if (node.isConnected && intact) continue;
      this.remove(node);
      if (node.isConnected) rescan.push(node);
    }
    for (const node of this.#capped.keys()) if (!node.isConnected) this.#capped.delete(node);
    return rescan;
  }

  /**
   * Shows the mentions of text that became rendered (a menu opened) and hides those of text that
   * no longer is; returns whether anything changed.
   */
  updateRendered(): boolean {
    const rendered = this.#renderedTest();
    let changed = false;
    for (const [node, records] of this.#byNode) {
      const hidden = this.#unrendered.has(node);
      if (rendered(node) !== hidden) continue;
      changed = true;
      if (hidden) {
        this.#unrendered.delete(node);
        this.#show(records);
      } else {
        this.#unrendered.add(node);
        this.#unshow(records);
      }
    }
    return changed;
  }

  /** Whether `node` has registered mentions (shown or not). */
  has(node: Text): boolean {
    return this.#byNode.has(node);
  }

  /** The mentions shown inside one text node, in text order. */
  mentionsIn(node: Text): readonly PageMention[] {
    return this.#unrendered.has(node) ? [] : (this.#byNode.get(node) ?? []);
  }

  /** A mention shown in the page, by its id. */
  get(id: number): PageMention | undefined {
    const mention = this.#byId.get(id);
    return mention && !this.#unrendered.has(mention.node) ? mention : undefined;
  }

  /** Whether `element` directly holds text with a mention. */
  holdsMentions(element: Element): boolean {
    return this.#parents.has(element);
  }

  /** Every mention shown, in the order they were registered (see content/highlight/document-order for the document's). */
  shown(): PageMention[] {
    const shown: PageMention[] = [];
    for (const [node, records] of this.#byNode) if (!this.#unrendered.has(node)) shown.push(...records);
    return shown;
  }

  /** The text nodes that hold registered mentions, shown or not. */
  texts(): IterableIterator<Text> {
    return this.#byNode.keys();
  }

  /** How many mentions the paint budget left out, in text nodes still in the page. */
  get capped(): number {
    let capped = 0;
    for (const [node, count] of this.#capped) if (node.isConnected) capped += count;
    return capped;
  }

  /** How many mentions are shown. */
  get size(): number {
    let size = 0;
    for (const set of this.#byEntity.values()) size += set.size;
    return size;
  }

  /** How many text nodes it remembers, for any reason (a test's view of what it keeps alive). */
  get remembered(): number {
    return new Set([...this.#byNode.keys(), ...this.#capped.keys(), ...this.#unrendered]).size;
  }

  /** Removes every highlight this registry registered. */
  clear(): void {
    for (const entityId of this.#highlights.keys()) CSS.highlights.delete(highlightName(entityId));
    this.#highlights.clear();
    this.#byEntity.clear();
    this.#byNode.clear();
    this.#byId.clear();
    this.#unrendered.clear();
    this.#capped.clear();
  }

  #show(records: readonly PageMention[]): void {
    for (const record of records) {
      this.#entitySet(record.entityId).add(record);
      this.#highlight(record.entityId).add(record.range);
    }
  }

  #unshow(records: readonly PageMention[]): void {
    for (const record of records) {
      this.#byEntity.get(record.entityId)?.delete(record);
      this.#highlights.get(record.entityId)?.delete(record.range);
    }
  }

  #forget(records: readonly PageMention[]): void {
    this.#unshow(records);
    for (const record of records) this.#byId.delete(record.id);
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
