import type { Entity, EntityContext, EntityId } from './dataset-types';
import { charPattern, type Candidate } from './match-mentions';

/** The text on either side of a candidate name: `after` starts right at the name's end. */
export interface Surroundings {
  readonly before: string;
  readonly after: string;
}

/** What the words around one candidate say. */
export interface Evidence {
  /** Words of the entity's world nearby. */
  readonly world: number;
  /** Words of the entity's world right beside the name, within a few words. */
  readonly worldBeside: number;
  /** Words of each other sense nearby, in the order of the entity's `otherSenses`. */
  readonly other: readonly number[];
  /** A word right before or after the name that settles it, if any. */
  readonly settled?: { readonly isMention: boolean; readonly why: string };
}

export interface Verdict {
  readonly isMention: boolean;
  /** Why, in a few words: for the evaluation's report and for people debugging a page. */
  readonly why: string;
}

/** How far on each side of a name its words are read. */
export const NEAR_CHARS = 120;
/** How far on each side a `nearby` name looks for its world: a few words. */
export const BESIDE_CHARS = 40;

/** A sure mention counts for its page as much as this many words of its world. */
const SURE_MENTION_WEIGHT = 2;

/**
 * Decides whether a name that is also a common word or another name ("Oracle", "Tiktok") is the
 * entity, from the dataset's rules for it: first a word right next to it ("the Oracle of Omaha",
 * "test oracle", "Oracle Database"), then the words near it, then what the whole page leans to.
 */
export interface Disambiguator {
  read(candidate: Candidate, around: Surroundings): Evidence;
  decide(candidate: Candidate, evidence: Evidence, page: PageEvidence): Verdict;
}

/** An entity's rules as four patterns; each list is a group, so one match says which list it is from. */
interface CompiledContext {
  readonly whys: readonly string[];
  /** The world's words (group 1), then each sense's words (group 2 on). */
  readonly words: RegExp;
  readonly worldNext: RegExp;
  /** Each sense's `before` words (group 1 on), right before the name. */
  readonly before: RegExp;
  /** Each sense's `after` words (group 1 on), right after the name. */
  readonly after: RegExp;
}

export function compileDisambiguator(entities: readonly Pick<Entity, 'id' | 'context'>[]): Disambiguator {
  const rules = new Map(entities.flatMap((e) => (e.context ? [[e.id, e.context] as const] : [])));
  // Compiled when a page first has a candidate of the entity: most pages never do.
  const contexts = new Map<EntityId, CompiledContext>();
  const contextOf = (id: EntityId): CompiledContext | undefined => {
    let context = contexts.get(id);
    const source = rules.get(id);
    if (!context && source) contexts.set(id, (context = compileContext(source)));
    return context;
  };

  return {
    read(candidate, { before, after }) {
      const context = contextOf(candidate.entityId);
      if (!context) return { world: 0, worldBeside: 0, other: [] };
      const near = countGroups(context.words, [before.slice(-NEAR_CHARS), after.slice(0, NEAR_CHARS)]);
      const beside = countGroups(context.words, [before.slice(-BESIDE_CHARS), after.slice(0, BESIDE_CHARS)]);
      const world = near[0] ?? 0;
      const worldBeside = beside[0] ?? 0;
      const other = context.whys.map((_, i) => near[i + 1] ?? 0);
      const settledBy = firstGroup(context.before.exec(before)) ?? firstGroup(context.after.exec(after));
      if (settledBy !== undefined) {
        return { world, worldBeside, other, settled: { isMention: false, why: context.whys[settledBy] ?? '' } };
      }
      if (context.worldNext.test(after))
        return { world, worldBeside, other, settled: { isMention: true, why: 'a word of its world follows' } };
      return { world, worldBeside, other };
    },

    decide(candidate, evidence, page) {
      if (candidate.when === 'always') return { isMention: true, why: 'an unambiguous name' };
      if (evidence.settled) return evidence.settled;
      const whys = contexts.get(candidate.entityId)?.whys ?? [];
      const otherWhy = (counts: readonly number[]) => whys[counts.indexOf(Math.max(...counts))] ?? 'another sense';
      const other = sum(evidence.other);
      if (other > evidence.world) return { isMention: false, why: otherWhy(evidence.other) };
      if (candidate.when === 'nearby') {
        return evidence.worldBeside > 0 && evidence.world > other
          ? { isMention: true, why: 'words of its world beside it' }
          : { isMention: false, why: 'no word of its world beside it' };
      }
      if (evidence.world > other) return { isMention: true, why: 'words of its world nearby' };
      const leaning = page.leaning(candidate.entityId);
      if (leaning.other > leaning.world) return { isMention: false, why: `the page: ${otherWhy(leaning.senses)}` };
      return { isMention: true, why: 'nothing speaks against it' };
    },
  };
}

