/**
 * What a page as a whole says about a name that is also a word, for the candidates the words
 * around them leave undecided: "the Oracle smiled", "Chapter 12: The Drowned Oracle", a tag
 * "oracle". Such a name is the company only where the page speaks of the company's world: words
 * of that world near any of its candidates, and sure mentions of it and of the entities related
 * to it. A name standing as a title (a heading, an item of a list of titles) or as a tag needs
 * more of that than one in running prose, since titles borrow words freely.
 *
 * How much the page must say is the dataset's (each entity's `context.pageWorldNeeded`), measured
 * with `npm run eval` on the three page sets (README, "How a name that is also a word is decided").
 */
import type { Entity, EntityId, PageWorldNeeded } from './dataset-types';

/** The text on either side of a candidate name: `after` starts right at the name's end. */
export interface Surroundings {
  readonly before: string;
  readonly after: string;
}

/** A sure mention counts for its page as much as this many words of its world. */
export const SURE_MENTION_WEIGHT = 2;

/** How a name stands in its text: in a sentence, as a title on its own, or in a list of tags. */
export type Setting = 'prose' | 'title' | 'tag';

/** A block of text no longer than this, with no sentence in it, is a title. */
const TITLE_CHARS = 80;

/** What ends a list's label, and what stands between its items: TAG_LIST and `mayEndTagList` read both. */
const TAG_COLONS = ':：';
const TAG_SEPARATORS = ',，、|·';

/** A label that opens a list of tags or categories, in the languages we read, then the items before the name. */
const TAG_LIST = new RegExp(
  String.raw`(?:(?:^|[^a-zà-ÿ])(?:tags?|tagged|topics?|categor(?:y|ies)|filed under|labels?|keywords?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen|kategorien?|étiquettes?|mots[- ]cl(?:é|e)s|cat(?:é|e)gories?|etiquetas|temas|categor(?:í|i)as?)|标签|標籤|分类|分類|タグ|カテゴリー?)\s*[${TAG_COLONS}]\s*(?:[^.!?:;\n]{1,40}[${TAG_SEPARATORS}]\s*){0,12}$`,
  'iu',
);

/** A sentence's end followed by more text: the block is prose, not a title. */
const SENTENCE_INSIDE = /[.!?。！？]\s+\S/u;

/** How the name between `around.before` and `around.after` stands. */
export function settingOf(around: Surroundings): Setting {
  const { before } = around;
  if (mayEndTagList(before) && TAG_LIST.test(before)) return 'tag';
  const block = `${around.before}x${around.after}`.trim();
  return block.length <= TITLE_CHARS && !SENTENCE_INSIDE.test(block) ? 'title' : 'prose';
}

/**
 * What TAG_LIST asks of the text after its label's colon, looked at first, since compiling the
 * pattern costs a page milliseconds: only white space, or items each ending with a separator.
 */
function mayEndTagList(before: string): boolean {
  const colon = Math.max(...[...TAG_COLONS].map((mark) => before.lastIndexOf(mark)));
  if (colon < 0) return false;
  const items = before.slice(colon + 1).trimEnd();
  return items === '' || TAG_SEPARATORS.includes(items.at(-1) ?? '');
}

/** The weight of the page a name needs in its setting: a title or a tag needs the `title` weight. */
export const pageWorldNeeded = (setting: Setting, needed: PageWorldNeeded): number =>
  setting === 'prose' ? needed.prose : needed.title;

/**
 * What a page says about its ambiguous names, gathered as it is read: the words near each
 * candidate and the sure mentions of each entity and of the entities related to it (a page that
 * says "ByteDance" speaks for the "Tiktok" it also holds).
 */
export class PageEvidence {
  readonly #related: ReadonlyMap<EntityId, readonly EntityId[]>;
  readonly #sure = new Map<EntityId, number>();
  readonly #world = new Map<EntityId, number>();
  readonly #other = new Map<EntityId, number>();

  constructor(entities: readonly Pick<Entity, 'id' | 'related'>[]) {
    this.#related = new Map(entities.map((e) => [e.id, e.related]));
  }

  /** Notes a mention that needed no context. */
  noteSure(entityId: EntityId): void {
    this.#sure.set(entityId, (this.#sure.get(entityId) ?? 0) + 1);
  }

  /** Notes the words read near a candidate: of the entity's world, and of its other senses. */
  noteNear(entityId: EntityId, world: number, other: number): void {
    this.#world.set(entityId, (this.#world.get(entityId) ?? 0) + world);
    this.#other.set(entityId, (this.#other.get(entityId) ?? 0) + other);
  }

  /** The weight of the page for the entity (`world`) and for its other senses (`other`). */
  leaning(entityId: EntityId): { world: number; other: number } {
    let sure = this.#sure.get(entityId) ?? 0;
    for (const related of this.#related.get(entityId) ?? []) sure += this.#sure.get(related) ?? 0;
    const other = this.#other.get(entityId) ?? 0;
    return { world: (this.#world.get(entityId) ?? 0) + SURE_MENTION_WEIGHT * sure, other };
  }
}
