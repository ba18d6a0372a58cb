import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/dataset-types';
import { compileDetector } from '../../src/core/judge-candidates';
import { prepareMatching } from '../../src/core/prepare-matching';
import { alias } from '../support/fixture-dataset';

const sense = (why: string, rules: { words?: string[]; before?: string[]; after?: string[] }) => ({
  why,
  words: rules.words ?? [],
  before: rules.before ?? [],
  after: rules.after ?? [],
});

type Fixture = Pick<Entity, 'id' | 'aliases' | 'context' | 'related'>;
const entities: Fixture[] = [
  {
    id: 'oracle',
    aliases: [
      alias('Oracle', { case: 'capitalized', when: 'context' }),
      alias('oracle', { when: 'nearby' }),
      alias('Oracle Corp.'),
    ],
    context: {
      world: ['database', 'jdbc', 'Java', 'Corp'],
      worldBefore: ['shares of'],
      pageWorldNeeded: { prose: 1, title: 3 },
      otherSenses: [
        sense('an oracle of ancient Greece', { words: ['Delphi', 'god', 'temple of Apollo'], after: ['at Delphi'] }),
        sense('a nickname', { after: ['of <Name>'] }),
        sense('a test oracle', { before: ['test'], after: ['problem'] }),
        sense('the Matrix', { words: ['Neo', 'Matrix'] }),
      ],
    },
    related: ['tiktok'],
  },
  { id: 'tiktok', aliases: [alias('TikTok')], related: ['oracle'] },
];
const detect = compileDetector(entities.map(prepareMatching));
const found = (text: string): string[] => detect(text).map((m) => text.slice(m.start, m.end));

describe('telling a name from the same word', () => {
  it('takes an unambiguous alias anywhere', () => {
    expect(found('Oracle Corp. at Delphi')).toEqual(['Oracle Corp.']);
  });

  it('settles a name by the word right before or after it', () => {
    expect(found('the Oracle at Delphi')).toEqual([]);
    expect(found('the Oracle of Omaha')).toEqual([]);
    expect(found('a test oracle')).toEqual([]);
    expect(found('the Oracle problem')).toEqual([]);
    expect(found('an Oracle database')).toEqual(['Oracle']);
    expect(found('the oracle jdbc driver')).toEqual(['oracle']);
  });

  it('reads capitalised rule words as written or in capitals, lower-case ones in any casing', () => {
    expect(found('NEO meets the Oracle')).toEqual([]);
    expect(found('neo-classical Oracle, and its database')).toEqual(['Oracle']);
    expect(found('a DATABASE, oracle')).toEqual(['oracle']);
  });

  it('weighs the words near a name, then what the page leans to: the words near its other candidates and its sure mentions', () => {
    expect(found('Oracle said the database grew.')).toEqual(['Oracle']);
    expect(found('Oracle said the god was angry.')).toEqual([]);
    const page = `The oracle of the god at Delphi spoke. ${'Nothing else here. '.repeat(20)} Then the Oracle fell silent.`;
    expect(found(page)).toEqual([]);
    expect(found(`TikTok grew. ${'Nothing else here. '.repeat(20)} Then Oracle fell silent.`)).toEqual([
      'TikTok',
      'Oracle',
    ]);
  });

  it('takes a lower-case name only beside its world', () => {
    expect(found('oracle fell silent.')).toEqual([]);
    expect(found('An oracle, people said, who knew what buyers wanted; the database came later.')).toEqual([]);
  });

  it('leaves out a capitalised name on a page that says nothing of its world', () => {
    // A character in a novel's review: no word of the database's world anywhere.
    const review = 'In the third act the Oracle smiled and poured the wine, and the heroine left before dawn.';
    expect(found(review)).toEqual([]);
    // The same sentence on a page whose other "Oracle" stands among the database's words.
    expect(found(`${review} ${'Nothing else here. '.repeat(10)} Oracle sold its Java database team.`)).toEqual([
      'Oracle',
      'Oracle',
    ]);
  });

  it('lets the words right beside a name decide before the page leans the other way', () => {
    const omaha = 'Warren Buffett, the Oracle of Omaha, praised Berkshire and Delphi. ';
    expect(found(`${omaha.repeat(3)} A fund sold its shares of Oracle last week, Buffett said.`)).toEqual(['Oracle']);
    expect(found(`${omaha.repeat(3)} Later the Oracle of Omaha spoke again.`)).toEqual([]);
  });
});

describe('compileDetector', () => {
  const filler = fc.constantFrom('the', 'deal', 'was', 'signed', 'in', 'Texas', '2020', '—', 'and', 'Lorem', 'ipsum');
  const names = fc.constantFrom('TikTok', 'Oracle Corp.');

  it('finds exactly the canonical names inserted in random text, at their offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, names), { maxLength: 60 }), (words) => {
        const expected: { start: number; end: number }[] = [];
        let text = '';
        for (const word of words) {
          if (text) text += ' ';
          if (word === 'TikTok' || word === 'Oracle Corp.')
            expected.push({ start: text.length, end: text.length + word.length });
          text += word;
        }
        expect(detect(text).map(({ start, end }) => ({ start, end }))).toEqual(expected);
      }),
    );
  });
});
