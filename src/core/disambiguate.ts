import type { Entity, EntityContext, EntityId, PageWorldNeeded } from './dataset-types';
import type { Candidate } from './match-mentions';
import { pageWorldNeeded, settingOf, type PageEvidence, type Setting, type Surroundings } from './page-evidence';
import { RulePhrases } from './rule-phrases';

/** Re-exported for the content script, which reads a name's surroundings from the page. */
export type { Surroundings } from './page-evidence';

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
  /** How the name stands: in a sentence, as a title, or among tags. */
  readonly setting: Setting;
}

export interface Verdict {
  readonly isMention: boolean;
  /** Why, in a few words: for the evaluation's report and for people debugging a page. */
  readonly why: string;
}

const NO_PAGE_NEEDED: PageWorldNeeded = { prose: 0, title: 0 };

/** How far on each side of a name its words are read. */
export const NEAR_CHARS = 120;
/** How far on each side a `nearby` name looks for its world: a few words. */
export const BESIDE_CHARS = 40;

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
  /** The world's words right before the name that settle it (list 0). */
  readonly worldBefore: RulePhrases;
  readonly pageWorldNeeded: PageWorldNeeded;
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
    read(candidate, around) {
      const { before, after } = around;
      const setting = settingOf(around);
      const context = contextOf(candidate.entityId);
      if (!context) return { world: 0, worldBeside: 0, other: [], setting };
      const near = countLists(context.words, [before.slice(-NEAR_CHARS), after.slice(0, NEAR_CHARS)]);
      const beside = countLists(context.words, [before.slice(-BESIDE_CHARS), after.slice(0, BESIDE_CHARS)]);
      const world = near[0] ?? 0;
      const worldBeside = beside[0] ?? 0;
      const other = context.whys.map((_, i) => near[i + 1] ?? 0);
      const read = { world, worldBeside, other, setting };
      const settledBy = context.before.listEnding(before) ?? context.after.listStarting(after, 'space');
      if (settledBy !== undefined) {
        return { ...read, settled: { isMention: false, why: context.whys[settledBy] ?? '' } };
      }
      // Words right beside the name ("shares of Oracle", "Oracle Inc.") decide before the page does.
      if (context.worldBefore.listEnding(before) === 0)
        return { ...read, settled: { isMention: true, why: 'a word of its world comes right before' } };
      if (context.words.listStarting(after, 'spaceOrDash') === 0)
        return { ...read, settled: { isMention: true, why: 'a word of its world follows' } };
      return read;
    },

    decide(candidate, evidence, page) {
      if (candidate.when === 'always') return { isMention: true, why: 'an unambiguous name' };
      if (evidence.settled) return evidence.settled;
      const context = contexts.get(candidate.entityId);
      const whys = context?.whys ?? [];
      const otherWhy = (counts: readonly number[]) => whys[counts.indexOf(Math.max(...counts))] ?? 'another sense';
      const other = sum(evidence.other);
      if (other > evidence.world) return { isMention: false, why: otherWhy(evidence.other) };
      if (candidate.when === 'nearby' && evidence.setting !== 'tag') {
        return evidence.worldBeside > 0 && evidence.world > other
          ? { isMention: true, why: 'words of its world beside it' }
          : { isMention: false, why: 'no word of its world beside it' };
      }
      if (evidence.world > other) return { isMention: true, why: 'words of its world nearby' };
      // Undecided by its own words (or a lower-case tag): the page decides.
      const leaning = page.leaning(candidate.entityId);
      if (leaning.other > leaning.world) return { isMention: false, why: `the page: ${otherWhy(leaning.senses)}` };
      if (leaning.world >= pageWorldNeeded(evidence.setting, context?.pageWorldNeeded ?? NO_PAGE_NEEDED)) {
        return { isMention: true, why: `the page speaks of its world (as ${evidence.setting})` };
      }
      return { isMention: false, why: `nothing on the page speaks for it (as ${evidence.setting})` };
    },
  };
}

function compileContext(context: EntityContext): CompiledContext {
  const { otherSenses: senses } = context;
  return {
    whys: senses.map((sense) => sense.why),
    words: new RulePhrases([context.world, ...senses.map((s) => s.words)]),
    before: new RulePhrases(senses.map((s) => s.before)),
    after: new RulePhrases(senses.map((s) => s.after)),
    worldBefore: new RulePhrases([context.worldBefore]),
    pageWorldNeeded: context.pageWorldNeeded,
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
