/**
 * The dataset as the build hands it to the extension: validated against `src/data/schema.json`,
 * cross-checked, and with every alias default filled in, so runtime code never re-checks it.
 */
import type { PreparedContext } from './disambiguate';
import type { PreparedAliases } from './match-mentions';

/** Lower-case id of an entity, such as `tiktok` or `larry-ellison`. */
export type EntityId = string;

/** `YYYY-MM-DD`, or `YYYY-MM` where only the month is known. Sorts as text. */
export type IsoDate = string;

/**
 * What a source is, so a reader can weigh it: primary (a government, court or legislature's own
 * document, a company's own statement or filing), wire (a news agency's story, named "Reuters" or
 * "Reuters via <site>" where a copy was read), outlet (a news organisation under its own name),
 * reference (an encyclopedia).
 */
export type SourceKind = 'primary' | 'wire' | 'outlet' | 'reference';

export interface Source {
  readonly url: string;
  readonly publisher: string;
  readonly title: string;
  /** The date the page shows; null where it shows none. */
  readonly date: IsoDate | null;
  readonly kind: SourceKind;
}

export type AliasCase = 'exact' | 'capitalized' | 'insensitive';
export type AliasBoundary = 'word' | 'none';
/**
 * always: the name is the entity wherever it stands. context: it is, unless the words around it
 * or the page say it means something else (an oracle of Delphi). nearby: only where words of the
 * entity's world stand near it (a lower-case "oracle" beside "jdbc").
 */
export type AliasWhen = 'always' | 'context' | 'nearby';

export interface Alias {
  readonly text: string;
  readonly case: AliasCase;
  readonly boundary: AliasBoundary;
  readonly suffixes: readonly string[];
  /** Beginnings allowed inside the same word, in code ("is" of "isOracle"); the highlight covers the name alone. */
  readonly prefixes: readonly string[];
  readonly when: AliasWhen;
}

/** Another meaning a name of the entity can have, and the words that give it away. */
export interface OtherSense {
  /** What the name means then, for people reading the rules: "an oracle of ancient Greece". */
  readonly why: string;
  /** Words that, near the name or on the page, speak for this meaning. */
  readonly words: readonly string[];
  /** Words right before the name that settle it ("test" oracle). */
  readonly before: readonly string[];
  /** Words right after the name that settle it ("of <Name>", "manipulation"). */
  readonly after: readonly string[];
}

/**
 * How much the page must speak for the entity's world (words of it near any candidate, weight 1;
 * sure mentions of it or a related entity, weight 2) before a name left undecided by its own words
 * is taken: in running prose, and as a title or a tag. 0: unless the page leans elsewhere.
 */
export interface PageWorldNeeded {
  readonly prose: number;
  readonly title: number;
}

/** What tells an entity's name apart from the same word meaning something else. */
export interface EntityContext {
  /** Words of the entity's world ("database", "JDBC"): near the name, or right after it, they speak for it. */
  readonly world: readonly string[];
  /** Words right before the name that settle it as the entity ("shares of", "NYSE:"), before the page has a say. */
  readonly worldBefore: readonly string[];
  readonly pageWorldNeeded: PageWorldNeeded;
  readonly otherSenses: readonly OtherSense[];
}

export type EntityKind =
  'company' | 'person' | 'government body' | 'court' | 'law' | 'investor' | 'joint venture' | 'product';

export interface Entity {
  readonly id: EntityId;
  readonly name: string;
  readonly kind: EntityKind;
  readonly identity: string;
  readonly role: string;
  readonly aliases: readonly Alias[];
  /** Present where one of its aliases is a common word or another name. */
  readonly context?: EntityContext;
  readonly related: readonly EntityId[];
  readonly highlightByDefault: boolean;
}

/**
 * An entity as the engine receives it (`backstory:aliases`, written by build.mjs with
 * `prepareMatching`): its aliases and rules prepared for the matcher and the judge, nothing of
 * its card.
 */
export interface MatchingEntity extends Pick<Entity, 'id' | 'related' | 'highlightByDefault'> {
  readonly aliases: PreparedAliases;
  readonly context?: PreparedContext;
}

export interface DealEvent {
  readonly id: string;
  readonly date: IsoDate;
  readonly title: string;
  readonly summary: string;
  readonly entities: readonly EntityId[];
  readonly sources: readonly Source[];
  readonly confidence: 'verified' | 'single-source';
  /** 3: a turning point; 2: a notable step; 1: context. */
  readonly importance: 1 | 2 | 3;
  /** Where sources disagree on something a reader would care about, each side named. */
  readonly disagreement?: string;
  /** For the dataset's editors, not the card: what was checked and not found (no primary document). */
  readonly notes?: string;
}

export interface Status {
  readonly entity: EntityId;
  readonly text: string;
  readonly since: IsoDate;
  readonly sources: readonly Source[];
}

export interface Dataset {
  /** The date of the latest event the dataset holds: nothing after it is known to the extension. */
  readonly asOf: IsoDate;
  /** The day the dataset was last checked against its sources, so a card can say how old it is. */
  readonly checkedOn: IsoDate;
  readonly entities: readonly Entity[];
  /** Oldest first. */
  readonly events: readonly DealEvent[];
  readonly statuses: readonly Status[];
}
