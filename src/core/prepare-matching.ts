/**
 * What the build does for the engine (build.mjs, `backstory:aliases`): each entity's aliases
 * written out for the matcher and its rules parsed for the judge, as plain data. A page then only
 * puts that data in maps (`matcherFrom`, `CandidateJudge`), instead of compiling it again on
 * every page that may hold a name.
 */
import type { Entity, MatchingEntity } from './dataset-types';
import { prepareContext } from './disambiguate';
import { prepareAliases } from './prepare-aliases';

/** The entity as the engine needs it: its other fields are kept as they are. */
export function prepareMatching<E extends Pick<Entity, 'id' | 'aliases' | 'context'>>(
  entity: E,
): Omit<E, 'aliases' | 'context'> & Pick<MatchingEntity, 'aliases' | 'context'> {
  const { aliases, context, ...rest } = entity;
  return { ...rest, aliases: prepareAliases(aliases), ...(context && { context: prepareContext(context) }) };
}
