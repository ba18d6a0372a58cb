import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../src/core/judge-candidates';
import { prepareMatching } from '../../src/core/prepare-matching';
import { realDataset } from '../support/fixture-dataset';

// The dataset's own aliases and rules, on the hard cases of each company.
const dataset = realDataset();
const detect = compileDetector(dataset.entities.filter((e) => e.highlightByDefault).map(prepareMatching));

/** Each mention in `text` as `entity:name`, the text taken as a whole page. */
const found = (text: string): string[] => detect(text).map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);

describe('every alias', () => {
  it.each(dataset.entities.flatMap((e) => e.aliases.map((a) => [e.id, a.text, a.when] as const)))(
    '%s: "%s" (%s) is found in a sentence about it',
    (id, text, when) => {
      // A name that is also a word needs a word of its world: right after it (nearby), or in its sentence.
      const world = dataset.entities.find((e) => e.id === id)?.context?.world[0] ?? '';
      const after = { always: '', nearby: ` ${world}`, context: '' }[when];
      const tail = when === 'context' ? `, ${world} analysts said` : '';
      const sentence = `Reports on ${text}${after} came in on Monday${tail}.`;
      const all = compileDetector(dataset.entities.map(prepareMatching));
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
      // The page opens with sure mentions, so an "Oracle" with nothing else near it is the company.
      fc.property(fc.array(fc.oneof(filler, fc.constantFrom(...names)), { maxLength: 60 }), (rest) => {
        const words = ['TikTok', 'ByteDance', ...rest];
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

// The spellings writers really use (issue 18), each in a sentence of the shape it takes on pages.
describe('the spellings writers use', () => {
  it('finds the two-word "Byte Dance" and ByteDance in traditional Chinese and in Japanese', () => {
    expect(found('Back then some papers still called the app’s owner Byte Dance.')).toEqual(['bytedance:Byte Dance']);
    expect(found('媒體報導，字節跳動正考慮出售美國業務。')).toEqual(['bytedance:字節跳動']);
    expect(found('バイトダンスは新しい合弁会社を発表した。')).toEqual(['bytedance:バイトダンス']);
  });

  it('finds a hyphenated Tik-Tok in news about the app, in English and in Chinese', () => {
    expect(found('Officials said Tik-Tok must sell its US business or face a ban on app stores.')).toEqual([
      'tiktok:Tik-Tok',
    ]);
    expect(found('美国政府要求短视频应用Tik-Tok出售其美国业务，否则将被禁止。')).toEqual(['tiktok:Tik-Tok']);
    expect(found('ティックトックの動画が話題になった。')).toEqual(['tiktok:ティックトック']);
  });

  it('leaves Baum’s clockwork man alone in the same spelling, by his book’s words', () => {
    expect(found('The Project Gutenberg EBook of Tik-Tok of Oz, by L. Frank Baum')).toEqual([]);
    expect(found('"Ma-ny thanks," said Tik-Tok, and Betsy wound up his thinking machinery again.')).toEqual([]);
    expect(found('8 - Tik-Tok Tackles a Tough Task. 9 - Ruggedo Is Angry. The Nome King and Shaggy.')).toEqual([]);
  });

  it('finds the name in the nouns made from it, in the languages we read', () => {
    expect(found('TikTokers and other tiktokers posted the same video on three apps.')).toEqual([
      'tiktok:TikTok',
      'tiktok:tiktok',
    ]);
    expect(found('Una tiktoker con millones de seguidores subió un vídeo.')).toEqual(['tiktok:tiktok']);
    expect(found('Une tiktokeuse publie des vidéos de cuisine.')).toEqual(['tiktok:tiktok']);
    expect(found('Eine TikTokerin zeigt ihren Followern ein Video.')).toEqual(['tiktok:TikTok']);
  });

  it('finds Oracle fused with a product or in an identifier of the docs, never in another name', () => {
    expect(found('Run the build on OracleJDK 17 with dialect=OracleDialect and the OracleDriver.')).toEqual([
      'oracle:OracleJDK',
      'oracle:OracleDialect',
      'oracle:OracleDriver',
    ]);
    expect(found('if (dialect.isOracle()) use sequences for the database schema.')).toEqual(['oracle:Oracle']);
    expect(found('return OracleResult.BUG when the test oracle says so; thisOracle = null')).toEqual([]);
  });

  it('finds Oracle in Chinese and Japanese, apart from the oracle-bone script and oracle cards', () => {
    expect(found('甲骨文公司宣布扩大云计算业务，甲骨文的数据库收入增长。')).toEqual([
      'oracle:甲骨文公司',
      'oracle:甲骨文',
    ]);
    expect(found('殷墟出土的龟甲上刻有商代的甲骨文，是汉字的源头。')).toEqual([]);
    expect(found('日本オラクルはクラウドの新サービスを発表した。オラクルのデータベースも好調だ。')).toEqual([
      'oracle:日本オラクル',
      'oracle:オラクル',
    ]);
    expect(found('オラクルカードで今日の運勢を占う。')).toEqual([]);
  });
});

describe('a name that is also a word, decided from the page (issue 18)', () => {
  it('leaves out an Oracle nothing on the page ties to the company', () => {
    expect(found('In the last act the Oracle smiled and poured the wine, and nobody asked her a thing.')).toEqual([]);
    expect(found('Chapter 11: Low Water\nChapter 12: The Drowned Oracle\nChapter 13: Salt')).toEqual([]);
    expect(found('My cousin sells a crypto signal bot called Oracle Pro, one among dozens like it.')).toEqual([]);
  });

  it('takes the words right beside a name before the page’s leaning', () => {
    const buffett = 'Warren Buffett, the Oracle of Omaha, runs Berkshire Hathaway. ';
    expect(found(`${buffett}Last year one of his managers sold the fund's shares of Oracle.`)).toEqual([
      'oracle:Oracle',
    ]);
    expect(found(`${buffett}Another manager disclosed a stake in Oracle.`)).toEqual(['oracle:Oracle']);
    expect(found('Die Fondsgesellschaft hat ihre Aktien von Oracle verkauft.')).toEqual(['oracle:Oracle']);
    expect(found('El fondo vendió sus acciones de Oracle en marzo.')).toEqual(['oracle:Oracle']);
  });

  it('finds the sponsor, the venues and the ticker', () => {
    expect(found('Oracle Red Bull Racing took pole; the Giants play at Oracle Park.')).toEqual([
      'oracle:Oracle',
      'oracle:Oracle',
    ]);
    expect(found('ORCL rose 3% after the report.')).toEqual(['oracle:ORCL']);
  });

  it('keeps the company where the page speaks of its world in the languages we read', () => {
    expect(found('Oracle a présenté son nouveau logiciel de base de données.')).toEqual(['oracle:Oracle']);
    expect(found('Oracle presentó su nueva nube para empresas.')).toEqual(['oracle:Oracle']);
    expect(found('Der Softwarekonzern Oracle meldet einen Gewinnsprung.')).toEqual(['oracle:Oracle']);
  });
});
