import { describe, expect, it } from 'vitest';
import { parsePhrases } from '../../src/core/parse-rule-phrases';
import { RulePhrases } from '../../src/core/rule-phrases';

/** Lists of phrases as the engine gets them: parsed by the build. */
const phrasesOf = (lists: string[][]) => new RulePhrases(parsePhrases(lists));

const counted = (lists: string[][], text: string): number[] => {
  const counts: number[] = [];
  phrasesOf(lists).count(text, counts);
  return counts;
};

describe('RulePhrases', () => {
  it('counts whole words only, by list, in any casing for a phrase in lower case', () => {
    const lists = [['database', 'sql'], ['temple']];
    expect(counted(lists, 'The DATABASE and its Sql, in a temple.')).toEqual([2, 1]);
    expect(counted(lists, 'databases, mysql, temples and templeton')).toEqual([]);
  });

  it('matches a phrase written with a capital as written or in capitals, never in lower case', () => {
    expect(counted([['Neo', 'Warren Buffett']], 'Neo, NEO and WARREN BUFFETT')).toEqual([3]);
    expect(counted([['Neo', 'Warren Buffett']], 'neo, Warren BUFFETT, warren buffett')).toEqual([]);
  });

  it('takes any white space for a space, and other characters as written', () => {
    const lists = [['Sun Microsystems', 'pl/sql', 'Smith & Tinker', 'Ke$ha', 'on-chain']];
    expect(counted(lists, 'Sun\n  Microsystems, PL/SQL, Smith  &  Tinker, Ke$ha, on-chain')).toEqual([5]);
    expect(counted(lists, 'SunMicrosystems, pl / sql, Smith&Tinker, Ke ha, on chain')).toEqual([]);
  });

  it('needs what follows a phrase\'s last word ("Corp."), and no word right after it', () => {
    expect(counted([['Corp.']], 'Oracle Corp. said')).toEqual([1]);
    expect(counted([['Corp.']], 'Oracle Corp said, Corp.x')).toEqual([]);
  });

  it('never counts the words of one phrase twice, and tries the lists in order', () => {
    expect(counted([['test case'], ['test', 'case']], 'a test case and a test')).toEqual([1, 1]);
    expect(counted([['smart contract', 'smart contracts']], 'smart contracts')).toEqual([1]);
  });

  it('reads `<Name>` as any capitalised word', () => {
    const after = phrasesOf([['at Delphi'], ['of <Name>']]);
    expect(after.listStarting(' of Omaha, said', 'space')).toBe(1);
    expect(after.listStarting(' at Delphi', 'space')).toBe(0);
    expect(after.listStarting(' of the company', 'space')).toBeUndefined();
    expect(after.listStarting(' of Éire', 'space')).toBe(1);
  });

  it('finds a phrase at the start only after its lead: white space, or white space and dashes', () => {
    const world = phrasesOf([['database']]);
    expect(world.listStarting(' database', 'space')).toBe(0);
    expect(world.listStarting('database', 'space')).toBeUndefined();
    expect(world.listStarting(' – Database', 'spaceOrDash')).toBe(0);
    expect(world.listStarting('-database', 'spaceOrDash')).toBe(0);
    expect(world.listStarting(', database', 'spaceOrDash')).toBeUndefined();
    expect(world.listStarting(' the database', 'space')).toBeUndefined();
  });

  it('finds a phrase that ends a text followed by white space, the longest first', () => {
    const before = phrasesOf([['test'], ['unit test']]);
    expect(before.listEnding('we wrote a test ')).toBe(0);
    expect(before.listEnding('we wrote a unit test ')).toBe(1);
    expect(before.listEnding('we wrote a test')).toBeUndefined();
    expect(before.listEnding('a test, then ')).toBeUndefined();
  });
});

describe('phrases written without spaces', () => {
  const phrases = phrasesOf([['数据库', '云计算'], ['殷墟', '甲骨'], ['公司']]);

  it('are counted wherever they stand in the text', () => {
    expect(counted([['数据库', '云计算'], ['殷墟'], ['公司']], '该公司的数据库和云计算业务，以及数据库')).toEqual([
      3,
      undefined,
      1,
    ]);
  });

  it('end or start a text right beside a name, with no space needed', () => {
    expect(phrases.listEnding('安阳殷墟')).toBe(1);
    expect(phrases.listStarting('公司宣布', 'space')).toBe(2);
    expect(phrases.listStarting('宣布公司', 'space')).toBeUndefined();
  });
});
