// The build prepares each entity's aliases and rules (src/core/prepare-matching.ts) and serves
// them to the engine as JSON; a page only puts them in maps. What the engine finds and judges
// from that data must be what it found when it compiled the raw dataset on every page.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/dataset-types';
import { compileDetector } from '../../src/core/judge-candidates';
import { matcherFrom } from '../../src/core/match-mentions';
import { prepareMatching } from '../../src/core/prepare-matching';
import { parsePhrases } from '../../src/core/parse-rule-phrases';
import { RulePhrases } from '../../src/core/rule-phrases';
import { alias, realDataset } from '../support/fixture-dataset';

const entities = realDataset().entities;
const prepared = entities.map(prepareMatching);
/** What the engine reads: the prepared data through JSON, as build.mjs serves it. */
const served: typeof prepared = JSON.parse(JSON.stringify(prepared));

/**
 * Texts, with the candidates the matcher found and the mentions the detector kept before the
 * build prepared anything (compileMatcher and compileDetector on the raw dataset, commit 2efffaa).
 */
const BEFORE = [
  {
    text: "TikTok's TikTokers, a Tiktok app, TIK TOK and tik-tok; isOracle() and getORACLE(); ORACLE Corp. and Oracle Corporation.",
    candidates: [
      'tiktok:TikTok:always',
      'tiktok:TikTok:always',
      'tiktok:Tiktok:context',
      'tiktok:TIK TOK:context',
      'tiktok:tik-tok:context',
      'oracle:Oracle:context',
      'oracle:ORACLE:context',
      'oracle:ORACLE:context',
      'oracle:Oracle Corporation:always',
    ],
    mentions: [
      'tiktok:TikTok',
      'tiktok:TikTok',
      'tiktok:Tiktok',
      'tiktok:TIK TOK',
      'tiktok:tik-tok',
      'oracle:Oracle',
      'oracle:ORACLE',
      'oracle:ORACLE',
      'oracle:Oracle Corporation',
    ],
  },
  {
    text: 'The oracle jdbc driver; the Oracle at Delphi; the Oracle of Omaha; a test oracle; shares of Oracle rose.',
    candidates: [
      'oracle:oracle:nearby',
      'oracle:Oracle:context',
      'oracle:Oracle:context',
      'oracle:oracle:nearby',
      'oracle:Oracle:context',
    ],
    mentions: ['oracle:oracle', 'oracle:Oracle'],
  },
  {
    text: '甲骨文公司与字节跳动，ティックトック、オラクル。Larry Ellison and Safra Catz of Oracle, with pl/sql and Sun Microsystems.',
    candidates: [
      'oracle:甲骨文公司:always',
      'bytedance:字节跳动:always',
      'tiktok:ティックトック:always',
      'oracle:オラクル:context',
      'larry-ellison:Larry Ellison:always',
      'safra-catz:Safra Catz:always',
      'oracle:Oracle:context',
    ],
    mentions: [
      'oracle:甲骨文公司',
      'bytedance:字节跳动',
      'tiktok:ティックトック',
      'oracle:オラクル',
      'larry-ellison:Larry Ellison',
      'safra-catz:Safra Catz',
      'oracle:Oracle',
    ],
  },
];

describe('the prepared matching data', () => {
  it('is plain JSON: read back, it is the same data (no Map, RegExp, undefined or function)', () => {
    expect(served).toStrictEqual(prepared);
  });

  it.each(BEFORE)('finds and judges as the engine did before it was prepared: $text', (example) => {
    const { text } = example;
    const match = matcherFrom(served);
    expect(match(text).map((c) => `${c.entityId}:${text.slice(c.start, c.end)}:${c.when}`)).toEqual(example.candidates);
    const detect = compileDetector(served);
    expect(detect(text).map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`)).toEqual(example.mentions);
  });

  it('leaves out what each rule says for people reading it (its `why`)', () => {
    const rules = JSON.stringify(served.map((entity) => entity.context));
    for (const entity of entities) {
      for (const sense of entity.context?.otherSenses ?? []) expect(rules).not.toContain(sense.why);
    }
  });
});

describe('what breaks where the prepare step is wrong', () => {
  const oracle: Pick<Entity, 'id' | 'aliases'> = {
    id: 'oracle',
    aliases: [alias('Oracle', { prefixes: ['is'], suffixes: ['s'] })],
  };
  const text = 'isOracle() and the Oracles';

  it('a prefixed or suffixed name is found only through the first words the build listed for it', () => {
    const entity = prepareMatching(oracle);
    expect(matcherFrom([entity])(text).map((c) => text.slice(c.start, c.end))).toEqual(['Oracle', 'Oracle']);
    const firstWordOnly = entity.aliases.atWords.map((spelling) => ({
      ...spelling,
      firstWords: spelling.firstWords.slice(0, 1),
    }));
    const broken = { ...entity, aliases: { ...entity.aliases, atWords: firstWordOnly } };
    expect(matcherFrom([broken])(text)).toEqual([{ entityId: 'oracle', start: 2, end: 8, when: 'always' }]);
  });

  it('a rule phrase keeps what follows its last word and what stands between its words', () => {
    const parsed = parsePhrases([['Corp.', 'pl/sql', 'database']]);
    expect(parsed).toEqual([
      {
        worded: [
          { words: ['Corp'], trail: '.', capitalized: true },
          { words: ['pl', 'sql'], between: ['/'] },
          'database',
        ],
        unspaced: [],
      },
    ]);
    const counted = (phrases: RulePhrases, text: string) => {
      const counts: number[] = [];
      phrases.count(text, counts);
      return counts;
    };
    const phrases = new RulePhrases(parsed);
    expect(counted(phrases, 'Oracle Corp. said, in pl/sql')).toEqual([2]);
    expect(counted(phrases, 'the Corp said, in pl sql')).toEqual([]);
    // Without them, "Corp" and "pl sql" would speak for the company.
    const bare = new RulePhrases([
      { worded: [{ words: ['Corp'], capitalized: true }, { words: ['pl', 'sql'] }], unspaced: [] },
    ]);
    expect(counted(bare, 'the Corp said, in pl sql')).toEqual([2]);
  });
});
