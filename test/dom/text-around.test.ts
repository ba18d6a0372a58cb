import { describe, expect, it } from 'vitest';
import { NEAR_CHARS } from '../../src/core/disambiguate';
import { textAround } from '../../src/content/scan/text-around';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

/** The text around the first "Oracle" in the document. */
function aroundOracle(doc: Document) {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf('Oracle');
    if (at >= 0) return textAround(node, at, at + 'Oracle'.length);
  }
  throw new Error('no Oracle');
}

describe('textAround', () => {
  it('reads on through the inline elements of the paragraph, not into the next one', () => {
    const doc = parse(
      '<p>Before it.</p><p>the tech giant <a href="#">Oracle</a>, which <b>runs</b> databases</p><p>Next.</p>',
    );
    expect(aroundOracle(doc)).toEqual({ before: 'the tech giant ', after: ', which runs databases' });
  });

  it('passes over code inside the paragraph', () => {
    const doc = parse(
      '<p>the <script>var x = "database";</script>giant <span>Oracle<style>.a{}</style> said</span></p>',
    );
    expect(aroundOracle(doc)).toEqual({ before: 'the giant ', after: ' said' });
  });

  it('stops at the distance it reads on each side', () => {
    const doc = parse(`<p>${'a'.repeat(300)} <i>Oracle</i> ${'b'.repeat(300)}</p>`);
    const { before, after } = aroundOracle(doc);
    expect([before.length, after.length]).toEqual([NEAR_CHARS, NEAR_CHARS]);
  });

  it('reads a paragraph thousands of inline elements deep', () => {
    const doc = parse('<div id="root"></div>');
    let parent: Element = doc.getElementById('root')!;
    for (let level = 0; level < 3000; level++) {
      const span = doc.createElement('span');
      span.textContent = `level ${level} `;
      parent.append(span);
      parent = span;
    }
    parent.append('Oracle database');
    expect(aroundOracle(doc)).toEqual({ before: expect.stringMatching(/level 2999 $/u), after: ' database' });
  });
});
