import type { Entity, EntityContext, EntityId } from './dataset-types';
import type { Candidate } from './match-mentions';
import { RulePhrases } from './rule-phrases';

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

/** An entity's rules, compiled. */
interface CompiledContext {
  readonly whys: readonly string[];
  /** The world's words (list 0), then each sense's words (list 1 on). */
  readonly words: RulePhrases;
  /** Each sense's `before` words (list 0 on), right before the name. */
  readonly before: RulePhrases;
  /** Each sense's `after` words (list 0 on), right after the name. */
  readonly after: RulePhrases;
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
      const near = countLists(context.words, [before.slice(-NEAR_CHARS), after.slice(0, NEAR_CHARS)]);
      const beside = countLists(context.words, [before.slice(-BESIDE_CHARS), after.slice(0, BESIDE_CHARS)]);
      const world = near[0] ?? 0;
      const worldBeside = beside[0] ?? 0;
      const other = context.whys.map((_, i) => near[i + 1] ?? 0);
      const settledBy = context.before.listEnding(before) ?? context.after.listStarting(after, 'space');
      if (settledBy !== undefined) {
        return { world, worldBeside, other, settled: { isMention: false, why: context.whys[settledBy] ?? '' } };
      }
      if (context.words.listStarting(after, 'spaceOrDash') === 0)
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
  return {
    whys: senses.map((sense) => sense.why),
    words: new RulePhrases([context.world, ...senses.map((s) => s.words)]),
    before: new RulePhrases(senses.map((s) => s.before)),
    after: new RulePhrases(senses.map((s) => s.after)),
  };
}

/** How many phrases of each list the texts hold, by list. */
function countLists(phrases: RulePhrases, texts: readonly string[]): number[] {
  const counts: number[] = [];
  for (const text of texts) phrases.count(text, counts);
  return counts;
}

function sum(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}
