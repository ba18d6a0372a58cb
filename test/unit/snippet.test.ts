import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../src/core/snippet';

const around = (text: string, name: string, radius?: number) => {
  const start = text.indexOf(name);
  const s = snippetAround(text, start, start + name.length, radius);
  return `${s.before}[${s.name}]${s.after}`;
};

describe('snippetAround', () => {
  it('keeps to the sentence of the mention', () => {
    const text = 'The ban looms. Oracle is set to become TikTok’s partner in the US. Microsoft lost.';
    expect(around(text, 'TikTok')).toBe('Oracle is set to become [TikTok]’s partner in the US.');
  });

  it('cuts long sentences at word boundaries and marks the cut', () => {
    const text = `${'word '.repeat(40)}ByteDance ${'more '.repeat(40)}end`;
    expect(around(text, 'ByteDance', 20)).toBe('…word word word [ByteDance] more more more…');
  });

  it('folds white space and works at the edges of the text', () => {
    expect(around('Oracle\n\n  said so', 'Oracle')).toBe('[Oracle] said so');
    expect(around('said by Oracle', 'Oracle')).toBe('said by [Oracle]');
  });
});
