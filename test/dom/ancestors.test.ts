import { describe, expect, it } from 'vitest';
import { ancestorTest, highest } from '../../src/content/scan/ancestors';

describe('highest', () => {
  it('keeps the nodes no other one contains, through shadow roots', () => {
    document.body.innerHTML = '<div id="a"><p id="b">x</p></div><div id="c"></div>';
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
    const shadow = c!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>in shadow</p>';
    const inShadow = shadow.firstChild!;
    expect(highest(new Set([b!, a!, inShadow, c!]))).toEqual([a, c]);
    expect(highest(new Set([b!, inShadow]))).toEqual([b, inShadow]);
  });

  it('takes one step per ancestor for thousands of nodes nested thousands deep', () => {
    document.body.innerHTML = '';
    const nested: Element[] = [];
    let parent: Element = document.body;
    for (let i = 0; i < 4000; i++) nested.push((parent = parent.appendChild(document.createElement('span'))));
    let steps = 0;
    const inside = ancestorTest((node) => {
      steps++;
      return node === nested[0];
    });
    for (const node of nested) expect(inside(node)).toBe(true);
    expect(steps).toBeLessThanOrEqual(4000);
    expect(highest(new Set(nested.toReversed()))).toEqual([nested[0]]);
  });
});
