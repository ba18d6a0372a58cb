import type { Entity } from './dataset-types';
import { aliasUnits, spellings } from './prepare-aliases';

/**
 * What the sentinel knows of an entity (built into content.js by build.mjs): whether it is
 * highlighted by default, and a pattern that finds every text where the matcher could find one
 * of its names.
 */
export interface SentinelEntity {
  readonly id: string;
  readonly highlightByDefault: boolean;
  readonly pattern: string;
}

/**
 * A regular expression's source that matches any text in which the matcher (`matcherFrom`) finds a name of
 * `entity`, and little else: the matcher tries each spelling's own pattern (its case rule, any
 * white space for a space), then checks what stands around it (a word's start, a prefix, a
 * suffix, the end of the word). The sentinel asks only whether a spelling's pattern occurs at all,
 * anywhere, which is true wherever the matcher finds the name. A spelling that holds another
 * ("Oracle Corp." holds "Oracle") adds nothing and is left out.
 */
export function candidatePattern(entity: Pick<Entity, 'aliases'>): string {
  const all = new Map<string, string[]>();
  for (const alias of entity.aliases) {
    for (const spelling of spellings(alias)) {
      const units = aliasUnits(spelling, alias);
      all.set(units.join(''), units);
    }
  }
  const kept = [...all.values()].filter(
    (units) => ![...all.values()].some((other) => other !== units && holds(units, other)),
  );
  return kept
    .map((units) => units.join(''))
    .sort()
    .join('|');
}

/** Whether the run of character patterns `part` matches inside all that `whole` matches. */
function holds(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length > whole.length) return false;
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((unit, j) => covers(unit, whole[i + j] ?? ''))) return true;
  }
  return false;
}

/** Whether the character pattern `unit` matches all that `other` does: itself, or "[bB]" for "B". */
function covers(unit: string, other: string): boolean {
  return unit === other || (/^\[..\]$/u.test(unit) && unit.length === 4 && unit.includes(other) && other.length === 1);
}

/** The sentinel's view of the dataset's entities. */
export function sentinelEntities(
  entities: readonly Pick<Entity, 'id' | 'aliases' | 'highlightByDefault'>[],
): SentinelEntity[] {
  return entities.map((entity) => ({
    id: entity.id,
    highlightByDefault: entity.highlightByDefault,
    pattern: candidatePattern(entity),
  }));
}