/**
 * What a page says about its ambiguous names, gathered as it is read: the words near each
 * candidate and the sure mentions of each entity and of the entities related to it (a page that
 * says "ByteDance" speaks for the "Tiktok" it also holds).
 */
export class PageEvidence {
  readonly #related: ReadonlyMap<EntityId, readonly EntityId[]>;
  readonly #sure = new Map<EntityId, number>();
  readonly #world = new Map<EntityId, number>();
  readonly #senses = new Map<EntityId, number[]>();

  constructor(entities: readonly Pick<Entity, 'id' | 'related'>[]) {
    this.#related = new Map(entities.map((e) => [e.id, e.related]));
  }

  /** Notes a mention that needed no context. */
  noteSure(entityId: EntityId): void {
    this.#sure.set(entityId, (this.#sure.get(entityId) ?? 0) + 1);
  }

  /** Notes the words read near a candidate. */
  noteNear(entityId: EntityId, evidence: Evidence): void {
    this.#world.set(entityId, (this.#world.get(entityId) ?? 0) + evidence.world);
    const senses = this.#senses.get(entityId) ?? [];
    evidence.other.forEach((count, i) => (senses[i] = (senses[i] ?? 0) + count));
    this.#senses.set(entityId, senses);
  }

  /** The weight of the page for the entity (`world`) and for its other senses. */
  leaning(entityId: EntityId): { world: number; other: number; senses: readonly number[] } {
    let sure = this.#sure.get(entityId) ?? 0;
    for (const related of this.#related.get(entityId) ?? []) sure += this.#sure.get(related) ?? 0;
    const senses = this.#senses.get(entityId) ?? [];
    return { world: (this.#world.get(entityId) ?? 0) + SURE_MENTION_WEIGHT * sure, other: sum(senses), senses };
  }
}

function compileContext(context: EntityContext): CompiledContext {
  const { otherSenses: senses } = context;
  const group = (words: readonly string[]) => `(${words.length > 0 ? words.map(wordPattern).join('|') : '(?!)'})`;
  const groups = (lists: readonly (readonly string[])[]) => lists.map(group).join('|');
  return {
    whys: senses.map((sense) => sense.why),
    words: new RegExp(`${START}(?:${groups([context.world, ...senses.map((s) => s.words)])})${END}`, 'gu'),
    worldNext: new RegExp(String.raw`^[\s\-–]*(?:${context.world.map(wordPattern).join('|')})${END}`, 'u'),
    before: new RegExp(String.raw`${START}(?:${groups(senses.map((s) => s.before))})\s+$`, 'u'),
    after: new RegExp(String.raw`^\s+(?:${groups(senses.map((s) => s.after))})${END}`, 'u'),
  };
}

/** Rule words stand as whole words; they are Latin-script words, so the plain classes will do. */
const START = String.raw`(?<![\p{L}\p{M}\p{N}_])`;
const END = String.raw`(?![\p{L}\p{M}\p{N}_])`;

/** How many matches of each group of `pattern` the texts hold, by group (0 for group 1). */
function countGroups(pattern: RegExp, texts: readonly string[]): number[] {
  const counts: number[] = [];
  for (const text of texts) {
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      const group = firstGroup(found) ?? 0;
      counts[group] = (counts[group] ?? 0) + 1;
    }
  }
  return counts;
}

/** The index (from 0, for group 1) of the group that matched, if any. */
function firstGroup(found: RegExpExecArray | null): number | undefined {
  if (!found) return undefined;
  const index = found.findIndex((value, i) => i > 0 && value !== undefined);
  return index > 0 ? index - 1 : undefined;
}

/**
 * One word or phrase of a rule: written with a capital, it matches as written or in capitals
 * ("Neo", "NEO", never "neo"); in lower case, in any casing. `<Name>` is any capitalised word.
 */
function wordPattern(word: string): string {
  const capitalized = /\p{Lu}/u.test(word.replace('<Name>', ''));
  const piece = (upper: boolean) =>
    word
      .split(/(<Name>)/u)
      .map((part) =>
        part === '<Name>'
          ? String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`
          : [...(upper ? part.toUpperCase() : part)].map((char) => charPattern(char, !capitalized)).join(''),
      )
      .join('');
  const asWritten = piece(false);
  const inCapitals = piece(true);
  return asWritten === inCapitals ? asWritten : `${asWritten}|${inCapitals}`;
}

function sum(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}
