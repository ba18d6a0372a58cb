/**
 * Worst cases no saved page gives in full: the most text nodes, the most mentions, one huge text
 * node, a very deep tree, a page that never stops changing; and a small page with no name. Each
 * is generated the same way every time (a seeded word list), so runs compare.
 */

export interface GeneratedPage {
  readonly name: string;
  readonly html: string;
  /**
   * True when the page builds itself with its own (deterministic) script; such a page is served
   * without the policy that turns page scripts off.
   */
  readonly scripted: boolean;
  /** For a page that keeps changing: measure over this fixed window after load, in ms. */
  readonly windowMs?: number;
}

const WORDS = (
  'the a of to in and that for on with as was by at from but not said about after more ' +
  'market company deal court policy report city year people service data price board share week'
).split(' ');
const NAMES = ['TikTok', 'Oracle', 'ByteDance'];

/** A deterministic stream of plain words (no name among them). */
function words(seed: number): (count: number) => string {
  let state = seed >>> 0;
  return (count) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      out.push(WORDS[state % WORDS.length] ?? 'the');
    }
    return out.join(' ');
  };
}

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n${body}\n</body></html>\n`;

/** 30,000 text nodes (3,000 paragraphs of 10 spans), a name in one span of 100. */
function manyTextNodes(): GeneratedPage {
  const next = words(1);
  const paragraphs: string[] = [];
  for (let p = 0; p < 3_000; p++) {
    const spans = Array.from({ length: 10 }, (_, s) => {
      const name = (p * 10 + s) % 100 === 0 ? ` ${NAMES[p % 3]}` : '';
      return `<span>${next(5)}${name} </span>`;
    });
    paragraphs.push(`<p>${spans.join('')}</p>`);
  }
  return { name: 'many-text-nodes', html: page('30,000 text nodes', paragraphs.join('\n')), scripted: false };
}

/** 5,000 mentions: 500 paragraphs of 10 sentences, each naming a company. */
function manyMentions(): GeneratedPage {
  const next = words(2);
  const paragraphs: string[] = [];
  for (let p = 0; p < 500; p++) {
    const sentences = Array.from({ length: 10 }, (_, s) => `${NAMES[(p + s) % 3]} ${next(12)}.`);
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
  }
  return { name: 'many-mentions', html: page('5,000 mentions', paragraphs.join('\n')), scripted: false };
}

/** One text node of 4 MB, with a name every 4 KB (1,000 of them). */
function hugeTextNode(): GeneratedPage {
  const next = words(3);
  const chunks: string[] = [];
  let length = 0;
  for (let i = 0; length < 4_000_000; i++) {
    const chunk = `${next(660)} ${NAMES[i % 3]} `;
    chunks.push(chunk);
    length += chunk.length;
  }
  return { name: 'huge-text-node', html: page('One 4 MB text node', `<pre>${chunks.join('')}</pre>`), scripted: false };
}

/**
 * A tree 4,000 elements deep, with text at every level and a name every 40 levels. Built by the
 * page's script: HTML parsers stop nesting at a few hundred levels. Inline elements: Chromium
 * did not finish laying out 4,000 nested blocks in a minute (2,000 took 0.3 s).
 */
function deepDom(): GeneratedPage {
  const script = `
  const words = ${JSON.stringify(words(4)(4_000).split(' '))};
  const names = ${JSON.stringify(NAMES)};
  let parent = document.getElementById('root');
  for (let level = 0; level < 4000; level++) {
    const span = document.createElement('span');
    span.textContent = 'Level ' + level + ' ' + words[level] + (level % 40 === 0 ? ' ' + names[level % 3] : '') + ' ';
    parent.append(span);
    parent = span;
  }`;
  const body = `<div id="root"></div>\n<script>${script}\n</script>`;
  return { name: 'deep-dom', html: page('4,000 levels deep', body), scripted: true };
}

/**
 * A page that never settles: a clock redrawn every 16 ms, and a paragraph with a name appended
 * every 100 ms, measured over a fixed window.
 */
function changingPage(): GeneratedPage {
  const script = `
  const clock = document.getElementById('clock');
  const feed = document.getElementById('feed');
  const names = ${JSON.stringify(NAMES)};
  const words = ${JSON.stringify(words(5)(40))};
  let tick = 0;
  setInterval(() => { clock.textContent = 'Updated ' + (tick++) + ' frames ago'; }, 16);
  let post = 0;
  setInterval(() => {
    const p = document.createElement('p');
    p.textContent = 'Post ' + post + ': ' + names[post % 3] + ' ' + words;
    post++;
    feed.append(p);
  }, 100);`;
  const body = `<p id="clock">Updated</p>\n<div id="feed"></div>\n<script>${script}\n</script>`;
  return { name: 'changing-page', html: page('A page that keeps changing', body), scripted: true, windowMs: 3_000 };
}

/**
 * A small article with no name (about 6 KB: a headline, a byline, seventeen paragraphs), the page a
 * reader opens most: everything Backstory does there is the price of being installed.
 */
function smallNoName(): GeneratedPage {
  const next = words(6);
  const paragraphs = Array.from({ length: 17 }, () => `<p>${next(70)}.</p>`);
  const body = `<article><h1>${next(8)}</h1><p class="byline">By ${next(2)}</p>\n${paragraphs.join('\n')}</article>`;
  return { name: 'small-no-name', html: page('A small page with no name', body), scripted: false };
}

/** Every generated page, in the order the table lists them. */
export function generatedPages(): GeneratedPage[] {
  return [smallNoName(), manyTextNodes(), manyMentions(), hugeTextNode(), deepDom(), changingPage()];
}
