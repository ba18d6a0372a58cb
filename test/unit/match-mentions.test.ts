import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/dataset-types';
import { matcherFrom, type Candidate } from '../../src/core/match-mentions';
import { prepareMatching } from '../../src/core/prepare-matching';
import { WORD_CHAR } from '../../src/core/word-char';
import { alias } from '../support/fixture-dataset';

const entities: Pick<Entity, 'id' | 'aliases'>[] = [
  {
    id: 'tiktok',
    aliases: [alias('TikTok', { case: 'capitalized', suffixes: ['s'] }), alias('Tik Tok', { case: 'capitalized' })],
  },
  {
    id: 'oracle',
    aliases: [
      alias('Oracle', { case: 'capitalized' }),
      alias('Oracle Corporation'),
      alias('Oracle Corp.'),
      alias('NYSE: ORCL'),
    ],
  },
  { id: 'bytedance', aliases: [alias('ByteDance', { case: 'capitalized' }), alias('字节跳动', { boundary: 'none' })] },
  { id: 'cfius', aliases: [alias('cfius', { case: 'insensitive' })] },
];

/** The matcher of `entities`, their aliases prepared as the build does. */
const matcherOf = (list: readonly Pick<Entity, 'id' | 'aliases'>[]) => matcherFrom(list.map(prepareMatching));

const match = matcherOf(entities);

/** The matched text of each mention, as `entity:text`. */
const found = (text: string): string[] => match(text).map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);

describe('matcherFrom', () => {
  it('finds each name with its offsets', () => {
    const text = 'Oracle is set to become TikTok’s partner, ByteDance said.';
    expect(match(text)).toEqual<Candidate[]>([
      { entityId: 'oracle', start: 0, end: 6, when: 'always' },
      { entityId: 'tiktok', start: 24, end: 30, when: 'always' },
      { entityId: 'bytedance', start: 42, end: 51, when: 'always' },
    ]);
  });

  it('highlights the name alone in possessives, with either apostrophe', () => {
    expect(found("TikTok's users and TikTok’s algorithm")).toEqual(['tiktok:TikTok', 'tiktok:TikTok']);
  });

  it('keeps to word boundaries', () => {
    expect(found('Oracles, TikTokers, ByteDancer, xTikTok, TikTok2, Oracle_db')).toEqual([]);
    expect(found('(Oracle) "TikTok" ByteDance-owned #TikTok')).toEqual([
      'oracle:Oracle',
      'tiktok:TikTok',
      'bytedance:ByteDance',
      'tiktok:TikTok',
    ]);
  });

  it('allows the suffixes an alias declares, highlighting the name without them', () => {
    expect(found('Die Tiktoks Algorithmen')).toEqual(['tiktok:Tiktok']);
    expect(found('TikTokers')).toEqual([]);
  });

  it('allows the prefixes an alias declares in code, highlighting the name without them', () => {
    const match = matcherOf([{ id: 'oracle', aliases: [alias('Oracle', { prefixes: ['is', 'get'] })] }]);
    const names = (text: string) => match(text).map((m) => text.slice(m.start, m.end) + '@' + m.start);
    expect(names('if (dialect.isOracle()) return getOracleVersion;')).toEqual(['Oracle@14']);
    expect(names('if (dialect.isOracle()) return getOracle();')).toEqual(['Oracle@14', 'Oracle@34']);
    expect(names('thisOracle and IsOracle and isoracle')).toEqual([]);
  });

  it('applies the case rules', () => {
    expect(found('Oracle ORACLE oracle OrAcLe')).toEqual(['oracle:Oracle', 'oracle:ORACLE']);
    expect(found('TikTok Tiktok TIKTOK tiktok TiKtOk')).toEqual(['tiktok:TikTok', 'tiktok:Tiktok', 'tiktok:TIKTOK']);
    expect(found('CFIUS cfius Cfius')).toEqual(['cfius:CFIUS', 'cfius:cfius', 'cfius:Cfius']);
  });

  it('prefers the longest alias, and falls back to a shorter one where the longer is refused', () => {
    expect(found('Oracle Corporation and Oracle Corp. filed')).toEqual([
      'oracle:Oracle Corporation',
      'oracle:Oracle Corp.',
    ]);
    expect(found('ORACLE CORPORATION')).toEqual(['oracle:ORACLE']);
    expect(found('listed as NYSE: ORCL today')).toEqual(['oracle:NYSE: ORCL']);
  });

  it('matches a space in an alias with any run of white space', () => {
    expect(found('Tik Tok and Tik\u00a0Tok and Tik\n  Tok')).toEqual([
      'tiktok:Tik Tok',
      'tiktok:Tik\u00a0Tok',
      'tiktok:Tik\n  Tok',
    ]);
  });

  it('finds names without word boundaries where the alias says so', () => {
    expect(found('据字节跳动公司称')).toEqual(['bytedance:字节跳动']);
  });

  it('counts offsets in UTF-16 code units around emoji and combining marks', () => {
    const text = '🎉👩‍👩‍👧 TikTok 🚀Oracle';
    const [first, second] = match(text);
    expect(text.slice(first!.start, first!.end)).toBe('TikTok');
    expect(first!.start).toBe('🎉👩‍👩‍👧 '.length);
    expect(text.slice(second!.start, second!.end)).toBe('Oracle');
    // A combining mark continues the word: "Oracle\u0301" is another word.
    expect(found('Oracle\u0301 and e\u0301 Oracle')).toEqual(['oracle:Oracle']);
    expect(match('e\u0301 Oracle')[0]).toEqual({ entityId: 'oracle', start: 3, end: 9, when: 'always' });
  });

  it('tells which alias a name is by its exact spelling first, then by any casing', () => {
    const byCase = matcherOf([
      {
        id: 'tiktok',
        aliases: [alias('TikTok'), alias('TikTok', { case: 'insensitive', when: 'context' })],
      },
      {
        id: 'oracle',
        aliases: [alias('Oracle', { case: 'capitalized', when: 'context' }), alias('oracle', { when: 'nearby' })],
      },
    ]);
    expect(byCase('TikTok Tiktok tiktok Oracle ORACLE oracle').map((m) => m.when)).toEqual([
      'always',
      'context',
      'context',
      'context',
      'context',
      'nearby',
    ]);
  });

  it('takes a Latin name beside Chinese or Japanese characters as a word of its own', () => {
    expect(found('从今日头条到TikTok，除抖音和TikTok外，字节跳动公司')).toEqual([
      'tiktok:TikTok',
      'tiktok:TikTok',
      'bytedance:字节跳动',
    ]);
    expect(found('ティックトックとTikTokの話')).toEqual(['tiktok:TikTok']);
  });

  it('returns nothing when there are no aliases', () => {
    expect(matcherOf([])('TikTok')).toEqual([]);
  });

  it('can be called again and again on different strings', () => {
    expect(found('TikTok')).toEqual(['tiktok:TikTok']);
    expect(found('no names here')).toEqual([]);
    expect(found('ByteDance')).toEqual(['bytedance:ByteDance']);
  });
});

