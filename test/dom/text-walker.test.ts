import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matcherFrom } from '../../src/core/match-mentions';
import { prepareMatching } from '../../src/core/prepare-matching';
import { scannableTextNodes } from '../../src/content/scan/text-walker';
import { fixtureDataset } from '../support/fixture-dataset';

const fixtures = join(import.meta.dirname, '../fixtures');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const textOf = (root: Node, host: Element | null = null): string[] =>
  [...scannableTextNodes(root, { ownHost: host })].map((n) => n.data.trim()).filter(Boolean);

describe('scannableTextNodes', () => {
  it('skips code, form fields, editable regions and our own host', () => {
    const doc = parse(`<body>
      <p>one <b>two</b></p>
      <script>three</script><style>.four{}</style><noscript>five</noscript>
      <template><p>six</p></template>
      <textarea>seven</textarea><select><option>eight</option></select>
      <div contenteditable="true">nine <i>ten</i></div>
      <div contenteditable>eleven</div>
      <div contenteditable="false">twelve</div>
      <div contenteditable="plaintext-only">thirteen</div>
      <div data-backstory-card>fourteen</div>
      <svg><title>fifteen</title></svg>
      <p>sixteen</p>
    </body>`);
    const host = doc.querySelector('div[data-backstory-card]');
    expect(textOf(doc.body, host)).toEqual(['one', 'two', 'twelve', 'fifteen', 'sixteen']);
  });

  it('enters open shadow roots, nested ones too, and not closed ones', () => {
    const doc = parse('<body><p>before</p><div id="open"></div><div id="closed"></div><p>after</p></body>');
    const open = doc.getElementById('open')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>in open <span id="inner"></span></p>';
    open.getElementById('inner')!.attachShadow({ mode: 'open' }).append('nested');
    doc.getElementById('closed')!.attachShadow({ mode: 'closed' }).append('in closed');
    expect(textOf(doc.body)).toEqual(['before', 'in open', 'nested', 'after']);
    // Starting from a host itself (a component just added to the page) reaches its shadow root too.
    expect(textOf(doc.getElementById('open')!)).toEqual(['in open', 'nested']);
  });

  it('walks a DOM thousands of levels deep without recursion', () => {
    const doc = parse('<body></body>');
    let parent: Element = doc.body;
    for (let i = 0; i < 5000; i++) parent = parent.appendChild(doc.createElement('span'));
    parent.append('deep TikTok');
    expect(textOf(doc.body)).toEqual(['deep TikTok']);
  });

  it('finds the 18 TikTok, 8 Oracle and 6 ByteDance mentions of the seed page text', () => {
    const doc = parse(readFileSync(join(fixtures, 'pages/seed-article.html'), 'utf8'));
    const dataset = fixtureDataset();
    const match = matcherFrom(dataset.entities.filter((e) => e.highlightByDefault).map(prepareMatching));
    const counts: Record<string, number> = {};
    for (const node of scannableTextNodes(doc.body)) {
      for (const mention of match(node.data)) counts[mention.entityId] = (counts[mention.entityId] ?? 0) + 1;
    }
    expect(counts).toEqual({ tiktok: 18, oracle: 8, bytedance: 6 });
  });
});
