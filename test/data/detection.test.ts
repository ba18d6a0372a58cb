import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../src/core/judge-candidates';
import { realDataset } from '../support/fixture-dataset';

// The dataset's own aliases and rules, on the hard cases of each company.
const dataset = realDataset();
const detect = compileDetector(dataset.entities.filter((e) => e.highlightByDefault));

/** Each mention in `text` as `entity:name`, the text taken as a whole page. */
const found = (text: string): string[] => detect(text).map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);

describe('every alias', () => {
  it.each(dataset.entities.flatMap((e) => e.aliases.map((a) => [e.id, a.text, a.when] as const)))(
    '%s: "%s" (%s) is found in a sentence about it',
    (id, text, when) => {
      const world = dataset.entities.find((e) => e.id === id)?.context?.world[0] ?? '';
      const sentence = `Reports on ${text}${when === 'nearby' ? ` ${world}` : ''} came in on Monday.`;
      const all = compileDetector(dataset.entities);
      expect(all(sentence)).toEqual([expect.objectContaining({ entityId: id, start: 11, end: 11 + text.length })]);
    },
  );
});

describe('TikTok', () => {
  it('is found in the casings, inflections and compounds writers use', () => {
    expect(found("TikTok's feed, TikToks Nutzer, the Tiktok app, TIKTOK BAN, on tiktok")).toEqual([
      'tiktok:TikTok',
      'tiktok:TikTok',
      'tiktok:Tiktok',
      'tiktok:TIKTOK',
      'tiktok:tiktok',
    ]);
    expect(found('Die Tiktok-Prediger und die TikTok-Algorithmen; Tiktoks Empfehlungen')).toEqual([
      'tiktok:Tiktok',
      'tiktok:TikTok',
      'tiktok:Tiktok',
    ]);
  });

  it('leaves the clock, the song, the Oz character and user names alone', () => {
    expect(found('The clock went tick tock, tick-tock; the tiktok of the clock.')).toEqual([]);
    expect(found("Kesha's TiK ToK topped the Hot 100; Ke$ha sang Tik Tok in 2009.")).toEqual([]);
    expect(found('Dorothy wound up Tiktok, the Machine Man of Oz, and Tiktok thanked her.')).toEqual([]);
    expect(found('Follow @tiktoklover99 and tiktok_fan, or TikTokFan2020.')).toEqual([]);
  });

  it('keeps the app where the page is about it, even in a spelling the Oz books share', () => {
    expect(found('Tiktok steht im Verdacht, Wahlen zu beeinflussen, sagt die Kommission.')).toEqual(['tiktok:Tiktok']);
  });
});

describe('Oracle', () => {
  it('is found as the company and its products', () => {
    expect(found('Oracle Corp. and ORACLE IRELAND; Oracle’s cloud; Oracle Database 19c; Oracle7; NYSE: ORCL')).toEqual([
      'oracle:Oracle Corp.',
      'oracle:ORACLE',
      'oracle:Oracle',
      'oracle:Oracle',
      'oracle:Oracle7',
      'oracle:NYSE: ORCL',
    ]);
    expect(found('Load the oracle jdbc driver before you open the schema.')).toEqual(['oracle:oracle']);
  });

  it('is found beside the deal’s other companies', () => {
    expect(found('ByteDance picked Oracle over Microsoft.')).toEqual(['bytedance:ByteDance', 'oracle:Oracle']);
  });

  it('leaves the other oracles alone', () => {
    const others = [
      'Croesus sent gifts to the Oracle at Delphi, and the Oracle gave answer.',
      'The Oracle of Delphi spoke through the Pythia.',
      'In The Matrix, Neo visits the Oracle, who offers him a cookie.',
      'Warren Buffett, the Oracle of Omaha, bought more shares.',
      "She has been called the 'Oracle of Wall Street'.",
      'Oracle manipulation drained the lending pool; a Chainlink oracle reports the price.',
      'Price oracles feed smart contracts. The oracle was manipulated with a flash loan.',
      'Without a test oracle, the Oracle problem makes automated testing hard.',
      'He is an oracle whose predictions investors follow.',
      'Draw three cards from the Wild Unknown Animal Spirit Oracle deck.',
      "Ich benutze das Buch 'Crystal Wisdom Healing Oracle', um zu verstehen, welche Kristalle ich brauche.",
      'Kudos from TheMoonOracle and oracle_fan.',
    ];
    for (const text of others) expect(found(text), text).toEqual([]);
  });

  it('decides a bare name by what the page leans to', () => {
    const delphi = 'The Lydians consulted the god at Delphi. So the Oracle gave answer. The temple of Apollo.';
    expect(found(delphi)).toEqual([]);
    expect(found('Oracle said on Tuesday that revenue rose.')).toEqual(['oracle:Oracle']);
  });
});

describe('ByteDance', () => {
  it('is found in its spellings and in Chinese', () => {
    expect(found('ByteDance, Bytedance, BYTEDANCE, ByteDance Ltd. and 字节跳动公司')).toEqual([
      'bytedance:ByteDance',
      'bytedance:Bytedance',
      'bytedance:BYTEDANCE',
      'bytedance:ByteDance Ltd.',
      'bytedance:字节跳动',
    ]);
  });
});

describe('random text', () => {
  const filler = fc.constantFrom(
    'the',
    'deal',
    'was',
    'signed',
    'in',
    'May',
    '2020',
    '—',
    'and',
    'Lorem',
    'ipsum',
    '。',
    '，',
  );
  const names = ['TikTok', 'Oracle', 'ByteDance', 'Oracle Corporation', '字节跳动', 'TikTok’s'];

  it('with canonical names inserted yields exactly those names, at their offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, fc.constantFrom(...names)), { maxLength: 60 }), (words) => {
        const expected: string[] = [];
        let text = '';
        for (const word of words) {
          if (text) text += ' ';
          if (names.includes(word)) expected.push(`${text.length}:${word.replace('’s', '')}`);
          text += word;
        }
        expect(detect(text).map((m) => `${m.start}:${text.slice(m.start, m.end)}`)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
