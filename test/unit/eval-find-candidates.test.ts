import { describe, expect, it } from 'vitest';
import { ContextText, findCandidates } from '../../scripts/eval/find-candidates';

const texts = (text: string) => findCandidates(text).map((c) => c.text);

describe('findCandidates (evaluation)', () => {
  it('finds every spelling a true mention could have, in any case and inside words', () => {
    expect(texts('TikTok, Tiktoks, TIKTOK-Algorithmen, Tik Tok, Tik-Tok, @tiktoklover99')).toEqual([
      'TikTok',
      'Tiktok',
      'TIKTOK',
      'Tik Tok',
      'Tik-Tok',
      'tiktok',
    ]);
    expect(texts('Oracle7, the oracle jdbc driver, NYSE: ORCL, BreadOracle')).toEqual([
      'Oracle',
      'oracle',
      'ORCL',
      'Oracle',
    ]);
    expect(texts('ByteDance Ltd., Bytedance, Byte Dance, 字节跳动旗下')).toEqual([
      'ByteDance',
      'Bytedance',
      'Byte Dance',
      '字节跳动',
    ]);
  });

  it('quotes each candidate in its context, white space folded, the candidate marked', () => {
    const [candidate] = findCandidates('Shares of\n\n   Oracle   rose\tafter the deal.');
    expect(candidate?.context).toBe('Shares of [[Oracle]] rose after the deal.');
  });

  it('keeps contexts to their width and never splits a surrogate pair', () => {
    const text = `${'a'.repeat(50)}😀TikTok😀${'b'.repeat(50)}`;
    const context = new ContextText(text);
    const start = text.indexOf('TikTok');
    expect(context.around(start, start + 6, 3)).toBe('a😀[[TikTok]]😀b');
    // One code unit each side would cut an emoji in half: the left one is left out, the right one kept whole.
    expect(context.around(start, start + 6, 1)).toBe('[[TikTok]]😀');
  });
});
