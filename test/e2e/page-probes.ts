/**
 * What the e2e tests read from a page, as a user would notice it: highlights, the scan measure,
 * whether a card covers a point, and (in Chromium, through DevTools) what the card says.
 */
import type { Page } from 'puppeteer-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const HIGHLIGHTS = ['backstory-tiktok', 'backstory-oracle', 'backstory-bytedance'] as const;

/** Waits until the content script has finished its first scan pass. */
export async function waitForScan(page: Page, passes = 1): Promise<void> {
  await page.waitForFunction(
    (n) => performance.getEntriesByName('backstory:scan').length >= n,
    { timeout: 15_000 },
    passes,
  );
}

/** Each highlight's size, the distinct texts it covers, and how many ranges sit in skipped regions. */
export async function countHighlights(page: Page) {
  return page.evaluate((names) => {
    const sizes: Record<string, number> = {};
    const texts: Record<string, string[]> = {};
    let insideSkipped = 0;
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      if (!highlight) continue;
      sizes[name] = highlight.size;
      const seen = new Set<string>();
      for (const range of highlight as unknown as Iterable<Range>) {
        seen.add(range.toString());
        const parent = range.startContainer.parentElement;
        if (parent?.closest('textarea, input, [contenteditable], script, style, noscript, template')) insideSkipped++;
      }
      texts[name] = [...seen].sort();
    }
    return { sizes, texts, insideSkipped };
  }, HIGHLIGHTS);
}

/** The first box of the `index`-th range of a highlight, in viewport coordinates. */
export async function mentionBox(page: Page, name: string, index: number): Promise<Box> {
  const box = await page.evaluate(
    (name, index) => {
      const highlight = CSS.highlights.get(name);
      const range = highlight ? [...(highlight as unknown as Iterable<Range>)][index] : undefined;
      const rect = range?.getClientRects()[0];
      return rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    name,
    index,
  );
  if (!box) throw new Error(`No range ${index} in ${name}`);
  return box;
}

/** Whether the card (its host, from the page's side of the closed shadow root) is what shows at a point. */
export async function cardIsOpenAt(page: Page, box: Box): Promise<boolean> {
  return page.evaluate((x, y) => document.elementFromPoint(x, y)?.localName === 'backstory-card', box.x, box.y);
}

export interface CardContent {
  dialogName: string | undefined;
  /** The card's visible text, in document order. */
  text: string;
  dates: string[];
  links: { href: string; target: string | undefined; rel: string | undefined; text: string }[];
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Reads the open card through DevTools (Chromium only): `DOM.getDocument` with `pierce` includes
 * closed shadow roots, which no page script or selector can reach.
 */
export async function readCard(page: Page): Promise<CardContent> {
  const cdp = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const host = find(root, (n) => n.localName === 'backstory-card');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('No card host with a shadow root in the page');
    const attr = (node: CdpNode, name: string): string | undefined => {
      const list = node.attributes ?? [];
      const i = list.indexOf(name);
      return i >= 0 && i % 2 === 0 ? list[i + 1] : undefined;
    };
    const dialog = find(shadow, (n) => attr(n, 'role') === 'dialog');
    if (!dialog) throw new Error('The card has no dialog (is it open?)');
    const dates: string[] = [];
    const links: CardContent['links'] = [];
    walk(dialog, (node) => {
      if (node.localName === 'time') dates.push(attr(node, 'datetime') ?? '');
      if (node.localName === 'a') {
        links.push({
          href: attr(node, 'href') ?? '',
          target: attr(node, 'target'),
          rel: attr(node, 'rel'),
          text: textOf(node),
        });
      }
    });
    return { dialogName: attr(dialog, 'aria-label'), text: textOf(dialog), dates, links };
  } finally {
    await cdp.detach();
  }
}

function textOf(node: CdpNode): string {
  let text = '';
  walk(node, (n) => {
    if (n.nodeType === 3) text += n.nodeValue ?? '';
  });
  return text;
}

function walk(node: CdpNode, visit: (node: CdpNode) => void): void {
  const stack = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.localName === 'style') continue;
    visit(current);
    stack.push(...[...(current.children ?? []), ...(current.shadowRoots ?? [])].reverse());
  }
}

function find(node: CdpNode, test: (node: CdpNode) => boolean): CdpNode | undefined {
  let found: CdpNode | undefined;
  walk(node, (n) => {
    if (!found && test(n)) found = n;
  });
  return found;
}