describe('matching a long text window by window', () => {
  const names = ['TikTok', 'Oracle', 'ByteDance', 'Oracle Corporation', 'NYSE: ORCL', '字节跳动', 'Tiktoks'];
  const filler = fc.constantFrom('a', ' ', 'x', '.', '’', 'é', '🎉', '\n', 'Tik', 'Ora', 'Corp');
  const text = fc
    .array(fc.oneof(fc.constantFrom(...names), fc.string({ unit: filler, maxLength: 12 })), { maxLength: 60 })
    .map((parts) => parts.join(''));

  it('finds exactly what one pass finds, whatever the window size', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (sample, size) => {
        const whole = match(sample);
        const windowed: Candidate[] = [];
        for (let from = 0; from < sample.length; from = Math.max(from + size, windowed.at(-1)?.end ?? 0)) {
          windowed.push(...match(sample, from, from + size));
        }
        expect(windowed).toEqual(whole);
      }),
    );
  });

  it('finds the inserted names of random text, at their offsets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: fc.constantFrom(' ', 'b', '.', '\n'), maxLength: 8 }),
            fc.constantFrom('TikTok', 'Oracle', 'ByteDance'),
          ),
          {
            maxLength: 20,
          },
        ),
        (parts) => {
          let sample = '';
          const expected: Candidate[] = [];
          for (const [gap, name] of parts) {
            sample += ` ${gap} `;
            expected.push({
              entityId: name.toLowerCase(),
              start: sample.length,
              end: sample.length + name.length,
              when: 'always',
            });
            sample += name;
          }
          expect(match(sample)).toEqual(expected);
        },
      ),
    );
  });
});

describe('reading word by word', () => {
  // The plain way to match: one pattern of every alias, each with its boundaries around it.
  const reference = (text: string): string[] => {
    const patterns = entities.flatMap((e) =>
      e.aliases.flatMap((a) => {
        const forms =
          a.case === 'capitalized'
            ? [a.text, a.text[0] + a.text.slice(1).toLowerCase(), a.text.toUpperCase()]
            : [a.text];
        return forms.map((form) => {
          const body = [...form]
            .map((c) => (c === ' ' ? '\\s+' : /[.*+?()[\]{}|\\^$]/.test(c) ? `\\${c}` : c))
            .map((c) =>
              a.case === 'insensitive' && c.toLowerCase() !== c.toUpperCase()
                ? `[${c.toLowerCase()}${c.toUpperCase()}]`
                : c,
            )
            .join('');
          if (a.boundary === 'none') return { body, entity: e.id, length: form.length };
          const suffix = a.suffixes.length > 0 ? `(?:${a.suffixes.join('|')})?` : '';
          return {
            body: `(?<!${WORD_CHAR})${body}(?=${suffix}(?!${WORD_CHAR}))`,
            entity: e.id,
            length: form.length,
          };
        });
      }),
    );
    patterns.sort((a, b) => b.length - a.length);
    const all = new RegExp(patterns.map((p) => p.body).join('|'), 'gu');
    return [...text.matchAll(all)].map((m) => `${m.index}:${m[0]}`);
  };
  const pieces = fc.constantFrom('TikTok', 'Tiktoks', 'TIK TOK', 'Oracle', 'ORACLE', 'oracle', 'Corp.', 'Corporation');
  const filler = fc.constantFrom(
    ' ',
    'a',
    'é',
    '🎉',
    '-',
    '_',
    '字节跳动',
    'ByteDance',
    'NYSE: ORCL',
    'cfius',
    'CfIuS',
    '\n',
  );

  it('finds exactly what one pattern of all the aliases finds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, filler), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const words = match(text).map((m) => `${m.start}:${text.slice(m.start, m.end)}`);
        expect(words).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});
