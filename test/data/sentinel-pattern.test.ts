// The sentinel (content.js) wakes the engine only where its pattern matches: it must match every
// text in which the engine's matcher finds a name, or that name is never highlighted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentinelEntities } from '../../src/core/candidate-pattern';
import { matcherFrom } from '../../src/core/match-mentions';
import { spellings } from '../../src/core/prepare-aliases';
import { prepareMatching } from '../../src/core/prepare-matching';
import { realDataset } from '../support/fixture-dataset';

const dataset = realDataset();
const sentinel = sentinelEntities(dataset.entities);
const patternOf = (id: string) => new RegExp(sentinel.find((e) => e.id === id)?.pattern ?? '(?!)', 'u');
const matchAll = matcherFrom(dataset.entities.map(prepareMatching));

/** Every entity whose name the matcher finds in `text` has a pattern that matches `text`. */
function expectWoken(text: string): void {
  for (const mention of matchAll(text)) {
    expect(patternOf(mention.entityId).test(text), `${mention.entityId} in ${JSON.stringify(text)}`).toBe(true);
  }
}

describe("the sentinel's pattern", () => {
  const aliases = dataset.entities.flatMap((e) => e.aliases.map((a) => [e.id, a] as const));

  it.each(aliases.map(([id, alias]) => [id, alias.text, alias] as const))(
    '%s: matches every spelling of "%s", with its prefixes and suffixes',
    (id, _text, alias) => {
      for (const spelling of spellings(alias)) {
        for (const prefix of ['', ...alias.prefixes]) {
          for (const suffix of ['', ...alias.suffixes]) {
            const text = `Said ${prefix}${spelling}${suffix}, then`;
            expect(patternOf(id).test(text), text).toBe(true);
            expectWoken(text);
          }
        }
      }
    },
  );

  it('matches wherever the matcher finds a name, in any casing, spacing and surroundings', () => {
    const names = aliases.map(([, alias]) => alias.text);
    const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2009', ' \n ');
    // A name as a writer may type it: any casing, any white space between its words.
    const variant = fc
      .tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), space)
      .map(([name, upper, gap]) =>
        [...name]
          .map((char, i) => (/\s/u.test(char) ? gap : upper[i] ? char.toUpperCase() : char.toLowerCase()))
          .join(''),
      );
    const piece = fc.oneof(
      variant,
      fc.constantFrom(...names),
      fc.constantFrom('is', 'get', 's', "'s", '-', '.', '(', 'the', 'Apple', 'der', '的', '_', '1'),
      space,
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => expectWoken(pieces.join(''))),
      { numRuns: 3000 },
    );
  });

  it.each(['corpus-labels.json', 'corpus-2-labels.json'])(
    'matches the context of every labelled mention of %s',
    (file) => {
      const labels = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', file), 'utf8')) as {
        pages: Record<string, { candidates: { context: string; entity?: string; mention: string }[] }>;
      };
      let checked = 0;
      for (const page of Object.values(labels.pages)) {
        for (const candidate of page.candidates) {
          const context = candidate.context.replace('[[', '').replace(']]', '');
          expectWoken(context);
          if (candidate.entity && candidate.mention.startsWith('[[')) {
            expect(patternOf(candidate.entity).test(context), context).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(50);
    },
  );
});
