import { describe, expect, it } from 'vitest';
import { alignLabels } from '../../scripts/eval/align-labels';
import { ContextText, findCandidates } from '../../scripts/eval/find-candidates';
import type { Verdict } from '../../scripts/eval/labels';
import type { Company, Detection } from '../../scripts/eval/read-page';
import { NOT_RENDERED, scorePage } from '../../scripts/eval/score-page';

const TEXT = 'Oracle Corp. said TikTok grew. The Oracle of Omaha bought Oracle7 licences. Tik-Tok wound down.';

const VERDICTS: Verdict[] = findCandidates(TEXT).map(({ context }, index): Verdict => {
  const truths: (readonly [Company, string] | string)[] = [
    ['oracle', '[[Oracle]] Corp.'],
    ['tiktok', '[[TikTok]]'],
    '"Oracle of Omaha" nickname',
    ['oracle', '[[Oracle]]7'],
    "Baum's clockwork man",
  ];
  const truth = truths[index] ?? 'unexpected candidate';
  return typeof truth === 'string'
    ? { context, entity: null, why: truth }
    : { context, entity: truth[0], mention: truth[1] };
});

/** A highlight of `text` at its `nth` occurrence in TEXT. */
function detect(entity: Company, text: string, nth = 0): Detection {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(text, start + 1);
  return { entity, start, end: start + text.length, text };
}

function score(detections: Detection[], places: { start: number; where: string }[] = []) {
  const { labelled, problems } = alignLabels('p', TEXT, findCandidates(TEXT), VERDICTS);
  expect(problems).toEqual([]);
  return scorePage('p', TEXT, new ContextText(TEXT), labelled, detections, places);
}

describe('scorePage (evaluation)', () => {
  it('counts a highlight that starts where the labelled mention starts, noting a different end', () => {
    const result = score([detect('oracle', 'Oracle'), detect('tiktok', 'TikTok'), detect('oracle', 'Oracle', 2)]);
    expect(result.counts).toEqual({
      tiktok: { tp: 1, fp: 0, fn: 0 },
      oracle: { tp: 2, fp: 0, fn: 0 },
      bytedance: { tp: 0, fp: 0, fn: 0 },
    });
    expect(result.spanNotes.map((n) => [n.detected, n.labelled])).toEqual([
      ['Oracle', 'Oracle Corp.'],
      ['Oracle', 'Oracle7'],
    ]);
  });

  it('reports each false positive with what the labels say about its text', () => {
    const result = score([
      detect('oracle', 'Oracle Corp.'),
      detect('oracle', 'TikTok'),
      detect('oracle', 'Oracle', 1),
      detect('tiktok', 'Tik-Tok'),
      detect('bytedance', 'licences'),
    ]);
    expect(result.falsePositives.map((f) => [f.entity, f.label])).toEqual([
      ['oracle', 'a mention of tiktok, not oracle'],
      ['oracle', 'false candidate: "Oracle of Omaha" nickname'],
      ['tiktok', "false candidate: Baum's clockwork man"],
      ['bytedance', 'not a candidate (highlighted "licences")'],
    ]);
    expect(result.falsePositives[1]?.context).toBe(VERDICTS[2]?.context);
  });

  it('reports each labelled mention nothing highlighted as a false negative, with its span', () => {
    const result = score([detect('oracle', 'Oracle Corp.')]);
    expect(result.falseNegatives.map((f) => [f.entity, f.label])).toEqual([
      ['tiktok', 'mention "TikTok"'],
      ['oracle', 'mention "Oracle7"'],
    ]);
    expect(result.counts.oracle).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('neither finds nor misses a mention in text the page does not render (a closed menu)', () => {
    const hiddenFrom = TEXT.indexOf('TikTok');
    const places = [
      { start: 0, where: '' },
      { start: hiddenFrom, where: NOT_RENDERED },
      { start: TEXT.indexOf(' grew'), where: '' },
    ];
    const result = score([detect('oracle', 'Oracle Corp.')], places);
    expect(result.falseNegatives.map((f) => f.label)).toEqual(['mention "Oracle7"']);
    expect(result.counts.tiktok).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});
