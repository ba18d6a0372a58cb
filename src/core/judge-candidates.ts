import type { MatchingEntity } from './dataset-types';
import { disambiguatorFrom, NEAR_CHARS, type Evidence } from './disambiguate';
import { PageEvidence, type Surroundings } from './page-evidence';
import { matcherFrom, type Candidate, type Mention } from './match-mentions';

/** A candidate whose fate waits for what the rest of the page says. */
export interface Unsure {
  readonly candidate: Candidate;
  readonly evidence: Evidence;
}

/**
 * Tells a page's names from the same words meaning something else, with the dataset's rules: a
 * candidate its alias makes sure of is a mention at once; the others are read in their
 * surroundings and wait for the end of the pass, when the page's evidence (gathered over every
 * pass of one run) is in.
 */
export class CandidateJudge {
  readonly #rules;
  readonly #page;

  constructor(entities: readonly Pick<MatchingEntity, 'id' | 'context' | 'related'>[]) {
    this.#rules = disambiguatorFrom(entities);
    this.#page = new PageEvidence(entities);
  }

  /** Splits one text's candidates into mentions and candidates that wait for the page. */
  sort(
    candidates: readonly Candidate[],
    around: (candidate: Candidate) => Surroundings,
  ): { mentions: Mention[]; unsure: Unsure[] } {
    const mentions: Mention[] = [];
    const unsure: Unsure[] = [];
    for (const candidate of candidates) {
      if (candidate.when === 'always') {
        this.#page.noteSure(candidate.entityId);
        mentions.push(candidate);
        continue;
      }
      const evidence = this.#rules.read(candidate, around(candidate));
      this.#page.noteNear(candidate.entityId, evidence.world, evidence.other);
      unsure.push({ candidate, evidence });
    }
    return { mentions, unsure };
  }

  /** The waiting candidates that are mentions, given all the page said so far. */
  settle(unsure: readonly Unsure[]): Mention[] {
    return unsure
      .filter(({ candidate, evidence }) => this.#rules.decide(candidate, evidence, this.#page))
      .map(({ candidate }) => candidate);
  }
}

/**
 * The mentions in one string taken as a whole page: what the content script finds in a page
 * whose text is `text`, for tests and tools that have no DOM. The entities come as the build
 * serves them to the engine (`prepareMatching`).
 */
export function compileDetector(
  entities: readonly Pick<MatchingEntity, 'id' | 'aliases' | 'context' | 'related'>[],
): (text: string) => Mention[] {
  const match = matcherFrom(entities);
  return (text) => {
    const judge = new CandidateJudge(entities);
    const { mentions, unsure } = judge.sort(match(text), ({ start, end }) => ({
      before: text.slice(Math.max(0, start - NEAR_CHARS), start),
      after: text.slice(end, end + NEAR_CHARS),
    }));
    return [...mentions, ...judge.settle(unsure)].sort((a, b) => a.start - b.start);
  };
}
