/** Made-up aliases for the matcher benchmark: many names that never occur in real text. */
import type { Alias, Entity } from '../../src/core/dataset-types';

const SYLLABLES = 'ka ro ven tal mir dos quen bar lis tor ne vax sul fen dra mo cin pel rua zet'.split(' ');
const CASES: readonly Alias['case'][] = ['exact', 'capitalized', 'exact', 'insensitive'];

/**
 * `count` made-up names ("Kaven Dosmir", "Talrua"…) in entities of 100 aliases each, with a mix
 * of the dataset's case rules and a plural suffix now and then. The same every time.
 */
export function generatedEntities(count: number): Pick<Entity, 'id' | 'aliases'>[] {
  let state = 7;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) >>> 8;
  const word = () => {
    const syllables = Array.from({ length: 2 + (random() % 2) }, () => SYLLABLES[random() % SYLLABLES.length]);
    const joined = syllables.join('');
    return joined.charAt(0).toUpperCase() + joined.slice(1);
  };
  const seen = new Set<string>();
  const entities: { id: string; aliases: Alias[] }[] = [];
  while (seen.size < count) {
    const text = random() % 3 === 0 ? word() : `${word()} ${word()}`;
    if (seen.has(text.toLowerCase())) continue;
    const index = seen.size;
    seen.add(text.toLowerCase());
    if (index % 100 === 0) entities.push({ id: `generated-${index / 100}`, aliases: [] });
    entities.at(-1)?.aliases.push({
      text,
      case: CASES[index % CASES.length] ?? 'exact',
      boundary: 'word',
      suffixes: index % 5 === 0 ? ['s'] : [],
      prefixes: [],
      when: 'always',
    });
  }
  return entities;
}
