import type { EntityContext, EntityId, MatchingEntity, PageWorldNeeded } from './dataset-types';
import type { Candidate } from './match-mentions';
import { pageWorldNeeded, settingOf, type PageEvidence, type Setting, type Surroundings } from './page-evidence';
import { parsePhrases, type ParsedList } from './parse-rule-phrases';
import { RulePhrases } from './rule-phrases';

/** Re-exported for the content script, which reads a name's surroundings from the page. */
export type { Surroundings } from './page-evidence';

/** What the words around one candidate say. */
export interface Evidence {
  /** Words of the entity's world nearby. */
  readonly world: number;
  /** Words of the entity's world right beside the name, within a few words. */
  readonly worldBeside: number;
  /** Words of its other senses nearby, all senses together. */
  readonly other: number;
  /** A word right before or after the name that settles it (a mention or not), if any. */
  readonly settled?: boolean;
  /** How the name stands: in a sentence, as a title, or among tags. */
  readonly setting: Setting;
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
  /** Whether the candidate is a mention of its entity. */
  decide(candidate: Candidate, evidence: Evidence, page: PageEvidence): boolean;
}

/**
 * An entity's rules as the build prepares them (`prepareContext`): each list of phrases parsed,
 * the `why` of each sense, written for people, left out.
 */
export interface PreparedContext {
  /** The world's words (list 0), then each sense's words (list 1 on). */
  readonly words: readonly ParsedList[];
  /** Each sense's `before` words (list 0 on), right before the name. */
  readonly before: readonly ParsedList[];
  /** Each sense's `after` words (list 0 on), right after the name. */
  readonly after: readonly ParsedList[];
  /** The world's words right before the name that settle it (list 0). */
  readonly worldBefore: readonly ParsedList[];
  readonly pageWorldNeeded: PageWorldNeeded;
}

/** An entity's rules, ready to read a page's text. */
interface Rules {
  readonly words: RulePhrases;
  readonly before: RulePhrases;
  readonly after: RulePhrases;
  readonly worldBefore: RulePhrases;
}

/** An entity's rules parsed at build time, for the engine (`disambiguatorFrom`). */
export function prepareContext(context: EntityContext): PreparedContext {
  const { otherSenses: senses } = context;
  return {
    words: parsePhrases([context.world, ...senses.map((s) => s.words)]),
    before: parsePhrases(senses.map((s) => s.before)),
    after: parsePhrases(senses.map((s) => s.after)),
    worldBefore: parsePhrases([context.worldBefore]),
    pageWorldNeeded: context.pageWorldNeeded,
  };
}

/** The disambiguator of `entities`' prepared rules. */
export function disambiguatorFrom(entities: readonly Pick<MatchingEntity, 'id' | 'context'>[]): Disambiguator {
  const prepared = new Map(entities.flatMap((e) => (e.context ? [[e.id, e.context] as const] : [])));
  // Made when a page first has a candidate of the entity: most pages never do.
  const ready = new Map<EntityId, Rules>();
  const rulesOf = (id: EntityId): Rules | undefined => {
    let rules = ready.get(id);
    const source = prepared.get(id);
    if (!rules && source) ready.set(id, (rules = rulesFrom(source)));
    return rules;
  };

  return {
    read(candidate, around) {
      const { before, after } = around;
      const setting = settingOf(around);
      const rules = rulesOf(candidate.entityId);
      if (!rules) return { world: 0, worldBeside: 0, other: 0, setting };
      const near = countLists(rules.words, [before.slice(-NEAR_CHARS), after.slice(0, NEAR_CHARS)]);
      const beside = countLists(rules.words, [before.slice(-BESIDE_CHARS), after.slice(0, BESIDE_CHARS)]);
      const world = near[0] ?? 0;
      const worldBeside = beside[0] ?? 0;
      const other = sum(near) - world;
      const read = { world, worldBeside, other, setting };
      // A word of another sense right before or after it ("test oracle", "Oracle of Omaha").
      const settledBy = rules.before.listEnding(before) ?? rules.after.listStarting(after, 'space');
      if (settledBy !== undefined) return { ...read, settled: false };
      // Words right beside the name ("shares of Oracle", "Oracle Inc.") decide before the page does.
      if (rules.worldBefore.listEnding(before) === 0) return { ...read, settled: true };
      if (rules.words.listStarting(after, 'spaceOrDash') === 0) return { ...read, settled: true };
      return read;
    },

    decide(candidate, evidence, page) {
      // An unambiguous name; then a word right beside it; then the words near it; then the page.
      if (candidate.when === 'always') return true;
      if (evidence.settled !== undefined) return evidence.settled;
      const { other } = evidence;
      if (other > evidence.world) return false;
      if (candidate.when === 'nearby' && evidence.setting !== 'tag') {
        return evidence.worldBeside > 0 && evidence.world > other;
      }
      if (evidence.world > other) return true;
      // Undecided by its own words (or a lower-case tag): the page decides.
      const leaning = page.leaning(candidate.entityId);
      if (leaning.other > leaning.world) return false;
      const needed = prepared.get(candidate.entityId)?.pageWorldNeeded ?? NO_PAGE_NEEDED;
      return leaning.world >= pageWorldNeeded(evidence.setting, needed);
    },
  };
}

function rulesFrom(context: PreparedContext): Rules {
  return {
    words: new RulePhrases(context.words),
    before: new RulePhrases(context.before),
    after: new RulePhrases(context.after),
    worldBefore: new RulePhrases(context.worldBefore),
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
