import { describe, expect, it } from 'vitest';
import { alignLabels } from '../../scripts/eval/align-labels';
import { findCandidates } from '../../scripts/eval/find-candidates';
import { checkLabels, type Verdict } from '../../scripts/eval/labels';

const TEXT =
  'Oracle Corp. (NYSE:\nORCL) hosts TikTok data. The oracle at Delphi was consulted by kings. ByteDance owns TikTok.';

/** Verdicts for TEXT's candidates, in order, as a labeller would write them. */
function verdicts(text = TEXT): Verdict[] {
  const [corp, ticker, tiktok, delphi, bytedance, tiktok2] = findCandidates(text).map((c) => c.context);
  return [
    { context: corp!, entity: 'oracle', mention: '[[Oracle]] Corp.' },
    { context: ticker!, entity: 'oracle', mention: 'NYSE: [[ORCL]]' },
    { context: tiktok!, entity: 'tiktok', mention: '[[TikTok]]' },
    { context: delphi!, entity: null, why: 'Delphic oracle' },
    { context: bytedance!, entity: 'bytedance', mention: '[[ByteDance]]' },
    { context: tiktok2!, entity: 'tiktok', mention: '[[TikTok]]' },
  ];
}

describe('alignLabels (evaluation)', () => {
  it('gives each candidate its verdict, and each true mention its labelled span', () => {
    const { labelled, problems, drifted } = alignLabels('p', TEXT, findCandidates(TEXT), verdicts());
    expect(problems).toEqual([]);
    expect(drifted).toEqual([]);
    const spans = labelled.map((c) => c.mention && TEXT.slice(c.mention.start, c.mention.end));
    expect(spans).toEqual(['Oracle Corp.', 'NYSE:\nORCL', 'TikTok', undefined, 'ByteDance', 'TikTok']);
  });

  it('names the page and the candidate when a candidate has no label, and keeps the others paired', () => {
    const text = TEXT.replace('hosts TikTok data.', 'hosts TikTok data, Oracle said.');
    const candidates = findCandidates(text);
    const { labelled, problems, drifted } = alignLabels('news.html', text, candidates, verdicts());
    expect(problems).toEqual([`news.html: candidate with no label: ${candidates[3]?.context}`]);
    // The candidates next to the new one keep their labels; their contexts changed (drifted).
    expect(labelled.map((c) => c.verdict.entity)).toEqual(['oracle', 'oracle', 'tiktok', null, 'bytedance', 'tiktok']);
    const changed = [1, 2, 4].map((i) => candidates[i]?.context);
    expect(drifted.map((d) => d.now)).toEqual(changed);
  });

  it('names the label that lost its candidate, and the candidate whose context changed too much', () => {
    const text = TEXT.replace('ByteDance owns TikTok.', 'Its owner keeps TikTok.');
    const candidates = findCandidates(text);
    const labels = verdicts();
    const { problems } = alignLabels('news.html', text, candidates, labels);
    expect(problems).toEqual([
      `news.html: candidate with no label: ${candidates[4]?.context}`,
      `news.html: label with no candidate: ${labels[4]?.context}`,
      `news.html: label with no candidate: ${labels[5]?.context}`,
    ]);
  });

  it('refuses a mention that does not fit the text around its candidate', () => {
    const wrong = verdicts().map((v, i) => (i === 0 ? { ...v, mention: '[[Oracle]] Corporation' } : v));
    const { problems } = alignLabels('p', TEXT, findCandidates(TEXT), wrong);
    expect(problems).toEqual([`p: mention "[[Oracle]] Corporation" does not fit ${findCandidates(TEXT)[0]?.context}`]);
  });
});

describe('checkLabels (evaluation)', () => {
  const page = (candidates: unknown[]) => ({ pages: { 'traps/x.html': { candidates } } });

  it('accepts true mentions and false candidates with a reason', () => {
    expect(checkLabels(page(verdicts()))).toEqual([]);
  });

  it('refuses undecided, unexplained or unmarked verdicts, naming the page and the candidate', () => {
    const errors = checkLabels(
      page([
        { context: 'a [[TikTok]] b', entity: '?' },
        { context: 'a [[oracle]] b', entity: null },
        { context: 'a [[Oracle]] b', entity: 'oracle', mention: 'Oracle' },
        { context: 'a Oracle b', entity: 'orcl', mention: '[[Oracle]]' },
      ]),
    );
    expect(errors).toEqual([
      'traps/x.html #1 "a [[TikTok]] b": not decided yet ("entity" is "?")',
      'traps/x.html #2 "a [[oracle]] b": a false candidate needs a "why"',
      'traps/x.html #3 "a [[Oracle]] b": a true mention needs its "mention", with the candidate marked [[…]] once',
      'traps/x.html #4 "a Oracle b": "context" must be a string with the candidate marked [[…]]',
    ]);
    expect(checkLabels(page([{ context: 'a [[TikTok]] b', entity: '?' }]), true)).toEqual([]);
  });
});
